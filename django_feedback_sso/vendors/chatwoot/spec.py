"""Chatwoot's live-chat widget: its identity validation (an HMAC of the identifier), as data."""

from __future__ import annotations

from ..spec import ClaimRule, Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://www.chatwoot.com/docs/product/channels/live-chat/sdk/identity-validation:
# "identifier_hash" is the HMAC-SHA256 of the identifier (setUser's first argument) with
# the inbox's HMAC token, lowercase hex; Chatwoot's server compares
# OpenSSL::HMAC.hexdigest('sha256', hmac_token, params[:identifier].to_s) with `==`
# (chatwoot/chatwoot app/controllers/api/v1/widget/contacts_controller.rb).
# window.$chatwoot.setUser(identifier, {email, name, avatar_url, identifier_hash}) after the
# chatwoot:ready event (https://www.chatwoot.com/docs/product/channels/live-chat/sdk/setup).
SPEC = VendorSpec(
    id="chatwoot",
    name="Chatwoot",
    docs_url="https://www.chatwoot.com/docs/product/channels/live-chat/sdk/identity-validation",
    claims=Claims(
        # The identifier is "<unique-identifier-key-of-the-user>": the site's user id.
        names={"identifier": "user_id", "email": "email", "name": "display_name"},
        required=("identifier",),
        # setUser throws "Identifier should be a string or a number" (sdk.js); the server
        # hashes params[:identifier].to_s, the text the widget sends.
        rules={"identifier": ClaimRule(types=(str, int))},
    ),
    token=Token(kind="identity_hash", hashed_claim="identifier"),
    options=(
        VendorOption("WEBSITE_TOKEN", "The website inbox's token (Settings → Inboxes → your "
                     "website inbox → Configuration: websiteToken in the snippet).",
                     required=True),
        VendorOption("BASE_URL", "Your Chatwoot installation (self-hosted), or Chatwoot "
                     "Cloud's.", kind="base_url", default="https://app.chatwoot.com"),
        # The inbox's snippet loads BASE_URL + "/packs/js/sdk.js" (Channel::WebWidget
        # #web_widget_script in chatwoot/chatwoot).
        VendorOption("SDK_URL", "The widget's SDK loader.", kind="url",
                     default="{BASE_URL}/packs/js/sdk.js"),
    ),
    delivery=Delivery(
        script_url_option="SDK_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("chatwootSDK", "$chatwoot", "chatwootSettings"),
        # "Make sure that you reset the session when the user logs out of your app":
        # window.$chatwoot.reset() (https://www.chatwoot.com/docs/product/channels/live-chat/
        # sdk/setup); it removes the cw_conversation and cw_user_<token> cookies.
        sign_out_call=("$chatwoot.reset",),
    ),
)
