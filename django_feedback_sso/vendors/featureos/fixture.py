"""FeatureOS's contract as its documents state it: the generated tests' fixture."""

# userData = {email, name}, jwt.sign(..., {algorithm: "HS256"}).
DOCUMENTED = {
    "source": "https://help.hellonext.co/buckets/enabling-sso/",
    "required": ("email", "name"),
    "identity": {"email": "email", "name": "display_name"},
    # hellonext.init({embedURL, ssoToken}).
    "widget": "ssoToken",
    # github.com/skcript/featureos-sso-redirect: …/redirects/sso?domain&redirect&ssoToken;
    # the host is the help page's (the 2022 sample: app.hellonext.co); what `domain` holds
    # when the site starts is our reading (check W005).
    "sso_url": "https://app.featureos.app/redirects/sso?domain={PORTAL_URL_HOST}",
    "token_param": "ssoToken",
    "return_param": "redirect",
    "sends_return_in": "redirect",
    "portal": "{PORTAL_URL}",
    # add_to_team: "adds managers to a private org".
    "grants": {"add_to_team": True},
}

# SSO_URL confirmed (check W005): the sandbox implements it.
#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://feedback.acme.test",
    "SSO_URL": "https://app.featureos.app/redirects/sso?domain={PORTAL_URL_HOST}",
    "EMBED_URL": "https://feedback.acme.test/embed/b/feedback",
}

#: The tag with EXAMPLE for a signed-in user: the embed's <div data-hellonext>, and
#: feedback-sso.js calling hellonext.init.
SNIPPET = [
    ("div", {"data-hellonext": ""}, ""),
    ("script", {"src": "{helper}"}, ""),
    ("script", {"src": "{module}", "data-feedback-sso": "featureos",
                "data-embed-url": "{EMBED_URL}",
                "data-widget-src": "https://app.hellonext.co/embed.js", "data-token": "TOKEN"},
     ""),
]

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "featureos-test-secret-0123456789abcdef-00"
