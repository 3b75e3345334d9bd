"""Where Gleap is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "SDK_URL": "{sandbox}/gleap/widget.js",
}
