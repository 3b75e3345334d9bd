"""Nolt: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, VendorOption, VendorSpec

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
    claim_names={"id": "user_id", "email": "email", "name": "display_name"},
    required_claims=("id", "email", "name"),
    claim_rules={
        "id": ClaimRule(types=(str, int)),
        "email": ClaimRule(),
        "name": ClaimRule(),
        "imageUrl": ClaimRule(pattern=r"https?://\S+"),
        "noltUserRole": ClaimRule(choices=("ADMIN", "MODERATOR")),
    },
    role_claims=frozenset({"noltUserRole"}),
    options=(
        portal("https://your-board.nolt.io", required=True),
        VendorOption("WIDGET_SCRIPT_URL", "Nolt's widgets library.", kind="url",
                     default="https://cdn.nolt.io/widgets.js"),
    ),
    snippet_template="feedback_sso/snippets/nolt.html",
    script_url_option="WIDGET_SCRIPT_URL",
    snippet_embeds_token=True,
    host_options=("PORTAL_URL",),
    # Nolt's snippet: one queue and one nolt() per page.
    page_globals=("nolt", "noltQueue"),
)
