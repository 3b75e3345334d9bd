"""ProductLift's contract as its documents state it: the generated tests' fixture."""

# The example payload: email, uid, name; nothing on time claims.
DOCUMENTED = {
    "source": "https://www.productlift.dev/docs/single-sign-on",
    "required": ("email", "uid", "name"),
    # The example payload: {email, uid, name}.
    "identity": {"email": "email", "uid": "user_id", "name": "display_name"},
    # The widgets SDK reads ?sso= from its own script URL (vendor docs, H).
    "widget": "sso-param",
    # ?sso= on any portal URL (vendor docs, H).
    "sso_url": "{PORTAL_URL}",
    "token_param": "sso",
    "any_page": True,
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://feedback.example.com",
}

#: The tag with EXAMPLE for a signed-in user: the widgets SDK, the token on its URL.
SNIPPET = [
    ("script", {"defer": "", "src": "{PORTAL_URL}/widgets_sdk?sso=TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "productlift-test-secret-0123456789abcdef"
