"""Issuely: its SSO contract, as data."""

from __future__ import annotations

from datetime import timedelta

from ..spec import ClaimRule, Claims, Redirect, Token, VendorOption, VendorSpec

# https://tickets.sonnetinfotech.com/help/sso: HS256, companyId + email required, role
# CUSTOMER or AGENT, "exp must expire within 10 minutes of iat", redirect to
# https://issuely.in/api/auth/sso?token=...
SPEC = VendorSpec(
    id="issuely",
    name="Issuely",
    docs_url="https://tickets.sonnetinfotech.com/help/sso",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("companyId", "email", "iat", "exp"),
        rules={
            "role": ClaimRule(choices=("CUSTOMER", "AGENT")),
            "projectId": ClaimRule(),
        },
        roles=frozenset({"role"}),
        harmless_role_values={"role": ("CUSTOMER",)},
    ),
    token=Token(
        max_lifetime=timedelta(minutes=10),
    ),
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
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="token",
        # Return targets keep to the SSO URL's host (the helpdesk), not PORTAL_URL's.
        host_options=("SSO_URL",),
    ),
)
