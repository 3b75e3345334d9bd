"""Userback's contract as its documents state it: the generated tests' fixture."""

# "email, name and avatar_url" in the example; HS256.
DOCUMENTED = {
    "source": "https://support.userback.io/en/articles/6160423-single-sign-on-sso",
    "required": ("email", "name"),
    "identity": {"email": "email", "name": "display_name"},
    # ?sso_jwt= on the portal URL (vendor docs, H).
    "sso_url": "{PORTAL_URL}",
    "token_param": "sso_jwt",
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://acme.ideas.userback.io/p/AbCdEf",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "userback-test-secret-0123456789abcdef-000"
