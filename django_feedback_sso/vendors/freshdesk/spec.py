"""Freshworks (Freshdesk) "SSO with custom JWT": its SSO contract, as data."""

from __future__ import annotations

from ..common import portal
from ..spec import ClaimRule, Claims, Redirect, Token, VendorOption, VendorSpec

# https://support.freshworks.com/en/support/solutions/articles/50000000670: "strictly in
# compliance to Implicit OAuth flow as described in the RFC6749", header {"alg": "RS256",
# "typ": "JWT"}; Freshworks holds the RSA public key (Security → SSO → JWT). The flow is
# SP-initiated: Freshworks sends the browser to our Authorization URL (the redirect view)
# with response_type=id_token, client_id, scope, state, redirect_uri and nonce, and takes
# back "${redirect_uri}?state=${state}&id_token=${jwt_token}" (supportsandbox.freshdesk.com
# articles 11000000028069 "Basics of JWT" and 11000000028109 "Setting up the ID token").
# Claims: sub and email required ("need to be passed in the string format", 11000000028122),
# iat required, nonce echoed in the token (11000000028132, "Invalid state param or nonce
# param sent by IDP"); given_name and family_name in the sample payload, not marked required.
# We answer to SSO_URL only, never to the incoming redirect_uri (an open redirect that
# would carry a signed identity token): handshakes/oidc_implicit.py.
SPEC = VendorSpec(
    id="freshdesk",
    name="Freshworks (Freshdesk)",
    docs_url="https://support.freshworks.com/en/support/solutions/articles/50000000670-how-to-configure-sso-with-custom-jwt-implementation",
    claims=Claims(
        names={"sub": "user_id", "email": "email"},
        required=("sub", "email", "iat"),
        rules={
            # Not derived: no identity source splits a name reliably ("Zoë", "van der
            # Berg", a username). A USER_CLAIMS hook sends them from first_name/last_name.
            "given_name": ClaimRule(),
            "family_name": ClaimRule(),
            # The request's nonce, echoed (issue_token's echo); never from settings.
            "nonce": ClaimRule(),
        },
    ),
    token=Token(algorithm="RS256"),
    options=(
        VendorOption(
            "SSO_URL",
            "The Redirect URL Freshworks shows in its JWT SSO settings, e.g. "
            "'https://acme.freshworks.com/sp/OIDC/302836020429100183/implicit': the only "
            "place the token is sent.",
            required=True, kind="url"),
        portal("https://acme.freshdesk.com/support/login", required=True),
    ),
    redirect=Redirect(
        sso_url_option="SSO_URL",
        token_param="id_token",
        handshake="oidc_implicit",
    ),
)
