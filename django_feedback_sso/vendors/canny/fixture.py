"""Canny's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# from ../shared/research/vendors.md Part B and the vendors' pages.
# "userData = {avatarURL (optional), email, id, name}", {algorithm: 'HS256'}.
DOCUMENTED = {
    "source": "https://developers.canny.io/install/widget/sso",
    "required": ("email", "id", "name"),
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "COMPANY_ID": "5f0c0ffee0c0ffee0c0ffee0",
    "PORTAL_URL": "https://acme.canny.io",
    "BOARD_TOKEN": "board-token-1",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "canny-test-secret-0123456789abcdef-000000"
