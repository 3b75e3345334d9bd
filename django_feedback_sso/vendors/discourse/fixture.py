"""Discourse's contract as its documents state it: the generated tests' fixture."""

# meta.discourse.org topic 13045 and lib/discourse_connect_base.rb: email and external_id are
# required ("nonce", "email" and "external_id" are the required fields; username, name,
# avatar_url optional); admin and moderator are booleans that make the user staff.
DOCUMENTED = {
    "source": "https://meta.discourse.org/t/discourseconnect-official-single-sign-on-for-"
              "discourse-sso/13045",
    "kind": "discourse_connect",
    "required": ("external_id", "email"),
    "identity": {"external_id": "user_id", "email": "email", "username": "username",
                 "name": "display_name"},
    "option_claims": {"require_activation": "REQUIRE_ACTIVATION"},
    "grants": {"admin": True, "moderator": True, "groups": "staff-lounge",
               "add_groups": "staff-lounge"},
    # The forum's own pages; /session/sso starts the round trip, /session/sso_login ends it.
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://forum.acme.test",
    "REQUIRE_ACTIVATION": "false",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "discourse-test-secret-0123456789abcdef"
