"""Issuely: its SSO contract, as data."""

from __future__ import annotations

from datetime import timedelta

from ..spec import ClaimRule, VendorOption, VendorSpec

# https://tickets.sonnetinfotech.com/help/sso: HS256, companyId + email required, role
# CUSTOMER or AGENT, "exp must expire within 10 minutes of iat", redirect to
# https://issuely.in/api/auth/sso?token=...
SPEC = VendorSpec(
    id="issuely",
    name="Issuely",
    docs_url="https://tickets.sonnetinfotech.com/help/sso",
    claim_names={"email": "email", "name": "display_name"},
    required_claims=("companyId", "email", "iat", "exp"),
    claim_rules={
        "companyId": ClaimRule(),
        "email": ClaimRule(),
        "name": ClaimRule(),
        "role": ClaimRule(choices=("CUSTOMER", "AGENT")),
        "projectId": ClaimRule(),
    },
    role_claims=frozenset({"role"}),
    harmless_role_values={"role": ("CUSTOMER",)},
    max_lifetime=timedelta(minutes=10),
    options=(
        VendorOption("COMPANY_ID", "Shown in Issuely under Settings → SSO.", required=True,
                     claim="companyId"),
        VendorOption("ROLE", "CUSTOMER (Issuely's default) or AGENT.", kind="choice",
                     choices=("CUSTOMER", "AGENT"), claim="role"),
        VendorOption("PROJECT_ID", "Adds every user to this Issuely project.",
                     claim="projectId"),
        VendorOption("SSO_URL", "Issuely's SSO endpoint.", kind="url",
                     default="https://issuely.in/api/auth/sso"),
        VendorOption("PORTAL_URL", "Where users who get no token sign in themselves.",
                     kind="base_url", default="https://issuely.in"),
    ),
    sso_url_option="SSO_URL",
    token_param="token",
    host_options=("SSO_URL",),
)
