"""Website Toolbox's contract as its documents state it: the generated tests' fixture."""

# "email | string | Yes"; the sample signs HS256 with expiresIn '5m'.
DOCUMENTED = {
    "source": "https://www.websitetoolbox.com/support/single-sign-on-jwt-1045",
    "required": ("email",),
    "identity": {"email": "email", "name": "display_name", "username": "username"},
    # {forum}/oauth?action=doOauthCallback&service=JWT&code=<token> (vendor docs, H), and
    # &jump=<url> for the page to land on (the official sample repo, H).
    "sso_url": "{PORTAL_URL}/oauth?action=doOauthCallback&service=JWT",
    "token_param": "code",
    "return_param": "jump",
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://forum.acme.test",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "website-toolbox-test-secret-0123456789ab"
