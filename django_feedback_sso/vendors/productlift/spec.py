"""ProductLift: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal, return_hosts
from ..spec import ClaimRule, VendorOption, VendorSpec

# https://www.productlift.dev/docs/single-sign-on: "adding ?sso=TOKEN to any url of your
# portal", the SDK script takes ?sso= too, and "we don't provide SSO login for admin users".
SPEC = VendorSpec(
    id="productlift",
    name="ProductLift",
    docs_url="https://www.productlift.dev/docs/single-sign-on",
    claim_names={"email": "email", "uid": "user_id", "name": "display_name"},
    required_claims=("email", "uid", "name"),
    claim_rules={
        "email": ClaimRule(),
        "uid": ClaimRule(),
        "name": ClaimRule(),
        # "URL of the user's avatar image": any web URL, http too.
        "avatar_url": ClaimRule(pattern=r"https?://\S+"),
        "company": ClaimRule(),
        **{key: ClaimRule(types=(str, int, float)) for key in ("mrr", "arr", "ltv")},
        **{f"segment_{n}": ClaimRule() for n in range(1, 11)},
    },
    options=(
        portal("https://feedback.example.com", required=True),
        VendorOption("SDK_URL", "The widgets SDK script.", kind="url",
                     default="{PORTAL_URL}/widgets_sdk"),
        return_hosts(),
    ),
    snippet_template="feedback_sso/snippets/productlift.html",
    script_url_option="SDK_URL",
    script_token_param="sso",
    snippet_embeds_token=True,
    sso_url_option="PORTAL_URL",
    token_param="sso",
    return_mode="target",
    host_options=("PORTAL_URL",),
)
