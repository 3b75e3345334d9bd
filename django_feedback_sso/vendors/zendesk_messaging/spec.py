"""Zendesk Messaging (the messaging Web Widget): its SSO contract, as data."""

from __future__ import annotations

from ..spec import ClaimRule, Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://developer.zendesk.com/api-reference/widget-messaging/web/authentication:
# zE("messenger", "loginUser", function (callback) { callback(jwt) }); "The exp ... is
# honored"; regenerate JWTs in that function. https://support.zendesk.com/hc/en-us/articles/4411666638746:
# a signing key is a key id (kid) and a shared secret; external_id is "the primary
# identification ... even when an email address is included"; name and email optional.
# https://docs.smooch.io/guide/authenticating-users (Sunshine Conversations, the messaging
# behind the widget): the header carries kid, the payload scope: "user" and external_id,
# a string.
SPEC = VendorSpec(
    id="zendesk_messaging",
    name="Zendesk Messaging",
    docs_url="https://developer.zendesk.com/api-reference/widget-messaging/web/authentication",
    claims=Claims(
        names={"external_id": "user_id", "email": "email", "name": "display_name"},
        required=("scope", "external_id"),
        rules={
            "scope": ClaimRule(choices=("user",)),
            "email_verified": ClaimRule(types=(bool,)),
        },
    ),
    token=Token(
        header_options={"kid": "KEY_ID"},
    ),
    options=(
        VendorOption("KEY_ID", "The signing key's ID (kid), shown with its secret in Admin "
                     "Center → Account → Security → End user authentication → Messaging.",
                     required=True),
        # Kept for the projects that set it to confirm the default (once check W005).
        VendorOption("SCOPE", 'The scope claim: Zendesk requires "user".', kind="choice",
                     choices=("user",), default="user", claim="scope"),
        VendorOption("WIDGET_SCRIPT_URL", "Your Web Widget snippet's src "
                     "(https://static.zdassets.com/ekr/snippet.js?key=…); the tag then "
                     "renders that snippet too.", kind="url"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        # No token in the page: each loginUser callback fetches a fresh one.
        embeds_token=False,
    ),
    widget=Widget(
        page_globals=("zE",),
        # zE("messenger", "logoutUser") logs the user out of the widget: the authentication
        # page cited above.
        sign_out_call=("zE", "messenger", "logoutUser"),
    ),
)
