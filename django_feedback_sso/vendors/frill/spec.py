"""Frill: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal, token_param
from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec, Widget

# https://help.frill.co/article/65-sso-implementation: HS256 with the "Frill SSO Key";
# email, id, name (and avatar); Frill sends users to your SSO page with ?redirect=<url> and
# "you must redirect back to this URL". https://developers.frill.co/frill-script/identifying-users:
# Frill('container', {key, ssoToken}) or Frill('identify', {ssoToken}); in an iframe, the
# JWT "as the ssoToken query parameter". How the token rides on the redirect back is not
# on either page: TOKEN_PARAM (default ssoToken, the iframe's name) is inferred.
SPEC = VendorSpec(
    id="frill",
    name="Frill",
    docs_url="https://help.frill.co/article/65-sso-implementation",
    claims=Claims(
        names={"email": "email", "id": "user_id", "name": "display_name"},
        required=("email", "id", "name"),
        rules={
            "id": ClaimRule(types=(str, int)),
            "avatar": ClaimRule(pattern=r"https?://\S+"),
        },
    ),
    options=(
        VendorOption("SCRIPT_KEY", "Your Frill Script key (Frill → Widgets → Install); the "
                     "tag then also loads the Frill Script with Frill('container', {key, "
                     "ssoToken}). Without it the tag calls Frill('identify', {ssoToken}) on "
                     "the Frill Script your page loads."),
        VendorOption("WIDGET_SCRIPT_URL", "The Frill Script loader.", kind="url",
                     default="https://widget.frill.co/v2/container.js"),
        portal("https://yourcompany.frill.co", required=False),
        token_param("ssoToken"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    redirect=Redirect(
        sso_url_option="PORTAL_URL",
        token_param="ssoToken",
        return_mode="target",
        incoming_return_params=("redirect",),
    ),
    widget=Widget(
        # The Frill Script's queue: one set of identified users per page.
        page_globals=("Frill",),
        # window.Frill('unidentify') signs the identified user out of the Frill Script:
        # https://developers.frill.co/frill-script/identifying-users
        sign_out_call=("Frill", "unidentify"),
    ),
)
