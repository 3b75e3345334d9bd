"""FeatureOS (formerly Hellonext): its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec, Widget

# https://help.featureos.app/articles/setting-up-single-sign-on-for-your-featureos-portal
# and https://help.hellonext.co/buckets/enabling-sso/: HS256, email and name; add_to_team
# adds the user to your team. github.com/skcript/featureos-sso-redirect (ruby/app.rb): the
# redirect https://app.hellonext.co/redirects/sso?domain=…&redirect=…&ssoToken=…, with
# redirect and domain as FeatureOS sent them;
# https://help.featureos.app/articles/understanding-sso-redirects names the host
# app.featureos.app and returns nothing unless redirect starts with https:// and domain is
# there. Embeds: hellonext.init({embedURL, ssoToken}).
SPEC = VendorSpec(
    id="featureos",
    name="FeatureOS",
    docs_url="https://help.featureos.app/articles/understanding-sso-redirects",
    claims=Claims(
        names={"email": "email", "name": "display_name"},
        required=("email", "name"),
        rules={
            "avatar": ClaimRule(pattern=r"https?://\S+"),
            "labels": ClaimRule(types=(list,)),
            "add_as_customer": ClaimRule(types=(bool,)),
            "add_to_team": ClaimRule(types=(bool,)),
        },
        # "add_to_team: true" makes the user a member of your FeatureOS team.
        roles=frozenset({"add_to_team"}),
    ),
    options=(
        portal("https://feedback.example.com", required=True),
        # No document says what `domain` holds when your site starts the sign-in; the
        # portal's host is our reading (check W005). FeatureOS's own value, when it sends
        # users here, replaces it.
        VendorOption("SSO_URL", "FeatureOS's SSO redirect endpoint, with your portal's "
                     "domain.", kind="url",
                     default="https://app.featureos.app/redirects/sso?domain={PORTAL_URL_HOST}",
                     inferred=True),
        VendorOption("EMBED_URL", "A board's embed URL (Boards → Options → Embed); the tag "
                     "then renders the embed.", kind="url"),
        VendorOption("EMBED_SCRIPT_URL", "FeatureOS's embed loader.", kind="url",
                     default="https://app.hellonext.co/embed.js"),
    ),
    delivery=Delivery(
        embeds_token=True,
        script_url_option="EMBED_SCRIPT_URL",
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="ssoToken",
        return_param="redirect",
        passthrough_params=("domain",),
        host_passthrough_params=("domain",),
    ),
    widget=Widget(
        page_globals=("hellonext",),
    ),
)
