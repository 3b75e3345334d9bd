"""BoostGPT's contract as its documents state it: the generated tests' fixture."""

# email required; "Tokens expire after 1 hour" (the example signs expiresIn: '1h').
DOCUMENTED = {
    "source": "https://docs.boostgpt.co/saas/chat-widget/sso",
    "required": ("email", "exp"),
    "max_lifetime": 3600,
    # The example payload: {email, name, external_id}.
    "identity": {"email": "email", "name": "display_name", "external_id": "user_id"},
    # The loader script reads data-bot-id and data-user-token (vendor docs, H).
    "widget": "data-user-token",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "BOT_ID": "3f6c1f0e-6a4b-4d8e-9c1a-2b3c4d5e6f70",
}

#: The tag with EXAMPLE for a signed-in user: BoostGPT's loader reads both attributes.
SNIPPET = [
    ("script", {"src": "https://embed.boostgpt.co/widget.js", "data-bot-id": "{BOT_ID}",
                "data-user-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f"
