"""Where FeedbackChimp is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

OPTIONS = {
    "PORTAL_URL": "{sandbox}/feedbackchimp/portal",
    "SSO_URL": "{sandbox}/feedbackchimp/portal/api/v1/auth/access/jwt",
    "TOKEN_PARAM": "jwt",
    "RETURN_PARAM": "return_to",
}
