"""Acme Board's SSO contract, as the SPEC dict a settings block takes (docs: Adding a vendor)."""

VENDORS = {
    "acmeboard": {
        "NAME": "Acme Board",
        "DOCS_URL": "https://acme.example/docs/sso",
        "CLAIM_NAMES": {"email": "email", "name": "display_name", "uid": "user_id"},
        "REQUIRED_CLAIMS": ["email", "uid"],
        "OPTIONS": [{"NAME": "BOARD_URL", "HELP": "Your board.", "KIND": "base_url",
                     "REQUIRED": True}],
        "SSO_URL": "{BOARD_URL}/sso",
        "TOKEN_PARAM": "jwt",
        "RETURN_PARAM": "return_to",
        "HOST_OPTIONS": ["SSO_URL", "BOARD_URL"],
        "SNIPPET_TEMPLATE": "feedback_sso/snippets/acmeboard.html",
        "SNIPPET_EMBEDS_TOKEN": True,
    },
}
