"""Suggix: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal, return_hosts
from ..spec import ClaimRule, VendorSpec

# https://help.suggix.com/development/sso and /development/jwt: HS256; email and name
# required strings, id ("Stable user ID") and photo_url optional; the portal takes
# ?ssoToken=; with a Login Redirect URL, Suggix sends users to it with
# ?redirect=https://feedback.yourwebsite.com.
SPEC = VendorSpec(
    id="suggix",
    name="Suggix",
    docs_url="https://help.suggix.com/development/sso",
    claim_names={"email": "email", "name": "display_name", "id": "user_id"},
    required_claims=("email", "name"),
    claim_rules={"email": ClaimRule(), "name": ClaimRule(), "id": ClaimRule(),
                 "photo_url": ClaimRule(pattern=r"https?://\S+")},
    options=(portal("https://feedback.yourwebsite.com", required=True), return_hosts()),
    sso_url_option="PORTAL_URL",
    token_param="ssoToken",
    # The redirect Suggix sends is a portal page; the token goes on it, as on the root.
    return_mode="target",
    incoming_return_params=("redirect",),
    host_options=("PORTAL_URL",),
)
