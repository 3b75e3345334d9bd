"""Frill's contract as its documents state it: the generated tests' fixture."""

# From the vendors' pages (../shared/research/vendors.md B3-B13), not the specs.
# PHP/Node samples: email, id, name signed 'HS256' with the Frill SSO Key.
DOCUMENTED = {
    "source": "https://help.frill.co/article/65-sso-implementation",
    "required": ("email", "id", "name"),
    "identity": {"email": "email", "id": "user_id", "name": "display_name"},
    # Frill('container', {key, ssoToken}) (vendor docs, H).
    "widget": "container",
    # "it will sent a query param called redirect that contains a URL. You must redirect
    # back to this URL"; the token's parameter there is from public code (check W005).
    "sso_url": "{PORTAL_URL}",
    "token_param": "ssoToken",
    "any_page": True,
    "sends_return_in": "redirect",
    "portal": "{PORTAL_URL}",
}

# The inferred redirect parameter, confirmed (check W005).
#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "SCRIPT_KEY": "0b6b1a2c-frill-script-key",
    "PORTAL_URL": "https://acme.frill.co",
    "TOKEN_PARAM": "ssoToken",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js calls Frill('container').
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "frill", "data-token": "TOKEN",
                "data-script-key": "{SCRIPT_KEY}",
                "data-widget-src": "https://widget.frill.co/v2/container.js"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "frill-test-secret-0123456789abcdef-00000"
