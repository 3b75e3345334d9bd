"""AnnounceKit: its SSO contract, as data."""

from __future__ import annotations

from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec

# https://help.announcekit.app/en/articles/6583616-jwt-user-authentication: "user properties
# id, name, email", "Make sure the HS256 encryption algorithm is used"; user_token in the
# widget configuration or as ?user_token= on the standalone feed; its "Login Redirect URL"
# gets a redirect_url parameter to combine with the token. The widget configuration,
# announcekit.push({widget, selector, user_token}), is the one in AnnounceKit's snippet.
SPEC = VendorSpec(
    id="announcekit",
    name="AnnounceKit",
    docs_url="https://help.announcekit.app/en/articles/6583616-jwt-user-authentication",
    claims=Claims(
        names={"id": "user_id", "name": "display_name", "email": "email"},
        required=("id", "name", "email"),
        rules={"id": ClaimRule(types=(str, int))},
    ),
    options=(
        VendorOption("WIDGET_URL", "Your widget, e.g. https://announcekit.app/widgets/v2/"
                     "XXXX (the \"widget\" of AnnounceKit's snippet); the tag then loads "
                     "it.", kind="url"),
        VendorOption("SELECTOR", "Where the widget goes (the snippet's \"selector\"), e.g. "
                     "'.announcekit-widget'."),
        VendorOption("WIDGET_SCRIPT_URL", "The widget loader.", kind="url",
                     default="https://cdn.announcekit.app/widget-v2.js"),
        VendorOption("FEED_URL", "Your standalone feed, e.g. "
                     "'https://announcekit.app/acmeco/updates', for the redirect view.",
                     kind="base_url"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    redirect=Redirect(
        sso_url_option="FEED_URL",
        token_param="user_token",
        return_mode="target",
        incoming_return_params=("redirect_url",),
    ),
)
