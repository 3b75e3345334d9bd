"""Featurebase's contract as its documents state it: the generated tests' fixture."""

# "at least one of email or userId must be present"; the example signs HS256.
DOCUMENTED = {
    "source": "https://help.featurebase.app/articles/5257986-creating-and-signing-a-jwt-for-single-"
        "sign-on",
    "required": (),
    "required_any": ("email", "userId"),
    "identity": {"email": "email", "userId": "user_id", "name": "display_name"},
    # Featurebase("initialize_feedback_widget", {organization, jwtToken}).
    "widget": "jwtToken",
    # https://developers.featurebase.app/install/board/sso:
    # {portal}/api/v1/auth/access/jwt?jwt=…&return_to=…, Featurebase sending ?return_to=.
    "sso_url": "{PORTAL_URL}/api/v1/auth/access/jwt",
    "token_param": "jwt",
    "return_param": "return_to",
    "sends_return_in": "return_to",
    "portal": "{PORTAL_URL}",
    # role: "used for user roles feature with enterprise plan".
    "grants": {"role": "admin"},
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.featurebase.app",
    "ORGANIZATION": "acme",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js initialises the widget.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "featurebase",
                "data-organization": "{ORGANIZATION}",
                "data-widget-src": "https://do.featurebase.app/js/sdk.js",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "featurebase-test-secret-0123456789abcdef"
