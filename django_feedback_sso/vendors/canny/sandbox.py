"""Where Canny is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# Canny's SSO endpoint takes companyID on its query, as there.
OPTIONS = {
    "PORTAL_URL": "{sandbox}/canny/portal",
    "SSO_URL": "{sandbox}/canny/portal/api/redirects/sso?companyID={COMPANY_ID}",
    "WIDGET_SCRIPT_URL": "{sandbox}/canny/widget.js",
}
