"""Website Toolbox: its SSO contract, as data."""

from __future__ import annotations

from datetime import timedelta

from ..common import portal
from ..spec import ClaimRule, Claims, Redirect, Token, VendorOption, VendorSpec

# https://www.websitetoolbox.com/support/single-sign-on-jwt-1045: HS256 with the Client
# Secret; email required; username, name, userid/external_userid (integers), avatarURL;
# iss must equal the Client Issuer ID if one is set; iat not in the future; exp enforced.
# Redirect https://FORUM_DOMAIN/oauth?action=doOauthCallback&service=JWT&code=TOKEN, and
# github.com/webtoolbox/node-jwt-sso adds &jump=<url> to land on a page ("expiresIn: '5m',
# only needs to survive the redirect").
SPEC = VendorSpec(
    id="website_toolbox",
    name="Website Toolbox",
    docs_url="https://www.websitetoolbox.com/support/single-sign-on-jwt-1045",
    claims=Claims(
        names={"email": "email", "username": "username", "name": "display_name"},
        required=("email",),
        rules={
            # "integer": our user ids are strings, so these come from the hook only.
            "userid": ClaimRule(types=(int,)),
            "external_userid": ClaimRule(types=(int,)),
            **{key: ClaimRule(pattern=r"https?://\S+")
               for key in ("avatarURL", "picture", "avatar_url")},
            "iss": ClaimRule(),
        },
    ),
    token=Token(
        default_lifetime=timedelta(minutes=5),
    ),
    options=(
        portal("https://forum.example.com", required=True),
        VendorOption("SSO_URL", "Website Toolbox's JWT callback on your forum.", kind="url",
                     default="{PORTAL_URL}/oauth?action=doOauthCallback&service=JWT"),
        VendorOption("ISSUER", "The Client Issuer ID, if you set one under Integrate → "
                     "Single Sign On (sent as iss).", claim="iss"),
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="code",
        return_param="jump",
        # Website Toolbox doesn't send users to the site with it: only our own ?next= counts.
        incoming_return_params=(),
    ),
)
