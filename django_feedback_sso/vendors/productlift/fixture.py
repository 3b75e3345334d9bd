"""ProductLift's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# The example payload: email, uid, name; nothing on time claims.
DOCUMENTED = {
    "source": "https://www.productlift.dev/docs/single-sign-on",
    "required": ("email", "uid", "name"),
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://feedback.example.com",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "productlift-test-secret-0123456789abcdef"
