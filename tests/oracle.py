"""Independent checks of minted tokens: joserfc, not the PyJWT the app mints with.

Two sets of rules, kept apart on purpose:

- :data:`DOCUMENTED`: what each vendor's own documentation requires, transcribed into
  each vendor folder's ``fixture.py`` from its pages (never read from ``spec.py``),
  so a wrong spec fails these tests instead of agreeing with itself. Few vendors document
  time or id claims, a lifetime or a header field: the fixture says which.
- :func:`check_conventions`: what this app promises on top, for every vendor (``iat``,
  ``exp`` and a UUID ``jti`` on every token, a JWT header, a lifetime within the configured
  one). A vendor accepting a token says nothing about these.

:func:`verify` applies both, which is what a token minted by the app must pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cryptography.hazmat.primitives import serialization
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey

from tests.settings import FIXTURES, SECRETS


@dataclass(frozen=True)
class DocumentedRules:
    """One vendor's rules, as its documentation states them (its fixture's ``DOCUMENTED``)."""

    source: str
    required: tuple[str, ...]
    #: What the vendor trusts: ``jwt``, ``identity_hash`` (the HMAC of one claim, sent
    #: beside the identity) or ``discourse_connect``.
    kind: Literal["jwt", "identity_hash", "discourse_connect"] = "jwt"
    algorithm: str = "HS256"
    #: ``identity_hash``: the claim whose value the vendor hashes, and how its secret
    #: becomes the HMAC key (``text``: its UTF-8 bytes; ``hex``: the bytes its hex spells).
    hashed: str | None = None
    key_encoding: Literal["text", "hex"] = "text"
    #: Longest ``exp`` - ``iat`` the vendor accepts, in seconds, if it documents one.
    max_lifetime: int | None = None
    #: At least one of these must be there (an email or a user id).
    required_any: tuple[str, ...] = ()
    #: The vendor refuses a token whose ``jti`` it has seen.
    rejects_replay: bool = False
    #: JWT header fields the vendor requires besides ``alg``/``typ`` (with the test value).
    header: tuple[tuple[str, str], ...] = ()
    #: What the token says about the user: claim -> ``email``, ``user_id``,
    #: ``display_name`` or ``username``.
    identity: Mapping[str, str] = field(default_factory=dict)
    #: Claims carrying a configured value: claim -> option (a company id …).
    option_claims: Mapping[str, str] = field(default_factory=dict)
    #: Claims whose value the vendor documents, the same in every token (Zendesk
    #: Messaging's ``scope: "user"``).
    fixed_claims: Mapping[str, Any] = field(default_factory=dict)
    #: Claims that grant rights at the vendor, each with a value that does.
    grants: Mapping[str, Any] = field(default_factory=dict)
    # Delivery -------------------------------------------------------------------------
    #: Where the vendor's widget reads the token, as the sandbox's stand-in names it
    #: (``data-sandbox-via``); ``None``: no widget, the tag links through the redirect view.
    widget: str | None = None
    #: Where the vendor takes a token when the site sends the user: ``{OPTION}`` is the
    #: option's value, ``{OPTION_HOST}`` its host. ``None``: no redirect view.
    sso_url: str | None = None
    #: The parameter carrying the token there, in the query or a POST body.
    token_param: str | None = None
    token_in: Literal["query", "body"] = "query"
    #: The vendor takes the token on any page of its portal: users return to the page.
    any_page: bool = False
    #: The parameter of ``sso_url`` naming the page to go on to after sign-in.
    return_param: str | None = None
    #: The parameter naming a page when the vendor sends users to the site's SSO page.
    sends_return_in: str | None = None
    #: The vendor's pages for the site's users (a URL like ``sso_url``): return targets may
    #: lead there, and users who get no token go there to sign in themselves.
    portal: str | None = None
    #: A round trip the vendor starts: ``oidc_implicit`` (Freshworks sends ``nonce`` and
    #: ``state``; the token echoes the nonce, the answer the state).
    handshake: str | None = None

    @property
    def email_claim(self) -> str:
        """The claim carrying the user's email."""
        return next(claim for claim, fact in self.identity.items() if fact == "email")


#: Vendor id -> its documented rules, from ``fixture.py`` in the vendor's folder.
DOCUMENTED = {vendor_id: DocumentedRules(**fixture.DOCUMENTED)
              for vendor_id, fixture in FIXTURES.items()}

#: The app's own promise: at most this long, whatever a vendor allows.
LONGEST_LIFETIME = 3600


def decode(vendor_id: str, token: str, *, secret: str | None = None) -> Any:
    """Signature and algorithm, pinned to the vendor's documented one. An RS256 vendor
    checks with the public half of its key pair (``secret``: another private key)."""
    algorithm = DOCUMENTED[vendor_id].algorithm
    if algorithm.startswith("RS"):
        pem = secret or SECRETS[vendor_id]
        # Another vendor's shared secret stands for someone else's key pair.
        key: Any = (RSAKey.import_key(public_pem(pem)) if "-----BEGIN" in pem
                    else RSAKey.generate_key(2048, private=False))
    else:
        key = OctKey.import_key(secret or SECRETS[vendor_id])
    return jwt.decode(token, key, algorithms=[algorithm])


def public_pem(private_pem: str) -> str:
    """The SubjectPublicKeyInfo PEM of a PEM private key, worked out with cryptography."""
    private = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


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
                      vendor_header: tuple[tuple[str, str], ...] = (),
                      algorithm: str = "HS256") -> None:
    """Fail unless the token keeps this app's own promises (see SECURITY.md §1): the
    header is PyJWT's plus what the vendor documents, nothing else."""
    assert header == {"alg": algorithm, "typ": "JWT", **dict(vendor_header)}
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
    check_conventions(dict(decoded.header), claims, DOCUMENTED[vendor_id].header,
                      DOCUMENTED[vendor_id].algorithm)
    return claims
