"""Where Featurebase is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "PORTAL_URL": "{sandbox}/featurebase/portal",
    "WIDGET_SCRIPT_URL": "{sandbox}/featurebase/widget.js",
}
