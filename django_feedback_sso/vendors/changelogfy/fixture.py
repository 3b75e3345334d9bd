"""Changelogfy's contract as its documents state it: the generated tests' fixture."""

# id, name, email; HS256.
DOCUMENTED = {
    "source": "https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/",
    "required": ("id", "name", "email"),
    "identity": {"id": "user_id", "name": "display_name", "email": "email"},
    # window.CLF_config = {selector, app_id, sso}.
    "widget": "CLF_config",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "APP_ID": "163a312a-7cde-41ab-a80c-cb4cf281efdf",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js sets CLF_config.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "changelogfy",
                "data-app-id": "{APP_ID}", "data-selector": ".changelogfy-widget",
                "data-widget-src": "https://widget.changelogfy.com/index.js",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "changelogfy-test-secret-0123456789abcdef"
