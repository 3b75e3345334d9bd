"""Suggix's contract as its documents state it: the generated tests' fixture."""

# "Your JWT payload must include: email, name"; {algorithm: 'HS256'}.
DOCUMENTED = {
    "source": "https://help.suggix.com/development/sso",
    "required": ("email", "name"),
    "identity": {"email": "email", "name": "display_name", "id": "user_id"},
    # Suggix sends ?redirect=https://feedback.yourwebsite.com/…; the user goes back there
    # with ?ssoToken= (vendor docs, H; pages other than the root: our reading, M).
    "sso_url": "{PORTAL_URL}",
    "token_param": "ssoToken",
    "any_page": True,
    "sends_return_in": "redirect",
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://feedback.acme-suggix.test",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "suggix-test-secret-0123456789abcdef-00000"
