"""Where Issuely is pointed at the sandbox's stand-in (``sandbox.js``, the verify page).

``{sandbox}`` is where ``django_feedback_sso.sandbox.urls`` is included; see
:func:`django_feedback_sso.sandbox.vendor_urls.vendor_options`.
"""

OPTIONS = {
    "SSO_URL": "{sandbox}/issuely/portal/api/auth/sso",
    "PORTAL_URL": "{sandbox}/issuely/portal",
}
