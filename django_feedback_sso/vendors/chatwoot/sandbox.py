"""Where Chatwoot is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "SDK_URL": "{sandbox}/chatwoot/widget.js",
}
