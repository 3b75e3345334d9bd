"""Nolt's contract as its documents state it: the generated tests' fixture."""

# "id", "email", "name" in the payload; { algorithm: 'HS256' }.
DOCUMENTED = {
    "source": "https://nolt.io/help/single-sign-on",
    "required": ("id", "email", "name"),
    "identity": {"id": "user_id", "email": "email", "name": "display_name"},
    # nolt('identify', {jwt}); a board link marked data-nolt opens signed in. No SSO URL.
    "widget": "identify",
    # noltUserRole (ADMIN, MODERATOR) makes the user a board admin or moderator.
    "grants": {"noltUserRole": "ADMIN"},
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.nolt.io",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js calls nolt('identify'), and
#: Nolt's board link.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "nolt",
                "data-widget-src": "https://cdn.nolt.io/widgets.js", "data-token": "TOKEN"},
     ""),
    ("a", {"href": "{PORTAL_URL}", "class": "feedback-sso-link", "data-nolt": "",
           "data-feedback-sso": "nolt"}, "Open Nolt"),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "nolt-test-secret-0123456789abcdef-000000"
