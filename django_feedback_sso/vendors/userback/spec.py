"""Userback: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Redirect, VendorSpec

# https://support.userback.io/en/articles/6160423-single-sign-on-sso: HS256 with the
# portal's SSO key; email, name, avatar_url; https://mycompany.ideas.userback.io/p/<id>?sso_jwt=.
# Only the portal's own URL is documented to take the token, so return targets are not
# used (the user lands on the portal).
SPEC = VendorSpec(
    id="userback",
    name="Userback",
    docs_url="https://support.userback.io/en/articles/6160423-single-sign-on-sso",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email", "name"),
        rules={"avatar_url": ClaimRule(pattern=r"https?://\S+")},
    ),
    options=(portal("https://mycompany.ideas.userback.io/p/AbCdEf", required=True),),
    redirect=Redirect(
        sso_url_option="PORTAL_URL",
        token_param="sso_jwt",
    ),
)
