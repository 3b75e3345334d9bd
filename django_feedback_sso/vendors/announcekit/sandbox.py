"""Where AnnounceKit is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/announcekit/widget.js",
    "FEED_URL": "{sandbox}/announcekit/portal/acmeco/updates",
}
