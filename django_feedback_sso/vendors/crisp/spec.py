"""Crisp's chatbox: its user verification (an HMAC of the email), as data."""

from __future__ import annotations

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/identity-verification: "your backend
# signs John's email with a private key that both Crisp and your backend know", and the
# browser "sets Crisp Chatbox email address to john@doe.name, with the signature". The
# stored copies of that page stop before its code: HMAC-SHA256, lowercase hex, the secret's
# text as the key comes from public integrations (createHmac('sha256', secret)
# .update(email).digest('hex')), not from Crisp's own words. Crisp's official web SDK
# (github.com/crisp-im/crisp-sdk-web src/user.ts) sets it: $crisp.push(["set",
# "user:email", [email, hmac]]); the nickname: $crisp.push(["set", "user:nickname",
# [nickname]]), unsigned.
SPEC = VendorSpec(
    id="crisp",
    name="Crisp",
    docs_url="https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/identity-verification",
    claims=Claims(
        names={"email": "email", "nickname": "display_name"},
        required=("email",),
    ),
    token=Token(kind="identity_hash", hashed_claim="email"),
    options=(
        VendorOption("WEBSITE_ID", "Your website's id (Settings → Website Settings → Setup "
                     "instructions: CRISP_WEBSITE_ID in the chatbox snippet).", required=True),
        # The chatbox snippet: window.CRISP_WEBSITE_ID, then https://client.crisp.chat/l.js
        # (crisp-sdk-web src/index.ts clientUrl).
        VendorOption("WIDGET_SCRIPT_URL", "The chatbox loader.", kind="url",
                     default="https://client.crisp.chat/l.js"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("$crisp", "CRISP_WEBSITE_ID"),
        # "This resets the chatbox session without reloading the page":
        # $crisp.push(["do", "session:reset"]) (help.crisp.chat/en/article/how-to-reset-a-
        # crisp-conversation-when-users-log-out-u2vkei/; crisp-sdk-web src/session.ts).
        sign_out_call=("$crisp.push", '["do","session:reset"]'),
    ),
)
