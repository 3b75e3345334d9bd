"""Where Sleekplan is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# Sleekplan's widget loader, and the standalone board for the redirect view. The
# parameter names below are inferred for the real vendors (check W005); the
# sandbox implements exactly these, so setting them here is a confirmation.
OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/sleekplan/widget.js",
    "PORTAL_URL": "{sandbox}/sleekplan/portal",
    "TOKEN_PARAM": "sso",
}
