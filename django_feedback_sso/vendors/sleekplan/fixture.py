"""Sleekplan's contract as its documents state it: the generated tests' fixture."""

# "mail | Yes | Email address of the user"; HMAC SHA-256; nothing on time claims.
DOCUMENTED = {
    "source": "https://sleekplan.com/docs/authentication/single-sign-on",
    "required": ("mail",),
    # The payload table: mail (the email), id ("Your internal user ID"), full_name.
    "identity": {"mail": "email", "id": "user_id", "full_name": "display_name"},
    # The widget reads the token from window.SLEEK_USER (vendor docs, H).
    "widget": "SLEEK_USER",
    # "The standalone website board can also receive SSO tokens via URL parameters": any
    # board page; the parameter's name is from public integrations (the page stops before it;
    # check W005).
    "sso_url": "{PORTAL_URL}",
    "token_param": "sso",
    "any_page": True,
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PRODUCT_ID": "12345",
    "PORTAL_URL": "https://acme.sleekplan.app",
    "TOKEN_PARAM": "sso",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js sets window.SLEEK_USER from
#: data-token and loads the widget (https://sleekplan.com/docs/sdk/).
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "sleekplan",
                "data-token-url": "{token_url}", "data-token": "TOKEN",
                "data-product-id": "{PRODUCT_ID}",
                "data-widget-src": "https://client.sleekplan.com/sdk/e.js"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "sleekplan-test-secret-0123456789abcdef"
