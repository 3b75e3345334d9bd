"""AnnounceKit's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# "user properties id, name, email"; "HS256 ... included in JWT Header".
DOCUMENTED = {
    "source": "https://help.announcekit.app/en/articles/6583616-jwt-user-authentication",
    "required": ("id", "name", "email"),
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "WIDGET_URL": "https://announcekit.app/widgets/v2/2OTEC4",
    "SELECTOR": ".announcekit-widget",
    "FEED_URL": "https://announcekit.app/acmeco/updates",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "announcekit-test-secret-0123456789abcdef"
