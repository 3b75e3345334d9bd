"""Where ProductLift is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# The SDK reads ?sso= from its own URL; any portal page takes ?sso= too.
OPTIONS = {
    "SDK_URL": "{sandbox}/productlift/widget.js",
    "PORTAL_URL": "{sandbox}/productlift/portal",
}
