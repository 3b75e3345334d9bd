"""Discourse: DiscourseConnect, the forum's signed round trip, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Redirect, Token, VendorOption, VendorSpec

# https://meta.discourse.org/t/discourseconnect-official-single-sign-on-for-discourse-sso/13045
# and discourse/discourse lib/discourse_connect_base.rb (ACCESSORS, BOOLS, #payload, .parse):
# the forum sends sso (base64 of a query string holding nonce and return_sso_url) and sig
# (hex HMAC-SHA256 of sso with the discourse connect secret) to our "discourse connect url";
# we answer return_sso_url?sso=…&sig=… with the same nonce, email and external_id (both
# required), and optionally username, name, avatar_url. Booleans are "true"/"false".
# app/models/discourse_connect.rb: groups/add_groups are comma-separated group names;
# admin/moderator grant staff rights at the forum.
_GROUPS = r"[^,\s]+(?:,[^,\s]+)*"

SPEC = VendorSpec(
    id="discourse",
    name="Discourse",
    docs_url="https://meta.discourse.org/t/discourseconnect-official-single-sign-on-for-"
             "discourse-sso/13045",
    claims=Claims(
        names={"external_id": "user_id", "email": "email", "username": "username",
               "name": "display_name"},
        required=("external_id", "email"),
        rules={
            "avatar_url": ClaimRule(pattern=r"https?://\S+"),
            "admin": ClaimRule(types=(bool,)),
            "moderator": ClaimRule(types=(bool,)),
            # Spaces are not stripped by Discourse: "a, b" looks for a group named " b".
            "groups": ClaimRule(pattern=_GROUPS),
            "add_groups": ClaimRule(pattern=_GROUPS),
            "require_activation": ClaimRule(choices=("true", "false")),
        },
        roles=frozenset({"admin", "moderator", "groups", "add_groups"}),
        harmless_role_values={"admin": (False,), "moderator": (False,)},
    ),
    token=Token(kind="discourse_connect"),
    options=(
        portal("https://forum.example.com", required=True),
        # Discourse trusts the email it is sent and links an existing forum account with
        # that address; "true" makes it send an activation email first (BOOLS,
        # require_activation). Whether the site's emails are verified is the project's call.
        VendorOption("REQUIRE_ACTIVATION", "'true' if this site does not verify email "
                     "addresses (Discourse then confirms them itself), 'false' if it does.",
                     required=True, kind="choice", choices=("true", "false"),
                     claim="require_activation"),
    ),
    redirect=Redirect(
        token_param="sso",
        handshake="discourse_connect",
    ),
)
