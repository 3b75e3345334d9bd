"""Suggix: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Redirect, VendorSpec

# https://help.suggix.com/development/sso and /development/jwt: HS256; email and name
# required strings, id ("Stable user ID") and photo_url optional; the portal takes
# ?ssoToken=; with a Login Redirect URL, Suggix sends users to it with
# ?redirect=https://feedback.yourwebsite.com.
SPEC = VendorSpec(
    id="suggix",
    name="Suggix",
    docs_url="https://help.suggix.com/development/sso",
    claims=Claims(
        names={"email": "email", "name": "display_name", "id": "user_id"},
        required=("email", "name"),
        rules={"photo_url": ClaimRule(pattern=r"https?://\S+")},
    ),
    options=(portal("https://feedback.yourwebsite.com", required=True),),
    redirect=Redirect(
        sso_url_option="PORTAL_URL",
        token_param="ssoToken",
        # The redirect Suggix sends is a portal page; the token goes on it, as on the root.
        return_mode="target",
        incoming_return_params=("redirect",),
    ),
)
