"""FeatureOS's contract as its documents state it: the tests' fixture.

Transcribed from the vendor's pages, never derived from ``spec.py``: a wrong spec fails the
tests instead of agreeing with itself. The app itself never reads this module.
"""

# userData = {email, name}, jwt.sign(..., {algorithm: "HS256"}).
DOCUMENTED = {
    "source": "https://help.hellonext.co/buckets/enabling-sso/",
    "required": ("email", "name"),
}

# SSO_URL confirmed (check W005): the sandbox implements it.
#: A configuration as a project writes it (less SECRET): the tests' and the demo's.
EXAMPLE = {
    "PORTAL_URL": "https://feedback.acme.test",
    "SSO_URL": "https://app.featureos.app/redirects/sso?domain={PORTAL_URL_HOST}",
    "EMBED_URL": "https://feedback.acme.test/embed/b/feedback",
}

#: The tests' shared secret (one per vendor, so one's token can't pass as another's).
TEST_SECRET = "featureos-test-secret-0123456789abcdef-00"
