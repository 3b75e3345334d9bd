"""Changelogfy: its SSO contract, as data."""

from __future__ import annotations

from ..spec import ClaimRule, Claims, Delivery, VendorOption, VendorSpec, Widget

# https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/: HS256 with the
# "SSO Secret Token"; id, name, email; var CLF_config = {selector, app_id, sso} before
# https://widget.changelogfy.com/index.js.
SPEC = VendorSpec(
    id="changelogfy",
    name="Changelogfy",
    docs_url="https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/",
    claims=Claims(
        names={"id": "user_id", "name": "display_name", "email": "email"},
        required=("id", "name", "email"),
        rules={"id": ClaimRule(types=(str, int))},
    ),
    options=(
        VendorOption("APP_ID", "Your app ID, shown in Changelogfy's widget snippet "
                     "(Settings → Widget).", required=True),
        VendorOption("SELECTOR", "Where the widget goes (CLF_config.selector).",
                     default=".changelogfy-widget"),
        VendorOption("WIDGET_SCRIPT_URL", "The widget loader.", kind="url",
                     default="https://widget.changelogfy.com/index.js"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        # The widget reads one global configuration.
        page_globals=("CLF_config",),
    ),
)
