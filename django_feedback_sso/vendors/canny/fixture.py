"""Canny's contract as its documents state it: the generated tests' fixture."""

# from ../shared/research/vendors.md Part B and the vendors' pages.
# "userData = {avatarURL (optional), email, id, name}", {algorithm: 'HS256'}.
DOCUMENTED = {
    "source": "https://developers.canny.io/install/widget/sso",
    "required": ("email", "id", "name"),
    "identity": {"email": "email", "id": "user_id", "name": "display_name"},
    # Canny('render', {boardToken, basePath, ssoToken}) (Canny staff gist; the help page says
    # to pass the token when rendering).
    "widget": "render",
    # https://help.canny.io/en/articles/1961021: back to https://canny.io/api/redirects/sso
    # with companyID, ssoToken and the redirect Canny sent.
    "sso_url": "https://canny.io/api/redirects/sso?companyID={COMPANY_ID}",
    "token_param": "ssoToken",
    "return_param": "redirect",
    "sends_return_in": "redirect",
    "portal": "{PORTAL_URL}",
}

#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "COMPANY_ID": "5f0c0ffee0c0ffee0c0ffee0",
    "PORTAL_URL": "https://acme.canny.io",
    "BOARD_TOKEN": "board-token-1",
}

#: The tag with EXAMPLE for a signed-in user: the widget's <div data-canny>, and
#: feedback-sso.js calling Canny('render', {…, ssoToken}).
SNIPPET = [
    ("div", {"data-canny": ""}, ""),
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "canny",
                "data-board-token": "{BOARD_TOKEN}",
                "data-widget-src": "https://sdk.canny.io/sdk.js", "data-token": "TOKEN"}, ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "canny-test-secret-0123456789abcdef-000000"
