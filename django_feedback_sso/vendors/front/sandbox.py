"""Where Front Chat is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/front/widget.js",
}
