"""Novu Inbox: its HMAC subscriber hash, as data."""

from __future__ import annotations

from ..spec import Claims, Delivery, Token, VendorOption, VendorSpec, Widget

# https://docs.novu.co/platform/inbox/prepare-for-production: "The hash is
# HMAC-SHA256(secretKey, subscriberId) as a lowercase hex string", keyed with the
# environment's secret API key as text (Node createHmac("sha256", NOVU_SECRET_KEY)
# .update(subscriberId).digest("hex")), with "Security HMAC encryption" on in the Novu
# In-App integration. The Inbox takes applicationIdentifier, subscriber and subscriberHash:
# in React (<Inbox />), or without a framework as new NovuUI({options}) from @novu/js/ui, an
# ES module (https://docs.novu.co/platform/quickstart/vanilla-js). Novu has no loader
# script, so the tag hands the options to the site's own Inbox code.
SPEC = VendorSpec(
    id="novu",
    name="Novu Inbox",
    docs_url="https://docs.novu.co/platform/inbox/prepare-for-production",
    claims=Claims(
        # Novu's session request takes the subscriber as an id or an object
        # {subscriberId, firstName, lastName, email, ...} (novuhq/novu, the Inbox session).
        names={"subscriberId": "user_id", "email": "email", "firstName": "display_name"},
        required=("subscriberId",),
    ),
    token=Token(kind="identity_hash", hashed_claim="subscriberId"),
    options=(
        VendorOption("APPLICATION_IDENTIFIER", "Your environment's application identifier "
                     "(Novu dashboard → API Keys).", required=True),
        VendorOption("INBOX_SCRIPT_URL", "Optional: your own classic script that mounts the "
                     "Inbox from window.novuInboxOptions; the tag loads it after setting them.",
                     kind="url"),
    ),
    delivery=Delivery(
        script_url_option="INBOX_SCRIPT_URL",
        embeds_token=True,
    ),
    widget=Widget(
        page_globals=("novuInboxOptions",),
        # Novu documents no sign-out call: the hash is per subscriber, and a page without
        # the options mounts no one's Inbox.
    ),
)
