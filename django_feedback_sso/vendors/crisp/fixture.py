"""Crisp's contract as its documents state it: the generated tests' fixture."""

# "your backend signs John's email with a private key that both Crisp and your backend
# know": the email, HMAC-SHA256 in lowercase hex with the secret's text as the key (public
# integrations; the stored Crisp page stops before its code sample).
DOCUMENTED = {
    "source": "https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/identity-verification",
    "kind": "identity_hash",
    "hashed": "email",
    "key_encoding": "text",
    "required": ("email",),
    # $crisp.push(["set", "user:email", [email, signature]]) and
    # $crisp.push(["set", "user:nickname", [nickname]]) (crisp-sdk-web src/user.ts).
    "identity": {"email": "email", "nickname": "display_name"},
    "widget": "user:email",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "WEBSITE_ID": "7598bf86-9ebb-46bc-8d61-be8929bbf93d",
}

#: The tag with EXAMPLE for a signed-in user: TOKEN is the email's signature,
#: IDENTITY.<claim> the identity's claims (the user's email and name); the module sets
#: CRISP_WEBSITE_ID and loads l.js.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "crisp",
                "data-website-id": "{WEBSITE_ID}",
                "data-widget-src": "https://client.crisp.chat/l.js",
                "data-email": "IDENTITY.email", "data-nickname": "IDENTITY.nickname",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's hash can't pass as another's).
TEST_SECRET = "crisp-test-verify-secret-0123456789abcdef"
