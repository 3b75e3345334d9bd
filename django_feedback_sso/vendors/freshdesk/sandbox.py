"""Where Freshworks (Freshdesk) is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# The stand-in's portal starts the flow as Freshworks does; its SP page takes the id_token.
OPTIONS = {
    "PORTAL_URL": "{sandbox}/freshdesk/oidc/login",
    "SSO_URL": "{sandbox}/freshdesk/oidc/sp/OIDC/302836020429100183/implicit",
}
