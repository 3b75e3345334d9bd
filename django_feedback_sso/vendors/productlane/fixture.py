"""Productlane's contract as its documents state it: the generated tests' fixture."""

# jwt.sign({email, name, imageUrl?, tokenValidity?}, secret): jsonwebtoken's HS256.
DOCUMENTED = {
    "source": "https://productlane.com/docs/guide/sso",
    "required": ("email", "name"),
    "identity": {"email": "email", "name": "display_name"},
    # {PORTAL_URL}/api/portal/sso?token= (vendor docs, H).
    "sso_url": "{PORTAL_URL}/api/portal/sso",
    "token_param": "token",
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://feedback.acme-lane.test",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "pl_sso_productlane-test-secret-0123456789"
