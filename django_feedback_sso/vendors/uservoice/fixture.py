"""UserVoice's contract as its documents state it: the generated tests' fixture."""

# "The only options required to identify your users are email and guid"; HS256.
DOCUMENTED = {
    "source": "https://help.uservoice.com/hc/en-us/articles/360062340693-Single-Sign-On-with-JSON-"
        "Web-Tokens-JWT",
    "required": ("guid", "email"),
    # "guid ... A unique identifier for the user -- do NOT use user email".
    "identity": {"guid": "user_id", "email": "email", "display_name": "display_name"},
    # UserVoice.push(['set', {sso: token}]).
    "widget": "set-sso",
    # "include it as a query parameter when you redirect that user to your UserVoice
    # portal" (?sso=).
    "sso_url": "{PORTAL_URL}",
    "token_param": "sso",
    "any_page": True,
    "portal": "{PORTAL_URL}",
    # trusted, admin and owner grant admin rights ("accept" again after their removal).
    "grants": {"trusted": True, "admin": "accept", "owner": "accept"},
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.uservoice.com",
    "WIDGET_SCRIPT_URL": "https://widget.uservoice.com/AbCdEf123.js",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js pushes ['set', {sso}].
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "uservoice", "data-token": "TOKEN",
                "data-widget-src": "{WIDGET_SCRIPT_URL}"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "uservoice-test-secret-0123456789abcdef-0"
