"""Where UserVoice is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/uservoice/widget.js",
    "PORTAL_URL": "{sandbox}/uservoice/portal",
}
