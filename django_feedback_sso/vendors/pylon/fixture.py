"""Pylon's contract as its documents state it: the generated tests' fixture."""

# "hash the user's email address using HMAC-SHA256 with the secret you just generated";
# "the secret is a hex string and must be decoded": secret_bytes = bytes.fromhex(secret);
# hmac.new(secret_bytes, message.encode(), hashlib.sha256).hexdigest().
DOCUMENTED = {
    "source": "https://docs.usepylon.com/pylon-docs/chat-widget/identity-verification",
    "kind": "identity_hash",
    "hashed": "email",
    "key_encoding": "hex",
    "required": ("email",),
    # window.pylon = {chat_settings: {app_id, email, name, email_hash}} (chat-setup page).
    "identity": {"email": "email", "name": "display_name"},
    "widget": "chat_settings",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "APP_ID": "a3c5e7f9-1b2d-4e6f-8a0c-2e4f6a8c0e1b",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the email_hash, IDENTITY.<claim> the
#: identity's claims (the user's email and name); the module sets window.pylon and loads the widget.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "pylon", "data-app-id": "{APP_ID}",
                "data-widget-src": "https://widget.usepylon.com/widget/{APP_ID}",
                "data-email": "IDENTITY.email", "data-name": "IDENTITY.name",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor): hex, as Pylon generates its secrets.
TEST_SECRET = "613c5988875575daae26793b9d8722528b203efe8ec07ddcaf9cf0f09b9d063c"
