"""Productlane: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Redirect, VendorOption, VendorSpec

# https://productlane.com/docs/guide/sso: jwt.sign({email, name, imageUrl?, tokenValidity?
# (minutes)}, "pl_sso_…") (jsonwebtoken's default, HS256), then
# https://feedback.example.com/api/portal/sso?token=…. Productlane routes portal logins to
# your endpoint with no documented return parameter.
SPEC = VendorSpec(
    id="productlane",
    name="Productlane",
    docs_url="https://productlane.com/docs/guide/sso",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email", "name"),
        rules={
            "imageUrl": ClaimRule(pattern=r"https?://\S+"),
            "tokenValidity": ClaimRule(types=(int,), minimum=1),
        },
    ),
    options=(
        portal("https://feedback.example.com", required=True),
        VendorOption("SSO_URL", "Productlane's SSO endpoint on your portal.", kind="url",
                     default="{PORTAL_URL}/api/portal/sso"),
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="token",
    ),
)
