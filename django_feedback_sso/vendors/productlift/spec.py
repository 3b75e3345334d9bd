"""ProductLift: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec

# https://www.productlift.dev/docs/single-sign-on: "adding ?sso=TOKEN to any url of your
# portal", the SDK script takes ?sso= too, and "we don't provide SSO login for admin users".
SPEC = VendorSpec(
    id="productlift",
    name="ProductLift",
    docs_url="https://www.productlift.dev/docs/single-sign-on",
    claims=Claims(
        names={"email": "email", "uid": "user_id", "name": "display_name"},
        required=("email", "uid", "name"),
        rules={
            # "URL of the user's avatar image": any web URL, http too.
            "avatar_url": ClaimRule(pattern=r"https?://\S+"),
            "company": ClaimRule(),
            **{key: ClaimRule(types=(str, int, float)) for key in ("mrr", "arr", "ltv")},
            **{f"segment_{n}": ClaimRule() for n in range(1, 11)},
        },
    ),
    options=(
        portal("https://feedback.example.com", required=True),
        VendorOption("SDK_URL", "The widgets SDK script.", kind="url",
                     default="{PORTAL_URL}/widgets_sdk"),
    ),
    delivery=Delivery(
        script_url_option="SDK_URL",
        script_token_param="sso",
        embeds_token=True,
    ),
    redirect=Redirect(
        sso_url_option="PORTAL_URL",
        token_param="sso",
        return_mode="target",
    ),
)
