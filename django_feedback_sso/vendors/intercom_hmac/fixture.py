"""Intercom identity verification's contract as its documents state it: the tests' fixture."""

# "If you're sending both user_id and email, then make sure your HMAC is generated with the
# user_id value": OpenSSL::HMAC.hexdigest('sha256', secret, user_id), lowercase hex.
DOCUMENTED = {
    "source": "https://developers.intercom.com/installing-intercom/docs/enable-identity-"
              "verification-on-your-web-product",
    "kind": "identity_hash",
    "hashed": "user_id",
    "key_encoding": "text",
    "required": ("user_id",),
    "identity": {"user_id": "user_id", "email": "email", "name": "display_name"},
    # window.intercomSettings = {app_id, user_id, email, name, user_hash}.
    "widget": "intercomSettings",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "APP_ID": "abc123de",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the hash, IDENTITY.<claim> the
#: identity it signs; neither is there for a visitor who gets no hash.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "intercom_hmac",
                "data-app-id": "{APP_ID}",
                "data-widget-src": "https://widget.intercom.io/widget/{APP_ID}",
                "data-user-id": "IDENTITY.user_id", "data-email": "IDENTITY.email",
                "data-name": "IDENTITY.name", "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's hash can't pass as another's).
TEST_SECRET = "intercom-hmac-test-secret-0123456789abcdef"
