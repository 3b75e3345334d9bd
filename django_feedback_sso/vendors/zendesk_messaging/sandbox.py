"""Where Zendesk Messaging is pointed at the sandbox's stand-in (``sandbox.js``, the verify page).

``{sandbox}`` is where ``django_feedback_sso.sandbox.urls`` is included; see
:func:`django_feedback_sso.sandbox.vendor_urls.vendor_options`.
"""

OPTIONS = {
    "WIDGET_SCRIPT_URL": "{sandbox}/zendesk_messaging/widget.js",
}
