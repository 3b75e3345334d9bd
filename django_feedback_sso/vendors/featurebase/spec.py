"""Featurebase: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec, Widget

# https://help.featurebase.app/articles/5257986-creating-and-signing-a-jwt-for-single-sign-on:
# HS256; email, name, userId; profilePicture, customFields, locale, companies optional;
# role "for user roles feature with enterprise plan". The newest version of that page
# (https://help.featurebase.app/en/help/articles/5257986-creating-and-signing-a-jwt):
# "at least one of email or userId"; custom attributes as top-level keys, created in
# Featurebase first, instead of customFields; companies[].companyId. Claims without a
# rule pass through, so both shapes work. Portal SSO
# (https://developers.featurebase.app/install/board/sso): Featurebase sends users to your
# SSO URL with return_to; you send them to
# {portal}/api/v1/auth/access/jwt?jwt=…&return_to=…. Widgets take jwtToken.
SPEC = VendorSpec(
    id="featurebase",
    name="Featurebase",
    docs_url="https://help.featurebase.app/articles/5257986-creating-and-signing-a-jwt-for-single-sign-on",
    claims=Claims(
        names={"email": "email", "userId": "user_id", "name": "display_name"},
        required_any=("email", "userId"),
        rules={
            "profilePicture": ClaimRule(pattern=r"https?://\S+"),
            "customFields": ClaimRule(types=(dict,)),
            "companies": ClaimRule(types=(list,)),
            "tags": ClaimRule(types=(list,)),
            "locale": ClaimRule(),
            "role": ClaimRule(),
        },
        # A user role at Featurebase can grant rights there (enterprise user roles).
        roles=frozenset({"role"}),
    ),
    options=(
        portal("https://yourorg.featurebase.app", required=True),
        VendorOption("SSO_URL", "Featurebase's JWT sign-in endpoint on your portal.",
                     kind="url", default="{PORTAL_URL}/api/v1/auth/access/jwt"),
        VendorOption("ORGANIZATION", "Your organization name (yourorg in "
                     "yourorg.featurebase.app); the tag then renders the feedback widget."),
        VendorOption("WIDGET_SCRIPT_URL", "Featurebase's SDK loader.", kind="url",
                     default="https://do.featurebase.app/js/sdk.js"),
    ),
    delivery=Delivery(
        embeds_token=True,
        script_url_option="WIDGET_SCRIPT_URL",
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="jwt",
        return_param="return_to",
        host_options=("PORTAL_URL", "SSO_URL"),
    ),
    widget=Widget(
        page_globals=("Featurebase",),
    ),
)
