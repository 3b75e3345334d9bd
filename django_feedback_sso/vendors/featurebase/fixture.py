"""Featurebase's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# "at least one of email or userId must be present"; the example signs HS256.
DOCUMENTED = {
    "source": "https://help.featurebase.app/articles/5257986-creating-and-signing-a-jwt-for-single-"
        "sign-on",
    "required": (),
    "required_any": ("email", "userId"),
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.featurebase.app",
    "ORGANIZATION": "acme",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "featurebase-test-secret-0123456789abcdef"
