"""Channel Talk (Channel.io): its member hash, as data."""

from __future__ import annotations

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://developers.channel.io/docs/member-hash: memberHash is the HMAC-SHA256 of memberId
# with the secret key HEX-DECODED (Node Buffer.from(secretKey, 'hex'), Python
# binascii.unhexlify), as lowercase hex; the page's own test vector is in the tests.
# https://developers.channel.io/reference/web-quickstart-kr: ChannelIO('boot', {pluginKey,
# memberId, profile: {name, email}}); memberHash is a boot option ("A HMAC-SHA256 value of
# memberId", developers.channel.io/docs/mobile-models).
SPEC = VendorSpec(
    id="channelio",
    name="Channel Talk",
    docs_url="https://developers.channel.io/docs/member-hash",
    claims=Claims(
        names={"memberId": "user_id", "name": "display_name", "email": "email"},
        required=("memberId",),
    ),
    token=Token(kind="identity_hash", hashed_claim="memberId", key_encoding="hex"),
    options=(
        VendorOption("PLUGIN_KEY", "Your channel's plugin key (Channel settings → Security "
                     "and Development → Plugin).", required=True),
        VendorOption("WIDGET_SCRIPT_URL", "The Channel Talk plugin loader.", kind="url",
                     default="https://cdn.channel.io/plugin/ch-plugin-web.js"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        # Channel's snippet refuses to run twice ("ChannelIO script included twice.").
        page_globals=("ChannelIO", "ChannelIOInitialized"),
        # "Shutdown channel plugin": https://developers.channel.io/docs/web-channel-io.
        sign_out_call=("ChannelIO", "shutdown"),
    ),
)
