"""Nolt: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Delivery, VendorOption, VendorSpec, Widget

# https://nolt.io/help/single-sign-on: HS256 with the board's "SSO secret key"; id, email,
# name, optional imageUrl, optional noltUserRole ('ADMIN' or 'MODERATOR', which grants
# those rights on the board) and custom attributes; the page loads
# https://cdn.nolt.io/widgets.js, starts window.noltQueue, calls nolt('identify', {jwt})
# and marks board links with data-nolt. A redirect URL for the board is not documented
# (only public code shows /sso/<JWT>), so there is no redirect view for Nolt.
SPEC = VendorSpec(
    id="nolt",
    name="Nolt",
    docs_url="https://nolt.io/help/single-sign-on",
    claims=Claims(
        names={"id": "user_id", "email": "email", "name": "display_name"},
        required=("id", "email", "name"),
        rules={
            "id": ClaimRule(types=(str, int)),
            "imageUrl": ClaimRule(pattern=r"https?://\S+"),
            "noltUserRole": ClaimRule(choices=("ADMIN", "MODERATOR")),
        },
        roles=frozenset({"noltUserRole"}),
    ),
    options=(
        portal("https://your-board.nolt.io", required=True),
        VendorOption("WIDGET_SCRIPT_URL", "Nolt's widgets library.", kind="url",
                     default="https://cdn.nolt.io/widgets.js"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        # Nolt's snippet: one queue and one nolt() per page.
        page_globals=("nolt", "noltQueue"),
    ),
)
