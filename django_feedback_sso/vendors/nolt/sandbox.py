"""Where Nolt is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/nolt/widget.js",
    "PORTAL_URL": "{sandbox}/nolt/portal",
}
