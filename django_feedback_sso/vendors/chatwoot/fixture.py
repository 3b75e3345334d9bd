"""Chatwoot's contract as its documents state it: the generated tests' fixture."""

# "identifier_hash": HMAC-SHA256 of the identifier with the inbox's HMAC token, hex
# (PHP hash_hmac('sha256', $identifier, $key), Node .digest('hex'), Python .hexdigest());
# the server compares it with OpenSSL::HMAC.hexdigest('sha256', hmac_token,
# params[:identifier].to_s).
DOCUMENTED = {
    "source": "https://www.chatwoot.com/docs/product/channels/live-chat/sdk/identity-validation",
    "kind": "identity_hash",
    "hashed": "identifier",
    "key_encoding": "text",
    "required": ("identifier",),
    # setUser('<unique-identifier-key-of-the-user>', {name, email, identifier_hash}).
    "identity": {"identifier": "user_id", "email": "email", "name": "display_name"},
    # window.$chatwoot.setUser(identifier, {..., identifier_hash}).
    "widget": "setUser",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "WEBSITE_TOKEN": "wXbD4kQ9rT2mYz7pLs3vNc8h",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the identifier_hash, IDENTITY.<claim>
#: the identity's claims (the user's id, email and name); the module runs the SDK from the inbox's
#: snippet URL (BASE_URL + "/packs/js/sdk.js", Chatwoot Cloud's by default).
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "chatwoot",
                "data-website-token": "{WEBSITE_TOKEN}",
                "data-base-url": "https://app.chatwoot.com",
                "data-widget-src": "https://app.chatwoot.com/packs/js/sdk.js",
                "data-identifier": "IDENTITY.identifier", "data-email": "IDENTITY.email",
                "data-name": "IDENTITY.name", "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's hash can't pass as another's).
TEST_SECRET = "chatwoot-test-hmac-token-0123456789abcdef"
