"""Intercom's older identity verification (``user_hash``), for workspaces not yet on JWTs."""

from __future__ import annotations

from ..intercom.spec import SPEC as INTERCOM
from ..spec import Claims, Token, VendorSpec

# https://developers.intercom.com/installing-intercom/docs/enable-identity-verification-on-your-web-product:
# "Identity Verification works by using a server side generated HMAC … using SHA256, on
# either the user's user_id or email"; "If you're sending both user_id and email, then make
# sure your HMAC is generated with the user_id value." The recipe is
# OpenSSL::HMAC.hexdigest('sha256', secret, user_id): lowercase hex, the secret's text as
# the key. On the web, user_hash goes in window.intercomSettings beside app_id, user_id,
# email and name (Intercom's help article 183, "enable identity verification").
# Intercom now recommends Messenger security with JWTs instead: the `intercom` vendor.
SPEC = VendorSpec(
    id="intercom_hmac",
    name="Intercom (identity verification)",
    docs_url="https://developers.intercom.com/installing-intercom/docs/enable-identity-"
             "verification-on-your-web-product",
    claims=Claims(
        names={"user_id": "user_id", "email": "email", "name": "display_name"},
        required=("user_id",),
    ),
    token=Token(kind="identity_hash", hashed_claim="user_id"),
    # The same Messenger as the `intercom` vendor's: its options, loader, page globals
    # (one Intercom Messenger per page) and sign-out, Intercom('shutdown').
    options=INTERCOM.options,
    delivery=INTERCOM.delivery,
    widget=INTERCOM.widget,
)
