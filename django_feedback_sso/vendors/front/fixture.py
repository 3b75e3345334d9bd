"""Front Chat's contract as its documents state it: the generated tests' fixture."""

# https://dev.frontapp.com/docs/identify-users: createHmac('sha256', verificationSecret)
# .update(userEmail).digest('hex'), the secret as text, passed as userHash.
DOCUMENTED = {
    "source": "https://dev.frontapp.com/docs/identify-users",
    "kind": "identity_hash",
    "hashed": "email",
    "key_encoding": "text",
    "required": ("email",),
    # FrontChat('init', {chatId, useDefaultLauncher, email, name, userHash}).
    "identity": {"email": "email", "name": "display_name"},
    "widget": "init",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "CHAT_ID": "4f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the hash, IDENTITY.<claim> the
#: identity it signs; neither is there for a visitor who gets no hash.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "front", "data-chat-id": "{CHAT_ID}",
                "data-widget-src": "https://chat-assets.frontapp.com/v1/chat.bundle.js",
                "data-email": "IDENTITY.email", "data-name": "IDENTITY.name",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's hash can't pass as another's).
TEST_SECRET = "front-test-verification-secret-0123456789abcdef"
