"""Novu Inbox's contract as its documents state it: the generated tests' fixture."""

# "HMAC-SHA256(secretKey, subscriberId) as a lowercase hex string"; the secret API key's text.
DOCUMENTED = {
    "source": "https://docs.novu.co/platform/inbox/prepare-for-production",
    "kind": "identity_hash",
    "hashed": "subscriberId",
    "key_encoding": "text",
    "required": ("subscriberId",),
    # new NovuUI({options: {applicationIdentifier, subscriber, subscriberHash}}).
    "identity": {"subscriberId": "user_id", "email": "email", "firstName": "display_name"},
    "widget": "novuInboxOptions",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "APPLICATION_IDENTIFIER": "AbCdEf123456",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the hash, IDENTITY.<claim> the
#: identity it signs; neither is there for a visitor who gets no hash.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "novu",
                "data-application-identifier": "{APPLICATION_IDENTIFIER}",
                "data-subscriber-id": "IDENTITY.subscriberId", "data-email": "IDENTITY.email",
                "data-first-name": "IDENTITY.firstName", "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's hash can't pass as another's).
TEST_SECRET = "novu-test-secret-api-key-0123456789abcdef"
