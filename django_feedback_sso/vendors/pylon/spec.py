"""Pylon's chat widget: its identity verification (an HMAC of the email), as data."""

from __future__ import annotations

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://docs.usepylon.com/pylon-docs/chat-widget/identity-verification: "hash the user's
# email address using HMAC-SHA256 with the secret you just generated"; "the secret is a hex
# string and must be decoded": every sample keys the HMAC with the bytes the hex spells
# (Python bytes.fromhex(secret), Node Buffer.from(secret, "hex")) and writes lowercase hex;
# window.pylon.chat_settings.email_hash carries it beside app_id, email and name
# (https://docs.usepylon.com/pylon-docs/chat-widget/chat-setup).
SPEC = VendorSpec(
    id="pylon",
    name="Pylon",
    docs_url="https://docs.usepylon.com/pylon-docs/chat-widget/identity-verification",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email",),
    ),
    token=Token(kind="identity_hash", hashed_claim="email", key_encoding="hex"),
    options=(
        VendorOption("APP_ID", "Your chat widget's app id (Chat Widgets → your widget: APP_ID "
                     "in its install snippet).", required=True),
        # The install snippet loads https://widget.usepylon.com/widget/APP_ID (chat-setup).
        VendorOption("WIDGET_SCRIPT_URL", "The chat widget's loader.", kind="url",
                     default="https://widget.usepylon.com/widget/{APP_ID}"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("pylon", "Pylon"),
        # No sign-out call: Pylon's JavaScript API (show, hide, onShow, onHide,
        # hideChatBubble, showChatBubble, onChangeUnreadMessagesCount,
        # setNewIssueCustomFields: https://docs.usepylon.com/pylon-docs/in-app-chat/
        # javascript-api) has none to forget the user.
    ),
)
