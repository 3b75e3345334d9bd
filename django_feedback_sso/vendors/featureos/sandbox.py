"""Where FeatureOS is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# SSO_URL's domain default is inferred (W005): set here, it is confirmed.
OPTIONS = {
    "PORTAL_URL": "{sandbox}/featureos/portal",
    "SSO_URL": "{sandbox}/featureos/portal/redirects/sso?domain={PORTAL_URL_HOST}",
    "EMBED_URL": "{sandbox}/featureos/portal/embed/b/feedback",
    "EMBED_SCRIPT_URL": "{sandbox}/featureos/widget.js",
}
