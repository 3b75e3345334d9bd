"""Zendesk Messaging's contract as its documents state it: the generated tests' fixture."""

# A signing key is "a key id (kid) and a shared secret"; external_id is the primary
# identification (support.zendesk.com 4411666638746); kid in the header, scope "user"
# and a string external_id in the payload (Sunshine Conversations' guide).
DOCUMENTED = {
    "source": "https://docs.smooch.io/guide/authenticating-users",
    "required": ("external_id", "scope"),
    "header": (("kid", "app_64f0c0ffee0123456789abcd"),),
    "identity": {"external_id": "user_id", "email": "email", "name": "display_name"},
    "fixed_claims": {"scope": "user"},
    # zE("messenger", "loginUser", callback): the callback hands over a fresh token.
    "widget": "loginUser",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "KEY_ID": "app_64f0c0ffee0123456789abcd",
}

#: The tag with EXAMPLE for a signed-in user: no token in the page, feedback-sso.js fetches
#: one from the token endpoint for each loginUser callback.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "zendesk_messaging",
                "data-token-url": "{token_url}"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "zendesk-messaging-test-secret-0123456789abcdef"
