"""Zendesk Help Center's contract as its documents state it: the generated tests' fixture."""

# Every official sample: {iat, jti, name, email}, HS256, header typ JWT; the jti is
# "a unique, random string that prevents token reuse".
DOCUMENTED = {
    "source": "https://github.com/zendesk/zendesk_jwt_sso_examples",
    "required": ("iat", "jti", "name", "email"),
    "rejects_replay": True,
    "identity": {"email": "email", "name": "display_name"},
    # "Do not place the JWT directly in the URL": a POST of jwt to {subdomain}/access/jwt,
    # with the return_to Zendesk sent to the remote login URL (official sample repo, H).
    "sso_url": "{PORTAL_URL}/access/jwt",
    "token_param": "jwt",
    "token_in": "body",
    "return_param": "return_to",
    "sends_return_in": "return_to",
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.zendesk.com",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "zendesk-test-secret-0123456789abcdef-0000"
