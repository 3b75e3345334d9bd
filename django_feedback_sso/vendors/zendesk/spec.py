"""Zendesk Help Center (JWT single sign-on): its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Redirect, Token, VendorOption, VendorSpec

# github.com/zendesk/zendesk_jwt_sso_examples: jwt.encode({iat, jti, name, email}, key,
# algorithm="HS256", headers={"typ": "JWT"}) (jwt_generation/python_django_jwt.py); the
# form posts jwt to https://SUBDOMAIN.zendesk.com/access/jwt, keeping the return_to,
# brand_id, locale_id and timestamp Zendesk passed to the remote login URL on its query
# string (form_submission/rails_html_erb_jwt.rb). "Do not place the JWT directly in the
# URL" (https://support.zendesk.com/hc/en-us/articles/4408881965722). The jti is unique
# per token: Zendesk refuses one it has seen.
SPEC = VendorSpec(
    id="zendesk",
    name="Zendesk Help Center",
    docs_url="https://support.zendesk.com/hc/en-us/articles/4408845838874-Enabling-JWT-JSON-Web-Token-single-sign-on",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email", "name", "iat", "jti"),
        rules={
            "external_id": ClaimRule(types=(str, int)),
            "locale_id": ClaimRule(types=(int, str)),
            "organization": ClaimRule(),
            "organization_id": ClaimRule(types=(str, int)),
            "tags": ClaimRule(types=(str, list)),
            "remote_photo_url": ClaimRule(pattern=r"https?://\S+"),
            "phone": ClaimRule(),
            "user_fields": ClaimRule(types=(dict,)),
        },
    ),
    token=Token(
        rejects_reused_jti=True,
    ),
    options=(
        portal("https://yoursubdomain.zendesk.com", required=True),
        VendorOption("SSO_URL", "Zendesk's JWT endpoint.", kind="url",
                     default="{PORTAL_URL}/access/jwt"),
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="jwt",
        method="post",
        return_param="return_to",
        passthrough_params=("brand_id", "locale_id", "timestamp"),
    ),
)
