"""FeedbackChimp: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal, token_param
from ..spec import Claims, Redirect, Token, VendorOption, VendorSpec

# https://help.feedbackchimp.com/articles/10064-creating-and-signing-a-jwt-for-single-sign-on-sso-in-feedbackchimp
# (HS256; email, name and a random jti "to prevent token replaying attacks"). The page that
# names the return URL is truncated in every copy we have, so SSO_URL and the parameter
# names follow the Featurebase API FeedbackChimp mirrors: they are options marked
# inferred, and check W005 asks each project to confirm them.
SPEC = VendorSpec(
    id="feedbackchimp",
    name="FeedbackChimp",
    docs_url="https://help.feedbackchimp.com/articles/10063-single-sign-on-sso",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email", "name", "jti"),
    ),
    token=Token(
        rejects_reused_jti=True,
    ),
    options=(
        portal("https://yourorg.feedbackchimp.space", required=True),
        VendorOption("SSO_URL", "Where signed-in users are sent with their token.",
                     kind="url", default="{PORTAL_URL}/api/v1/auth/access/jwt", inferred=True),
        token_param("jwt"),
        VendorOption("RETURN_PARAM", "The query parameter carrying the page to return to, "
                     "both ways.", kind="param", default="return_to",
                     spec_fields=("return_param", "incoming_return_params"), inferred=True),
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="jwt",
        return_param="return_to",
        host_options=("PORTAL_URL", "SSO_URL"),
    ),
)
