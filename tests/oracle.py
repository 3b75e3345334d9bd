"""Independent checks of minted tokens: joserfc, not the PyJWT the app mints with.

Two sets of rules, kept apart on purpose:

- :data:`DOCUMENTED`: what each vendor's own documentation requires, transcribed from
  ../shared/research/vendors.md (Part A) and the seeds, not imported from the app's specs,
  so a wrong spec fails these tests instead of agreeing with itself. Only Issuely
  (``iat``/``exp``), BoostGPT (one-hour expiry) and FeedbackChimp (``jti``) document time or
  id claims at all; only Zendesk Messaging documents a header field (``kid``).
- :func:`check_conventions`: what this app promises on top, for every vendor (``iat``,
  ``exp`` and a UUID ``jti`` on every token, a JWT header, a lifetime within the configured
  one). A vendor accepting a token says nothing about these.

:func:`verify` applies both, which is what a token minted by the app must pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from joserfc import jwt
from joserfc.jwk import OctKey

from tests.settings import SECRETS


@dataclass(frozen=True)
class DocumentedRules:
    """One vendor's rules, as its documentation states them."""

    source: str
    required: tuple[str, ...]
    algorithm: str = "HS256"
    #: Longest ``exp`` - ``iat`` the vendor accepts, in seconds, if it documents one.
    max_lifetime: int | None = None
    email_claim: str = "email"
    #: At least one of these must be there (Featurebase: email or userId).
    required_any: tuple[str, ...] = ()
    #: The vendor refuses a token whose ``jti`` it has seen (FeedbackChimp, Zendesk).
    rejects_replay: bool = False
    #: JWT header fields the vendor requires besides ``alg``/``typ`` (with the test value).
    header: tuple[tuple[str, str], ...] = ()


DOCUMENTED = {
    # "mail | Yes | Email address of the user"; HMAC SHA-256; nothing on time claims.
    "sleekplan": DocumentedRules("https://sleekplan.com/docs/authentication/single-sign-on",
                                 required=("mail",), email_claim="mail"),
    # The example payload: email, uid, name; nothing on time claims.
    "productlift": DocumentedRules("https://www.productlift.dev/docs/single-sign-on",
                                   required=("email", "uid", "name")),
    # "jti is used to prevent token replaying attacks"; email, name; HS256.
    "feedbackchimp": DocumentedRules(
        "https://help.feedbackchimp.com/articles/10064-creating-and-signing-a-jwt-for-single-"
        "sign-on-sso-in-feedbackchimp", required=("email", "name", "jti"), rejects_replay=True),
    # companyId, email required; "exp must expire within 10 minutes of iat".
    "issuely": DocumentedRules("https://tickets.sonnetinfotech.com/help/sso",
                               required=("companyId", "email", "iat", "exp"),
                               max_lifetime=600),
    # email required; "Tokens expire after 1 hour" (the example signs expiresIn: '1h').
    "boostgpt": DocumentedRules("https://docs.boostgpt.co/saas/chat-widget/sso",
                                required=("email", "exp"), max_lifetime=3600),
    # issue 12, vendors-a: from ../shared/research/vendors.md Part B and the vendors' pages.
    # "userData = {avatarURL (optional), email, id, name}", {algorithm: 'HS256'}.
    "canny": DocumentedRules("https://developers.canny.io/install/widget/sso",
                             required=("email", "id", "name")),
    # "at least one of email or userId must be present"; the example signs HS256.
    "featurebase": DocumentedRules(
        "https://help.featurebase.app/articles/5257986-creating-and-signing-a-jwt-for-single-"
        "sign-on", required=(), required_any=("email", "userId")),
    # userData = {email, name}, jwt.sign(..., {algorithm: "HS256"}).
    "featureos": DocumentedRules("https://help.hellonext.co/buckets/enabling-sso/",
                                 required=("email", "name")),
    # "email, name and avatar_url" in the example; HS256.
    "userback": DocumentedRules("https://support.userback.io/en/articles/6160423-single-sign-on-sso",
                                required=("email", "name")),
    # jwt.sign({email, name, imageUrl?, tokenValidity?}, secret): jsonwebtoken's HS256.
    "productlane": DocumentedRules("https://productlane.com/docs/guide/sso",
                                   required=("email", "name")),
    # "Your JWT payload must include: email, name"; {algorithm: 'HS256'}.
    "suggix": DocumentedRules("https://help.suggix.com/development/sso",
                              required=("email", "name")),
    # "email | string | Yes"; the sample signs HS256 with expiresIn '5m'.
    "website_toolbox": DocumentedRules(
        "https://www.websitetoolbox.com/support/single-sign-on-jwt-1045", required=("email",)),
    # Every official sample: {iat, jti, name, email}, HS256, header typ JWT; the jti is
    # "a unique, random string that prevents token reuse".
    "zendesk": DocumentedRules("https://github.com/zendesk/zendesk_jwt_sso_examples",
                               required=("iat", "jti", "name", "email"), rejects_replay=True),
    # Part B, from the vendors' pages (../shared/research/vendors.md B3-B13), not the specs.
    # PHP/Node samples: email, id, name signed 'HS256' with the Frill SSO Key.
    "frill": DocumentedRules("https://help.frill.co/article/65-sso-implementation",
                             required=("email", "id", "name")),
    # "id", "email", "name" in the payload; { algorithm: 'HS256' }.
    "nolt": DocumentedRules("https://nolt.io/help/single-sign-on",
                            required=("id", "email", "name")),
    # "The only options required to identify your users are email and guid"; HS256.
    "uservoice": DocumentedRules(
        "https://help.uservoice.com/hc/en-us/articles/360062340693-Single-Sign-On-with-JSON-"
        "Web-Tokens-JWT", required=("guid", "email")),
    # A signing key is "a key id (kid) and a shared secret"; external_id is the primary
    # identification (support.zendesk.com 4411666638746); kid in the header, scope "user"
    # and a string external_id in the payload (Sunshine Conversations' guide).
    "zendesk_messaging": DocumentedRules(
        "https://docs.smooch.io/guide/authenticating-users",
        required=("external_id", "scope"), header=(("kid", "app_64f0c0ffee0123456789abcd"),)),
    # user_id required; exp optional; HS256.
    "intercom": DocumentedRules(
        "https://developers.intercom.com/installing-intercom/web/identity-verification",
        required=("user_id",)),
    # "user properties id, name, email"; "HS256 ... included in JWT Header".
    "announcekit": DocumentedRules(
        "https://help.announcekit.app/en/articles/6583616-jwt-user-authentication",
        required=("id", "name", "email")),
    # id, name, email; HS256.
    "changelogfy": DocumentedRules(
        "https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/",
        required=("id", "name", "email")),
}

#: The app's own promise: at most this long, whatever a vendor allows (BoostGPT's hour).
LONGEST_LIFETIME = 3600


def decode(vendor_id: str, token: str, *, secret: str | None = None) -> Any:
    """Signature and algorithm, pinned to the vendor's documented one."""
    key = OctKey.import_key(secret or SECRETS[vendor_id])
    return jwt.decode(token, key, algorithms=[DOCUMENTED[vendor_id].algorithm])


def check_documented(vendor_id: str, claims: dict[str, Any]) -> None:
    """Fail unless the vendor's documentation would accept these claims."""
    rules = DOCUMENTED[vendor_id]
    for name in rules.required:
        assert claims.get(name) not in (None, ""), f"{vendor_id} documents {name} as required"
    if rules.required_any:
        assert any(claims.get(name) not in (None, "") for name in rules.required_any), (
            f"{vendor_id} documents one of {rules.required_any} as required")
    if rules.max_lifetime is not None:
        assert claims["exp"] - claims.get("iat", claims["exp"]) <= rules.max_lifetime


def check_conventions(header: dict[str, Any], claims: dict[str, Any],
                      vendor_header: tuple[tuple[str, str], ...] = ()) -> None:
    """Fail unless the token keeps this app's own promises (see SECURITY.md §1): the
    header is PyJWT's plus what the vendor documents, nothing else."""
    assert header == {"alg": "HS256", "typ": "JWT", **dict(vendor_header)}
    jwt.JWTClaimsRegistry(exp={"essential": True}, iat={"essential": True},
                          jti={"essential": True}).validate(claims)
    assert 0 < claims["exp"] - claims["iat"] <= LONGEST_LIFETIME
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                        claims["jti"])


def verify(vendor_id: str, token: str, *, secret: str | None = None) -> dict[str, Any]:
    """A token the app minted: the vendor's documented rules and the app's conventions."""
    decoded = decode(vendor_id, token, secret=secret)
    claims: dict[str, Any] = decoded.claims
    check_documented(vendor_id, claims)
    check_conventions(dict(decoded.header), claims, DOCUMENTED[vendor_id].header)
    return claims
