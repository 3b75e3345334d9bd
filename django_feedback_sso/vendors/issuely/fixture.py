"""Issuely's contract as its documents state it: the generated tests' fixture."""

# companyId, email required; "exp must expire within 10 minutes of iat".
DOCUMENTED = {
    "source": "https://tickets.sonnetinfotech.com/help/sso",
    "required": ("companyId", "email", "iat", "exp"),
    "max_lifetime": 600,
    # companyId: the company id Issuely shows under Settings → SSO; email, name.
    "identity": {"email": "email", "name": "display_name"},
    "option_claims": {"companyId": "COMPANY_ID"},
    # The SSO URL and its token parameter (vendor docs, H).
    "sso_url": "https://issuely.in/api/auth/sso",
    "token_param": "token",
    "portal": "https://issuely.in",
    # role: CUSTOMER (Issuely's default) or AGENT, an agent of your helpdesk.
    "grants": {"role": "AGENT"},
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "COMPANY_ID": "acme",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "issuely-test-secret-0123456789abcdef-0000"
