"""Where Frill is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# Frill's Script, and its site for the redirect view; the redirect back's token
# parameter is inferred (W005), so setting it here confirms what the sandbox reads.
OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/frill/widget.js",
    "PORTAL_URL": "{sandbox}/frill/portal",
    "TOKEN_PARAM": "ssoToken",
}
