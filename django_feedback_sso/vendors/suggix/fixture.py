"""Suggix's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# "Your JWT payload must include: email, name"; {algorithm: 'HS256'}.
DOCUMENTED = {
    "source": "https://help.suggix.com/development/sso",
    "required": ("email", "name"),
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://feedback.acme-suggix.test",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "suggix-test-secret-0123456789abcdef-00000"
