"""Where Zendesk Help Center is pointed at the sandbox's stand-in (``sandbox.js``, the verify page).

``{sandbox}`` is where ``django_feedback_sso.sandbox.urls`` is included; see
:func:`django_feedback_sso.sandbox.vendor_urls.vendor_options`.
"""

# The POST form lands on {PORTAL_URL}/access/jwt, whose stand-in reads the body.
OPTIONS = {
    "PORTAL_URL": "{sandbox}/zendesk/portal",
}
