"""Where Discourse is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "PORTAL_URL": "{sandbox}/discourse/portal",
}
