"""Canny: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec, Widget

# https://developers.canny.io/install/widget/sso: HS256 ({algorithm: 'HS256'} in every
# sample), email, id, name, avatarURL "optional, but preferred"; "Any field you can specify
# via identify / our API also works via SSO tokens"; an optional exp is honoured
# (http://help.canny.io/en/articles/489272-single-sign-on-sso).
# https://help.canny.io/en/articles/1961021-setting-up-a-single-sign-on-sso-redirect: Canny
# sends users to your page with redirect and companyID; you send them to
# https://canny.io/api/redirects/sso with ssoToken, companyID and redirect.
SPEC = VendorSpec(
    id="canny",
    name="Canny",
    docs_url="https://developers.canny.io/install/widget/sso",
    claims=Claims(
        names={"email": "email", "id": "user_id", "name": "display_name"},
        required=("email", "id", "name"),
        rules={
            "id": ClaimRule(types=(str, int)),
            "avatarURL": ClaimRule(pattern=r"https?://\S+"),
            "created": ClaimRule(),
            "companies": ClaimRule(types=(list,)),
            "customFields": ClaimRule(types=(dict,)),
        },
    ),
    options=(
        VendorOption("COMPANY_ID", "Your Canny company id, shown in Canny under Settings → "
                     "Company (Canny's SSO redirect sends it as companyID).", required=True),
        # The board URL: where redirect targets may point (https://yourcompany.canny.io).
        portal("https://yourcompany.canny.io", required=False),
        VendorOption("SSO_URL", "Canny's SSO redirect endpoint.", kind="url",
                     default="https://canny.io/api/redirects/sso?companyID={COMPANY_ID}"),
        VendorOption("BOARD_TOKEN", "The board's token, shown in Canny under Settings → "
                     "Boards → Widget; the tag then renders the widget."),
        VendorOption("BASE_PATH", "The path of the page the widget is on, e.g. '/feedback'."),
        VendorOption("WIDGET_SCRIPT_URL", "Canny's SDK loader.", kind="url",
                     default="https://sdk.canny.io/sdk.js"),
    ),
    delivery=Delivery(
        embeds_token=True,
        script_url_option="WIDGET_SCRIPT_URL",
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="ssoToken",
        return_param="redirect",
    ),
    widget=Widget(
        # Canny's SDK keeps one widget per page in this global.
        page_globals=("Canny",),
    ),
)
