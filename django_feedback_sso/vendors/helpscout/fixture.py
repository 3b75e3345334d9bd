"""Help Scout's contract as its documents state it: the generated tests' fixture."""

# https://developer.helpscout.com/beacon-2/web/secure-mode/: "generate a SHA-256 HMAC code
# on your server" of user.email with 'secret_key_from_beacon_config' (its text), as
# lowercase hex (OpenSSL::HMAC.hexdigest, hash_hmac, digest('hex')).
DOCUMENTED = {
    "source": "https://developer.helpscout.com/beacon-2/web/secure-mode/",
    "kind": "identity_hash",
    "hashed": "email",
    "key_encoding": "text",
    "required": ("email",),
    # Beacon('identify', {name: 'user_full_name', email: 'user_email', signature}).
    "identity": {"email": "email", "name": "display_name"},
    "widget": "identify",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "BEACON_ID": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
    # The loader's URL is inferred (check W005): a project confirms it by setting it.
    "WIDGET_SCRIPT_URL": "https://beacon-v2.helpscout.net",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the hash, IDENTITY.<claim> the
#: identity it signs; neither is there for a visitor who gets no hash.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "helpscout",
                "data-beacon-id": "{BEACON_ID}",
                "data-widget-src": "https://beacon-v2.helpscout.net",
                "data-email": "IDENTITY.email", "data-name": "IDENTITY.name",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's hash can't pass as another's).
TEST_SECRET = "helpscout-test-beacon-key-0123456789abcdef"
