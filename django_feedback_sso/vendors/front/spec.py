"""Front Chat with verified identities: its identity hash, as data."""

from __future__ import annotations

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://dev.frontapp.com/docs/identify-users: "Front Chat uses a server-side generated
# HMAC … with SHA-256": of the user's email with the verification secret (its text), in
# lowercase hex (Node digest('hex'), PHP hash_hmac, Ruby and Python hexdigest), passed as
# userHash. "The user hash must explicitly be generated from a user ID, if a user ID is
# being passed to the SDK": this app passes none, so the email is hashed.
# https://dev.frontapp.com/docs/chat-sdk-reference: FrontChat('init', {chatId,
# useDefaultLauncher, email, name, userHash}) once chat.bundle.js has run.
SPEC = VendorSpec(
    id="front",
    name="Front Chat",
    docs_url="https://dev.frontapp.com/docs/identify-users",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email",),
    ),
    token=Token(kind="identity_hash", hashed_claim="email"),
    options=(
        VendorOption("CHAT_ID", "Your chat channel's chat ID, the chatId in Front's "
                     "FrontChat('init', …) code.", required=True),
        # https://dev.frontapp.com/chat.html; front-chat-sdk lib/helpers/boot/index.ts.
        VendorOption("WIDGET_SCRIPT_URL", "The Front Chat loader.", kind="url",
                     default="https://chat-assets.frontapp.com/v1/chat.bundle.js"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("FrontChat",),
        # "This will remove the Front Chat cookies associated with the chat session and
        # clear any previously supplied identity information": chat-sdk-reference. Plain
        # FrontChat('shutdown') keeps the session.
        sign_out_call=("FrontChat", "shutdown", '{"clearSession":true}'),
    ),
)
