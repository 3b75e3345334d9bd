"""Intercom's contract as its documents state it: the generated tests' fixture."""

# user_id required; exp optional; HS256.
DOCUMENTED = {
    "source": "https://developers.intercom.com/installing-intercom/web/identity-verification",
    "required": ("user_id",),
    "identity": {"user_id": "user_id", "email": "email", "name": "display_name"},
    # window.intercomSettings.intercom_user_jwt.
    "widget": "intercomSettings",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "APP_ID": "abc123de",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js sets intercomSettings.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "intercom", "data-app-id": "{APP_ID}",
                "data-widget-src": "https://widget.intercom.io/widget/{APP_ID}",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "intercom-test-secret-0123456789abcdef-00"
