"""Where ProductLift is pointed at the sandbox's stand-in (``sandbox.js``, the verify page).

``{sandbox}`` is where ``django_feedback_sso.sandbox.urls`` is included; see
:func:`django_feedback_sso.sandbox.vendor_urls.vendor_options`.
"""

# The SDK reads ?sso= from its own URL; any portal page takes ?sso= too.
OPTIONS = {
    "SDK_URL": "{sandbox}/productlift/widget.js",
    "PORTAL_URL": "{sandbox}/productlift/portal",
}
