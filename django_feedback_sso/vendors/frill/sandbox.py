"""Where Frill is pointed at the sandbox's stand-in (``sandbox.js``, the verify page).

``{sandbox}`` is where ``django_feedback_sso.sandbox.urls`` is included; see
:func:`django_feedback_sso.sandbox.vendor_urls.vendor_options`.
"""

# Frill's Script, and its site for the redirect view; the redirect back's token
# parameter is inferred (W005), so setting it here confirms what the sandbox reads.
OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/frill/widget.js",
    "PORTAL_URL": "{sandbox}/frill/portal",
    "TOKEN_PARAM": "ssoToken",
}
