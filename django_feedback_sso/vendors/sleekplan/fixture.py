"""Sleekplan's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# "mail | Yes | Email address of the user"; HMAC SHA-256; nothing on time claims.
DOCUMENTED = {
    "source": "https://sleekplan.com/docs/authentication/single-sign-on",
    "required": ("mail",),
    "email_claim": "mail",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PRODUCT_ID": "12345",
    "PORTAL_URL": "https://acme.sleekplan.app",
    "TOKEN_PARAM": "sso",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "sleekplan-test-secret-0123456789abcdef"
