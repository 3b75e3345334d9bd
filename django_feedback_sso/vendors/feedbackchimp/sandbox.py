"""Where FeedbackChimp is pointed at the sandbox's stand-in (``sandbox.js``, the verify page).

``{sandbox}`` is where ``django_feedback_sso.sandbox.urls`` is included; see
:func:`django_feedback_sso.sandbox.vendor_urls.vendor_options`.
"""

OPTIONS = {
    "PORTAL_URL": "{sandbox}/feedbackchimp/portal",
    "SSO_URL": "{sandbox}/feedbackchimp/portal/api/v1/auth/access/jwt",
    "TOKEN_PARAM": "jwt",
    "RETURN_PARAM": "return_to",
}
