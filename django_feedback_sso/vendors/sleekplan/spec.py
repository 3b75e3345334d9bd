"""Sleekplan: its SSO contract, as data."""

from __future__ import annotations

import re

from ..common import portal, token_param
from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec, Widget

_NOT_LOWERCASE_ALPHANUMERIC = re.compile(r"[^a-z0-9]")


def lowercase_alphanumeric(value: str) -> str:
    """Sleekplan usernames: lowercase letters and digits only (the local part of an email)."""
    return _NOT_LOWERCASE_ALPHANUMERIC.sub("", value.split("@", 1)[0].lower())


# https://sleekplan.com/docs/authentication/single-sign-on (claims table, HS256);
# https://help.sleekplan.com/en/articles/5183353-identifying-end-user (window.SLEEK_USER).
SPEC = VendorSpec(
    id="sleekplan",
    name="Sleekplan",
    docs_url="https://sleekplan.com/docs/authentication/single-sign-on",
    claims=Claims(
        names={"mail": "email", "id": "user_id", "full_name": "display_name",
               "name": "username"},
        required=("mail",),
        rules={
            # "Your internal user ID": a number or a string.
            "id": ClaimRule(types=(str, int)),
            # "Username. Use lowercase letters and numbers only."
            "name": ClaimRule(pattern=r"[a-z0-9]+", normalize=lowercase_alphanumeric),
            # "URL to the user's avatar image": any web URL, http too.
            "img": ClaimRule(pattern=r"https?://\S+"),
            # "User weighting from 1 to 10."
            "weight": ClaimRule(types=(int,), minimum=1, maximum=10),
            "meta": ClaimRule(types=(dict,)),
        },
    ),
    options=(
        VendorOption("PRODUCT_ID", "Your Sleekplan product id (digits); the tag then also "
                     "loads the widget (otherwise put your own Sleekplan snippet before the "
                     "tag).", kind="digits"),
        VendorOption("WIDGET_SCRIPT_URL", "The widget loader.", kind="url",
                     default="https://client.sleekplan.com/sdk/e.js"),
        portal("https://yourboard.sleekplan.app", required=False),
        # "The standalone website board can also receive SSO tokens via URL parameters",
        # but the copies of that page we have stop before naming the parameter; "sso"
        # comes from public integrations.
        token_param("sso"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    redirect=Redirect(
        sso_url_option="PORTAL_URL",
        token_param="sso",
        return_mode="target",
    ),
    widget=Widget(
        # Sleekplan's snippet sets these once per page: one Sleekplan product per page.
        page_globals=("SLEEK_USER", "SLEEK_PRODUCT_ID", "$sleek"),
        # "clear the session on logout": https://sleekplan.com/docs/sdk/user-setup (resetUser).
        sign_out_call=("$sleek.resetUser",),
    ),
)
