"""UserVoice: its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Delivery, Redirect, VendorOption, VendorSpec, Widget

_ACCEPT_DENY = ClaimRule(choices=("accept", "deny"))
_WEB_URL = ClaimRule(pattern=r"https?://\S+")

# https://help.uservoice.com/hc/en-us/articles/360062340693-Single-Sign-On-with-JSON-Web-Tokens-JWT
# "UserVoice requires HS256"; guid ("do NOT use user email") and email required; exp as a
# UNIX timestamp; redirect to https://SUBDOMAIN.uservoice.com?sso=TOKEN; the widget takes
# UserVoice.push(['set', {sso}]). trusted, admin and owner grant admin rights:
# https://help.uservoice.com/hc/en-us/articles/360035554813-How-Admins-Log-in-with-JWT-SSO
SPEC = VendorSpec(
    id="uservoice",
    name="UserVoice",
    docs_url="https://help.uservoice.com/hc/en-us/articles/360062340693-Single-Sign-On-with-"
             "JSON-Web-Tokens-JWT",
    claims=Claims(
        names={"guid": "user_id", "email": "email", "display_name": "display_name"},
        required=("guid", "email"),
        rules={
            "locale": ClaimRule(),
            "trusted": ClaimRule(types=(bool,)),
            "owner": _ACCEPT_DENY,
            "admin": _ACCEPT_DENY,
            "allow_forums": ClaimRule(types=(list,)),
            "deny_forums": ClaimRule(types=(list,)),
            "url": _WEB_URL,
            "avatar_url": _WEB_URL,
            "updates": ClaimRule(types=(bool,)),
            "comment_updates": ClaimRule(types=(bool,)),
        },
        roles=frozenset({"trusted", "admin", "owner"}),
        # "admin:deny" removes an admin, "trusted: false" is the default: neither grants.
        harmless_role_values={"trusted": (False,), "admin": ("deny",), "owner": ("deny",)},
    ),
    options=(
        portal("https://yoursite.uservoice.com", required=True),
        VendorOption("WIDGET_SCRIPT_URL", "Your widget loader, "
                     "https://widget.uservoice.com/<widget key>.js (Admin → Settings → "
                     "Widgets); the tag then loads it too.", kind="url"),
    ),
    delivery=Delivery(
        script_url_option="WIDGET_SCRIPT_URL",
        embeds_token=True,
    ),
    redirect=Redirect(
        sso_url_option="PORTAL_URL",
        token_param="sso",
        return_mode="target",
    ),
    widget=Widget(
        page_globals=("UserVoice",),
    ),
)
