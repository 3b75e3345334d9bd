"""BoostGPT: its SSO contract, as data."""

from __future__ import annotations

from datetime import timedelta

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://docs.boostgpt.co/saas/chat-widget/sso: HS256 only, email required, name and
# external_id optional, "Tokens expire after 1 hour — generate fresh tokens on each page
# load"; delivered as data-user-token on the loader or BoostGPTWidget.init({userToken}).
SPEC = VendorSpec(
    id="boostgpt",
    name="BoostGPT",
    docs_url="https://docs.boostgpt.co/saas/chat-widget/sso",
    claims=Claims(
        names={"email": "email", "name": "display_name", "external_id": "user_id"},
        required=("email",),
    ),
    token=Token(
        # The widget hands the token to the agent page when the chat opens, which can be
        # long after page load; the vendor's own examples use its one-hour maximum.
        default_lifetime=timedelta(hours=1),
        max_lifetime=timedelta(hours=1),
    ),
    options=(
        VendorOption("BOT_ID", "The agent's UUID, shown on its Deploy page.", required=True),
        VendorOption("WIDGET_SCRIPT_URL", "The widget loader.", kind="url",
                     default="https://embed.boostgpt.co/widget.js"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        # widget.js keeps one widget per page in this global.
        page_globals=("BoostGPTWidget",),
    ),
)
