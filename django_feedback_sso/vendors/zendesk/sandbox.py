"""Where Zendesk Help Center is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# The POST form lands on {PORTAL_URL}/access/jwt, whose stand-in reads the body.
OPTIONS = {
    "PORTAL_URL": "{sandbox}/zendesk/portal",
}
