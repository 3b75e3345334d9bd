"""Intercom Messenger: its SSO contract ("Messenger Security with JWTs"), as data."""

from __future__ import annotations

from datetime import timedelta

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://www.intercom.com/help/en/articles/10807823-migrating-from-identity-verification-to-messenger-security-with-jwts
# and https://developers.intercom.com/installing-intercom/web/identity-verification: HS256
# with the Messenger API secret; user_id required, email and other attributes optional,
# exp optional ("match your app's session length"); on the web the JWT goes in
# window.intercomSettings.intercom_user_jwt beside app_id, before the Messenger loads.
SPEC = VendorSpec(
    id="intercom",
    name="Intercom",
    docs_url="https://www.intercom.com/help/en/articles/10807823-migrating-from-identity-"
             "verification-to-messenger-security-with-jwts",
    claims=Claims(
        names={"user_id": "user_id", "email": "email", "name": "display_name"},
        required=("user_id",),
    ),
    token=Token(
        # The Messenger sends the JWT with its requests for as long as the page is open, and
        # refuses them once it has expired: an hour, as in Intercom's own example.
        default_lifetime=timedelta(hours=1),
    ),
    options=(
        VendorOption("APP_ID", "Your workspace's app ID (Settings → Installation → Web).",
                     required=True),
        VendorOption("WIDGET_SCRIPT_URL", "The Messenger loader.", kind="url",
                     default="https://widget.intercom.io/widget/{APP_ID}"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("intercomSettings", "Intercom"),
        # Intercom('shutdown') ends the session when the user logs out; without it Intercom's
        # cookie keeps the last user's conversations in the Messenger for a week:
        # https://developers.intercom.com/installing-intercom/docs/intercom-javascript and
        # Intercom's help article "How do I end a session?".
        sign_out_call=("Intercom", "shutdown"),
    ),
)
