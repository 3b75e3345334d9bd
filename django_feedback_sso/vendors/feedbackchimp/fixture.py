"""FeedbackChimp's contract as its documents state it: the generated tests' fixture."""

# "jti is used to prevent token replaying attacks"; email, name; HS256.
DOCUMENTED = {
    "source": "https://help.feedbackchimp.com/articles/10064-creating-and-signing-a-jwt-for-single-"
        "sign-on-sso-in-feedbackchimp",
    "required": ("email", "name", "jti"),
    "rejects_replay": True,
    "identity": {"email": "email", "name": "display_name"},
    # No page names the SSO URL or its parameters: inferred from the Featurebase API
    # FeedbackChimp mirrors (EXAMPLE confirms them, check W005).
    "sso_url": "{PORTAL_URL}/api/v1/auth/access/jwt",
    "token_param": "jwt",
    "return_param": "return_to",
    "sends_return_in": "return_to",
    "portal": "{PORTAL_URL}",
}

# The inferred details, confirmed (check W005): the sandbox implements them.
#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.feedbackchimp.space",
    "SSO_URL": "https://acme.feedbackchimp.space/api/v1/auth/access/jwt",
    "TOKEN_PARAM": "jwt",
    "RETURN_PARAM": "return_to",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "feedbackchimp-test-secret-0123456789abcdef"
