"""Where Channel Talk is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/channelio/widget.js",
}
