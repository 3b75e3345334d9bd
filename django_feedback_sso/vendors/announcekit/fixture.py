"""AnnounceKit's contract as its documents state it: the generated tests' fixture."""

# "user properties id, name, email"; "HS256 ... included in JWT Header".
DOCUMENTED = {
    "source": "https://help.announcekit.app/en/articles/6583616-jwt-user-authentication",
    "required": ("id", "name", "email"),
    "identity": {"id": "user_id", "name": "display_name", "email": "email"},
    # announcekit.push({widget, selector, user_token}).
    "widget": "user_token",
    # "get the redirect_url parameter, the standalone feed page URL and combine them with
    # generated user_token".
    "sso_url": "{FEED_URL}",
    "token_param": "user_token",
    "any_page": True,
    "sends_return_in": "redirect_url",
    "portal": "{FEED_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "WIDGET_URL": "https://announcekit.app/widgets/v2/2OTEC4",
    "SELECTOR": ".announcekit-widget",
    "FEED_URL": "https://announcekit.app/acmeco/updates",
}

#: The tag with EXAMPLE for a signed-in user: feedback-sso.js pushes the widget.
SNIPPET = [
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "announcekit",
                "data-widget-url": "{WIDGET_URL}", "data-selector": "{SELECTOR}",
                "data-widget-src": "https://cdn.announcekit.app/widget-v2.js",
                "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "announcekit-test-secret-0123456789abcdef"
