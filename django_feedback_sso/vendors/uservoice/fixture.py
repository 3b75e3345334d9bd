"""UserVoice's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# "The only options required to identify your users are email and guid"; HS256.
DOCUMENTED = {
    "source": "https://help.uservoice.com/hc/en-us/articles/360062340693-Single-Sign-On-with-JSON-"
        "Web-Tokens-JWT",
    "required": ("guid", "email"),
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.uservoice.com",
    "WIDGET_SCRIPT_URL": "https://widget.uservoice.com/AbCdEf123.js",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "uservoice-test-secret-0123456789abcdef-0"
