"""Help Scout Beacon 2 in secure mode: its identity hash, as data."""

from __future__ import annotations

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://developer.helpscout.com/beacon-2/web/secure-mode/: "generate a SHA-256 HMAC code
# on your server" of the user's email with the Beacon's secret key (its text; every sample
# gives lowercase hex: Rails hexdigest, PHP hash_hmac, Node digest('hex')), then
# Beacon('identify', {name, email, signature}).
# https://developer.helpscout.com/beacon-2/web/javascript-api/: Beacon('init', BEACON_ID)
# loads the Beacon.
SPEC = VendorSpec(
    id="helpscout",
    name="Help Scout",
    docs_url="https://developer.helpscout.com/beacon-2/web/secure-mode/",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email",),
    ),
    token=Token(kind="identity_hash", hashed_claim="email"),
    options=(
        VendorOption("BEACON_ID", "Your Beacon's ID, the one its embed code passes to "
                     "Beacon('init', …).", required=True),
        # Help Scout's embed snippet loads this URL (it has no path); the page with the
        # snippet isn't among our copies of Help Scout's docs, so the URL is from many
        # identical public copies of it.
        VendorOption("WIDGET_SCRIPT_URL", "The Beacon loader.", kind="url",
                     default="https://beacon-v2.helpscout.net", inferred=True),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("Beacon",),
        # Beacon('logout', {endActiveChat: true}) clears the user's details and ends a
        # chat in progress: public integrations and Help Scout's Android SDK ("Clears the
        # Beacon User details, i.e email, name, signature … Should be called when your user
        # logs out"); our copies of the web JavaScript API page don't describe logout.
        sign_out_call=("Beacon", "logout", '{"endActiveChat":true}'),
    ),
)
