"""Changelogfy: its SSO contract, as data."""

from __future__ import annotations

from ..spec import ClaimRule, VendorOption, VendorSpec

# https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/: HS256 with the
# "SSO Secret Token"; id, name, email; var CLF_config = {selector, app_id, sso} before
# https://widget.changelogfy.com/index.js.
SPEC = VendorSpec(
    id="changelogfy",
    name="Changelogfy",
    docs_url="https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/",
    claim_names={"id": "user_id", "name": "display_name", "email": "email"},
    required_claims=("id", "name", "email"),
    claim_rules={"id": ClaimRule(types=(str, int)), "name": ClaimRule(), "email": ClaimRule()},
    options=(
        VendorOption("APP_ID", "Your app ID, shown in Changelogfy's widget snippet "
                     "(Settings → Widget).", required=True),
        VendorOption("SELECTOR", "Where the widget goes (CLF_config.selector).",
                     default=".changelogfy-widget"),
        VendorOption("WIDGET_SCRIPT_URL", "The widget loader.", kind="url",
                     default="https://widget.changelogfy.com/index.js"),
    ),
    snippet_template="feedback_sso/snippets/changelogfy.html",
    script_url_option="WIDGET_SCRIPT_URL",
    snippet_embeds_token=True,
    # The widget reads one global configuration.
    page_globals=("CLF_config",),
)
