"""Where Issuely is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "SSO_URL": "{sandbox}/issuely/portal/api/auth/sso",
    "PORTAL_URL": "{sandbox}/issuely/portal",
}
