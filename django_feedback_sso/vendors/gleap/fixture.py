"""Gleap's contract as its documents state it: the generated tests' fixture."""

# The user hash: createHmac('sha256', 'YOUR-SECRET').update(String(user.id)).digest('hex');
# "Gleap handles the userId as STRING".
DOCUMENTED = {
    "source": "https://docs.gleap.io/documentation/guides/enforce-identity-verification",
    "kind": "identity_hash",
    "hashed": "userId",
    "key_encoding": "text",
    "required": ("userId",),
    # Gleap.identify("19283", {name: "Franz", email: "…"}, "GENERATED_USER_HASH").
    "identity": {"userId": "user_id", "name": "display_name", "email": "email"},
    "widget": "identify",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "API_KEY": "Kq7xB2mZp9LwT4vR8sYc3NdF6hJ1gUeA",
    # The SDK's URL is inferred (check W005): a project confirms it by setting it.
    "SDK_URL": "https://sdk.gleap.io/latest/index.js",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the user hash, IDENTITY.<claim> the
#: identity's claims (the user's id, email and name); the module loads the SDK from the
#: URL in Gleap's install snippet.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "gleap", "data-api-key": "{API_KEY}",
                "data-widget-src": "https://sdk.gleap.io/latest/index.js",
                "data-user-id": "IDENTITY.userId", "data-email": "IDENTITY.email",
                "data-name": "IDENTITY.name", "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's hash can't pass as another's).
TEST_SECRET = "gleap-test-secret-0123456789abcdef-000"
