"""Where Intercom's identity verification is pointed at the sandbox (``vendor_options``)."""

OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/intercom_hmac/widget.js",
}
