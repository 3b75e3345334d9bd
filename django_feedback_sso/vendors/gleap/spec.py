"""Gleap: its identity verification (an HMAC of the user id), as data."""

from __future__ import annotations

from ..spec import ClaimRule, Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://docs.gleap.io/documentation/guides/enforce-identity-verification: the user hash
# is the HMAC-SHA256 of the user id with the project's secret, hex (Node
# createHmac('sha256', 'YOUR-SECRET').update(String(user.id)).digest('hex'); Rails
# OpenSSL::HMAC.hexdigest). "Gleap handles the userId as STRING, please make sure to
# convert the user ID to a string, before generating the hash." It is the third argument
# of Gleap.identify(userId, {name, email}, userHash)
# (https://docs.gleap.io/javascript/user-identity).
SPEC = VendorSpec(
    id="gleap",
    name="Gleap",
    docs_url="https://docs.gleap.io/documentation/guides/enforce-identity-verification",
    claims=Claims(
        names={"userId": "user_id", "email": "email", "name": "display_name"},
        required=("userId",),
        # A project's own numeric ids may come from a hook: the widget hands Gleap the
        # text, and the hash is of that text ("convert the user ID to a string").
        rules={"userId": ClaimRule(types=(str, int))},
    ),
    token=Token(kind="identity_hash", hashed_claim="userId"),
    options=(
        VendorOption("API_KEY", "Your project's API key, as in Gleap.initialize(\"…\") of "
                     "Gleap's install snippet (Project → Settings).", required=True),
        # Gleap's install snippet appends this script to <head> (the same URL in every copy
        # of it; the npm README shows Gleap.initialize only).
        VendorOption("SDK_URL", "The SDK loader.", kind="url",
                     default="https://sdk.gleap.io/latest/index.js", inferred=True),
    ),
    delivery=Delivery(
        script_url_option="SDK_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("Gleap", "GleapActions"),
        # "We recommend to clear the identity once the user logs out":
        # Gleap.clearIdentity() (https://docs.gleap.io/javascript/user-identity).
        sign_out_call=("Gleap.clearIdentity",),
    ),
)
