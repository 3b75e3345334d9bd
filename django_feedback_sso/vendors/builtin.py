"""The built-in vendors, as data. Each entry cites the vendor document it follows."""

from __future__ import annotations

import re
from datetime import timedelta

from .spec import ClaimRule, VendorOption, VendorSpec

_NOT_LOWERCASE_ALPHANUMERIC = re.compile(r"[^a-z0-9]")


def lowercase_alphanumeric(value: str) -> str:
    """Sleekplan usernames: lowercase letters and digits only (the local part of an email)."""
    return _NOT_LOWERCASE_ALPHANUMERIC.sub("", value.split("@", 1)[0].lower())


def _portal(example: str, *, required: bool) -> VendorOption:
    return VendorOption(
        "PORTAL_URL",
        f"Your portal's address, e.g. {example!r}.",
        required=required,
        kind="base_url",
    )


def _token_param(default: str) -> VendorOption:
    return VendorOption("TOKEN_PARAM", "The query parameter carrying the token to the vendor.",
                        kind="param", default=default, spec_fields=("token_param",),
                        inferred=True)


def _return_hosts() -> VendorOption:
    return VendorOption("RETURN_HOSTS", "Extra hosts that return targets may point at.",
                        kind="hosts")


# https://sleekplan.com/docs/authentication/single-sign-on (claims table, HS256);
# https://help.sleekplan.com/en/articles/5183353-identifying-end-user (window.SLEEK_USER).
SLEEKPLAN = VendorSpec(
    id="sleekplan",
    name="Sleekplan",
    docs_url="https://sleekplan.com/docs/authentication/single-sign-on",
    claim_names={"mail": "email", "id": "user_id", "full_name": "display_name",
                 "name": "username"},
    required_claims=("mail",),
    claim_rules={
        "mail": ClaimRule(),
        # "Your internal user ID": a number or a string.
        "id": ClaimRule(types=(str, int)),
        "full_name": ClaimRule(),
        # "Username. Use lowercase letters and numbers only."
        "name": ClaimRule(pattern=r"[a-z0-9]+", normalize=lowercase_alphanumeric),
        # "URL to the user's avatar image": any web URL, http too.
        "img": ClaimRule(pattern=r"https?://\S+"),
        # "User weighting from 1 to 10."
        "weight": ClaimRule(types=(int,), minimum=1, maximum=10),
        "meta": ClaimRule(types=(dict,)),
    },
    options=(
        VendorOption("PRODUCT_ID", "Your Sleekplan product id (digits); the tag then also "
                     "loads the widget (otherwise put your own Sleekplan snippet before the "
                     "tag).", kind="digits"),
        VendorOption("WIDGET_SCRIPT_URL", "The widget loader.", kind="url",
                     default="https://client.sleekplan.com/sdk/e.js"),
        _portal("https://yourboard.sleekplan.app", required=False),
        # "The standalone website board can also receive SSO tokens via URL parameters",
        # but the copies of that page we have stop before naming the parameter; "sso"
        # comes from public integrations.
        _token_param("sso"),
        _return_hosts(),
    ),
    snippet_template="feedback_sso/snippets/sleekplan.html",
    script_url_option="WIDGET_SCRIPT_URL",
    snippet_embeds_token=True,
    sso_url_option="PORTAL_URL",
    token_param="sso",
    return_mode="target",
    host_options=("PORTAL_URL",),
    # Sleekplan's snippet sets these once per page: one Sleekplan product per page.
    page_globals=("SLEEK_USER", "SLEEK_PRODUCT_ID", "$sleek"),
)

# https://www.productlift.dev/docs/single-sign-on: "adding ?sso=TOKEN to any url of your
# portal", the SDK script takes ?sso= too, and "we don't provide SSO login for admin users".
PRODUCTLIFT = VendorSpec(
    id="productlift",
    name="ProductLift",
    docs_url="https://www.productlift.dev/docs/single-sign-on",
    claim_names={"email": "email", "uid": "user_id", "name": "display_name"},
    required_claims=("email", "uid", "name"),
    claim_rules={
        "email": ClaimRule(),
        "uid": ClaimRule(),
        "name": ClaimRule(),
        # "URL of the user's avatar image": any web URL, http too.
        "avatar_url": ClaimRule(pattern=r"https?://\S+"),
        "company": ClaimRule(),
        **{key: ClaimRule(types=(str, int, float)) for key in ("mrr", "arr", "ltv")},
        **{f"segment_{n}": ClaimRule() for n in range(1, 11)},
    },
    options=(
        _portal("https://feedback.example.com", required=True),
        VendorOption("SDK_URL", "The widgets SDK script.", kind="url",
                     default="{PORTAL_URL}/widgets_sdk"),
        _return_hosts(),
    ),
    snippet_template="feedback_sso/snippets/productlift.html",
    script_url_option="SDK_URL",
    script_token_param="sso",
    snippet_embeds_token=True,
    sso_url_option="PORTAL_URL",
    token_param="sso",
    return_mode="target",
    host_options=("PORTAL_URL",),
)

# https://help.feedbackchimp.com/articles/10064-creating-and-signing-a-jwt-for-single-sign-on-sso-in-feedbackchimp
# (HS256; email, name and a random jti "to prevent token replaying attacks"). The page that
# names the return URL is truncated in every copy we have, so SSO_URL and the parameter
# names follow the Featurebase API FeedbackChimp mirrors: they are options marked
# inferred, and check W005 asks each project to confirm them.
FEEDBACKCHIMP = VendorSpec(
    id="feedbackchimp",
    name="FeedbackChimp",
    docs_url="https://help.feedbackchimp.com/articles/10063-single-sign-on-sso",
    claim_names={"email": "email", "name": "display_name"},
    required_claims=("email", "name", "jti"),
    claim_rules={"email": ClaimRule(), "name": ClaimRule()},
    rejects_reused_jti=True,
    options=(
        _portal("https://yourorg.feedbackchimp.space", required=True),
        VendorOption("SSO_URL", "Where signed-in users are sent with their token.",
                     kind="url", default="{PORTAL_URL}/api/v1/auth/access/jwt", inferred=True),
        _token_param("jwt"),
        VendorOption("RETURN_PARAM", "The query parameter carrying the page to return to, "
                     "both ways.", kind="param", default="return_to",
                     spec_fields=("return_param", "incoming_return_params"), inferred=True),
        _return_hosts(),
    ),
    sso_url_option="SSO_URL",
    token_param="jwt",
    return_mode="param",
    return_param="return_to",
    incoming_return_params=("return_to",),
    host_options=("PORTAL_URL", "SSO_URL"),
)

# https://tickets.sonnetinfotech.com/help/sso: HS256, companyId + email required, role
# CUSTOMER or AGENT, "exp must expire within 10 minutes of iat", redirect to
# https://issuely.in/api/auth/sso?token=...
ISSUELY = VendorSpec(
    id="issuely",
    name="Issuely",
    docs_url="https://tickets.sonnetinfotech.com/help/sso",
    claim_names={"email": "email", "name": "display_name"},
    required_claims=("companyId", "email", "iat", "exp"),
    claim_rules={
        "companyId": ClaimRule(),
        "email": ClaimRule(),
        "name": ClaimRule(),
        "role": ClaimRule(choices=("CUSTOMER", "AGENT")),
        "projectId": ClaimRule(),
    },
    role_claims=frozenset({"role"}),
    max_lifetime=timedelta(minutes=10),
    options=(
        VendorOption("COMPANY_ID", "Shown in Issuely under Settings → SSO.", required=True,
                     claim="companyId"),
        VendorOption("ROLE", "CUSTOMER (Issuely's default) or AGENT.", kind="choice",
                     choices=("CUSTOMER", "AGENT"), claim="role"),
        VendorOption("PROJECT_ID", "Adds every user to this Issuely project.",
                     claim="projectId"),
        VendorOption("SSO_URL", "Issuely's SSO endpoint.", kind="url",
                     default="https://issuely.in/api/auth/sso"),
        VendorOption("PORTAL_URL", "Where users who get no token sign in themselves.",
                     kind="base_url", default="https://issuely.in"),
    ),
    sso_url_option="SSO_URL",
    token_param="token",
    host_options=("SSO_URL",),
)

# https://docs.boostgpt.co/saas/chat-widget/sso: HS256 only, email required, name and
# external_id optional, "Tokens expire after 1 hour — generate fresh tokens on each page
# load"; delivered as data-user-token on the loader or BoostGPTWidget.init({userToken}).
BOOSTGPT = VendorSpec(
    id="boostgpt",
    name="BoostGPT",
    docs_url="https://docs.boostgpt.co/saas/chat-widget/sso",
    claim_names={"email": "email", "name": "display_name", "external_id": "user_id"},
    required_claims=("email",),
    claim_rules={"email": ClaimRule(), "name": ClaimRule(), "external_id": ClaimRule()},
    # The widget hands the token to the agent page when the chat opens, which can be
    # long after page load; the vendor's own examples use its one-hour maximum.
    default_lifetime=timedelta(hours=1),
    max_lifetime=timedelta(hours=1),
    options=(
        VendorOption("BOT_ID", "The agent's UUID, shown on its Deploy page.", required=True),
        VendorOption("WIDGET_SCRIPT_URL", "The widget loader.", kind="url",
                     default="https://embed.boostgpt.co/widget.js"),
    ),
    snippet_template="feedback_sso/snippets/boostgpt.html",
    script_url_option="WIDGET_SCRIPT_URL",
    snippet_embeds_token=True,
    # widget.js keeps one widget per page in this global.
    page_globals=("BoostGPTWidget",),
)

BUILTIN_SPECS: dict[str, VendorSpec] = {
    spec.id: spec for spec in (SLEEKPLAN, PRODUCTLIFT, FEEDBACKCHIMP, ISSUELY, BOOSTGPT)
}
