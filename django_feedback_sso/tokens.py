"""Minting (and, for the sandbox, verifying) tokens. The only module that imports ``jwt``.

A "token" is whatever the vendor trusts (``VendorSpec.token.kind``): a JWT, signed with
the shared ``SECRET`` or the site's ``PRIVATE_KEY``; the hex HMAC of one identity claim;
or a DiscourseConnect answer (``sso=…&sig=…``). All three go through :func:`issue_token`,
so every one is refused, checked, logged and audited the same way.
"""

from __future__ import annotations

import functools
import json
import logging
import secrets
import time
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple
from urllib.parse import quote

import jwt
from jwt import warnings as jwt_warnings
from jwt.algorithms import Algorithm, get_default_algorithms
from jwt.utils import base64url_encode

from .claims import build_claims
from .exceptions import (
    FeedbackSSOClaimError,
    FeedbackSSORefused,
    FeedbackSSOSigningError,
    FeedbackSSOTokenRejected,
)
from .identity import user_identity
from .policy import check_identity, check_user, check_user_passes
from .signals import Surface, token_issued
from .signatures import discourse_signature, encode_discourse, hmac_key, identity_hash

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .conf import VendorConfig

logger = logging.getLogger("django_feedback_sso")

#: Tokens travel in URLs (redirects, script URLs), and 8 KiB is where servers and vendors
#: start answering 414 or 400. This leaves 1 KiB of the 8 KiB for the vendor's own URL;
#: the redirect view drops a return target that would push the whole past 8 KiB.
MAX_URL_LENGTH = 8192
MAX_TOKEN_LENGTH = MAX_URL_LENGTH - 1024


class IssuedToken(NamedTuple):
    """A freshly signed token and what went into it.

    A named tuple rather than a frozen dataclass: one is built per token, and it is
    half the cost (the mint benchmark counts microseconds).
    """

    config_id: str
    token: str
    claims: Mapping[str, Any]
    jti: str | None
    #: Unix seconds; ``None`` for what carries no expiry (an identity hash, a
    #: DiscourseConnect answer: ``VendorSpec.token.expires``).
    expires_at: int | None

    def __repr__(self) -> str:  # the token is a credential: never in a repr or a log
        return (f"IssuedToken(config_id={self.config_id!r}, jti={self.jti!r}, "
                f"expires_at={self.expires_at})")


def issue_token(user: Any, config: VendorConfig, *, now: float | None = None,
                surface: Surface = "code", request: HttpRequest | None = None,
                echo: Mapping[str, Any] | None = None) -> IssuedToken:
    """Mint a token for ``user`` with ``config``, or raise why not.

    ``config`` comes from :func:`django_feedback_sso.conf.get_vendor_config`; holding only
    an id, use :func:`django_feedback_sso.shortcuts.issue_token_for`. Raises
    :class:`~django_feedback_sso.exceptions.FeedbackSSORefused` for a user who may not have
    one, and another :class:`~django_feedback_sso.exceptions.FeedbackSSOError` when a hook
    misbehaves. ``surface`` and ``request`` say where the token goes; they only travel on
    to the :data:`~django_feedback_sso.signals.token_issued` signal (the audit log records
    them). ``echo``: what the vendor's own request asks to get back in the claims (the
    ``nonce`` of a DiscourseConnect or Freshworks round trip), checked by the caller.
    ``now`` (Unix seconds) is for tests.
    """
    check_user(config, user)
    identity = user_identity(user)  # read once: request.user is a lazy proxy
    check_identity(config, identity)
    check_user_passes(config, user)
    payload = build_claims(config, user, identity)
    if echo:
        payload.update(echo)
    kind = config.spec.token.kind
    if kind == "jwt":
        payload.update(time_claims(config, time.time() if now is None else now))
    missing = config.vendor.missing_claims(payload)
    if missing:
        raise FeedbackSSOClaimError(config.id, missing[0], f"is required by {config.spec.name}")
    token = _SIGNERS[kind](payload, config)
    if len(token) > MAX_TOKEN_LENGTH:
        logger.warning("feedback_sso: a %s token would be %d characters, over the %d limit; "
                       "refused (are USER_CLAIMS values too large?)", config.id, len(token),
                       MAX_TOKEN_LENGTH)
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.TOKEN_TOO_LARGE)
    issued = IssuedToken(config_id=config.id, token=token, claims=payload,
                         jti=payload.get("jti"), expires_at=payload.get("exp"))
    token_issued.send(sender=type(config.vendor), config_id=config.id,
                      vendor_id=config.vendor.id, user=user, claims=payload, jti=issued.jti,
                      expires_at=issued.expires_at, surface=surface, request=request)
    return issued


class _Signer(NamedTuple):
    """What ``jwt.encode`` works out afresh on every call, worked out once per key."""

    header: bytes  # the JOSE header, encoded as PyJWT encodes it
    algorithm: Algorithm
    key: Any  # the secret as the algorithm prepares it

    def __repr__(self) -> str:  # the key is the secret: never in a repr, a log or a traceback
        return f"_Signer(header={self.header!r}, algorithm={self.algorithm!r})"


@functools.lru_cache(maxsize=256)
def _signer(secret: str, algorithm: str, header_items: tuple[tuple[str, Any], ...] = (),
            ) -> _Signer:
    """PyJWT's own algorithm and key preparation, done once per secret, not per token.

    ``jwt.encode`` re-parses the key (looking for PEM and DER forms), re-encodes the same
    header and copies the payload on every call: a third of minting. Keyed by value, so a
    changed secret (or header field) is simply another entry.
    """
    algorithm_object = get_default_algorithms()[algorithm]
    key = algorithm_object.prepare_key(secret)
    check_key_length = getattr(algorithm_object, "check_key_length", None)  # PyJWT 2.10.1+
    message = check_key_length(key) if check_key_length is not None else None
    if message:  # what jwt.encode would warn on every call: once per key is enough
        category = getattr(jwt_warnings, "InsecureKeyLengthWarning", UserWarning)  # 2.11+
        warnings.warn(message, category, stacklevel=2)
    # PyJWT's header: typ and alg, then the caller's fields, keys sorted (api_jws.encode).
    header = json.dumps({"typ": "JWT", "alg": algorithm, **dict(header_items)},
                        separators=(",", ":"), sort_keys=True).encode()
    return _Signer(base64url_encode(header), algorithm_object, key)


def _header_items(config: VendorConfig) -> tuple[tuple[str, Any], ...]:
    """The vendor's header fields as a cache key (``()`` for nearly every vendor)."""
    fields = header_fields(config)
    return tuple(sorted(fields.items())) if fields else ()


def _sign(payload: dict[str, Any], config: VendorConfig) -> str:
    """``jwt.encode(payload, secret, algorithm)``, byte for byte, at a fraction of its cost.

    "from None" on every path: Django's DEBUG page shows chained tracebacks with their
    frame locals, and the signing frames hold the secret. That includes warnings turned
    into errors (``python -W error`` makes PyJWT's InsecureKeyLengthWarning one).
    """
    try:
        # PyJWT's own payload encoding (api_jwt._encode_payload), then its JWS steps. The
        # payload first: a claim that isn't JSON fails before any local holds the key.
        body = base64url_encode(json.dumps(payload, separators=(",", ":")).encode())
        signer = _signer(config.secret, config.spec.token.algorithm, _header_items(config))
        signing_input = signer.header + b"." + body
        signature = signer.algorithm.sign(signing_input, signer.key)
        return (signing_input + b"." + base64url_encode(signature)).decode()
    except (TypeError, ValueError):
        # Only a CLASS building claims its own way gets here (hook values are checked).
        raise FeedbackSSOClaimError(config.id, "*", "the claims are not plain JSON") from None
    except Exception as exc:
        failure = type(exc).__name__
    raise FeedbackSSOSigningError(f"{config.id}: signing failed ({failure})") from None


def _sign_identity_hash(payload: dict[str, Any], config: VendorConfig) -> str:
    """The hex HMAC of the hashed claim's value, as the vendor recomputes it.

    A hook may return the hashed claim as a number (Gleap's user id): it is hashed as the
    text the widget sends, ``str(value)``. "from None" as in ``_sign``: the key is a local.
    """
    token = config.spec.token
    value = payload[token.hashed_claim or ""]
    try:
        return identity_hash(_hmac_key(config.secret, token.key_encoding), str(value),
                             token.algorithm)
    except Exception as exc:
        failure = type(exc).__name__
    raise FeedbackSSOSigningError(f"{config.id}: signing failed ({failure})") from None


def _sign_discourse_connect(payload: dict[str, Any], config: VendorConfig) -> str:
    """``sso=…&sig=…``: the payload as DiscourseConnect encodes it, and its signature."""
    try:
        sso = encode_discourse(payload)
        sig = discourse_signature(_hmac_key(config.secret, "text"), sso)
    except Exception as exc:
        failure = type(exc).__name__
    else:  # urlencode's result, without its generality: sig is hex, sso base64
        return f"sso={quote(sso, safe='')}&sig={sig}"
    raise FeedbackSSOSigningError(f"{config.id}: signing failed ({failure})") from None


@functools.lru_cache(maxsize=256)
def _hmac_key(secret: str, encoding: Literal["text", "hex"]) -> bytes:
    return hmac_key(secret, encoding)


_SIGNERS: dict[str, Callable[[dict[str, Any], VendorConfig], str]] = {
    "jwt": _sign,
    "identity_hash": _sign_identity_hash,
    "discourse_connect": _sign_discourse_connect,
}


def header_fields(config: VendorConfig) -> dict[str, Any] | None:
    """The vendor's own JWT header fields (``VendorSpec.header_options``), if it has any.

    ``None`` rather than ``{}`` for the rest: PyJWT then builds its default header.
    """
    fields = config.spec.token.header_options
    if not fields:
        return None
    return {name: config.options[option] for name, option in fields.items()
            if option in config.options}


def time_claims(config: VendorConfig, now: float) -> dict[str, Any]:
    """``iat``, ``exp`` and a random ``jti``, as far as the vendor's rules allow."""
    issued_at = int(now)
    claims: dict[str, Any] = {"exp": issued_at + int(config.lifetime.total_seconds())}
    if "iat" in config.spec.token.time_claims:
        claims["iat"] = issued_at
    if "jti" in config.spec.token.time_claims:
        claims["jti"] = new_jti()
    return claims


def new_jti() -> str:
    """A random version 4 UUID, as ``str(uuid.uuid4())`` gives it, at a third of the cost.

    122 random bits from :mod:`secrets`; the version nibble is 4 and the variant bits are
    RFC 9562's ``10``, so any UUID parser reads it as ``uuid4()`` output.
    """
    h = secrets.token_hex(16)
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"


def verify_signature(token: str, config: VendorConfig) -> dict[str, Any]:
    """The claims of ``token`` if its signature and pinned algorithm check out.

    Time rules differ per vendor, so the caller (``verification``) applies them with its
    own clock. Raises :class:`FeedbackSSOTokenRejected` (``wrong_algorithm``,
    ``bad_signature`` or ``invalid_token``) so no other module needs to know PyJWT, and
    :class:`FeedbackSSOSigningError` when PyJWT fails otherwise. "from None" on every path,
    as in ``_sign``: PyJWT's frames hold the secret, warnings turned into errors included
    (``python -W error`` makes a short key's InsecureKeyLengthWarning one, on decode too).
    """
    _check_compact(token, config)
    options: Any = {"verify_exp": False, "verify_iat": False, "verify_nbf": False}
    try:
        claims: dict[str, Any] = jwt.decode(
            token, verifying_key(config), algorithms=[config.spec.token.algorithm],
            options=options)
    except jwt.InvalidAlgorithmError:
        raise FeedbackSSOTokenRejected(
            config.id, FeedbackSSOTokenRejected.WRONG_ALGORITHM,
            f"signed with {_header_algorithm(token)}; {config.spec.name} accepts only "
            f"{config.spec.token.algorithm}") from None
    except jwt.InvalidSignatureError:
        raise FeedbackSSOTokenRejected(
            config.id, FeedbackSSOTokenRejected.BAD_SIGNATURE,
            f"the signature does not match {config.spec.name}'s SSO secret") from None
    except jwt.PyJWTError as exc:  # InvalidKeyError too: no PyJWT frame, with the key, escapes
        # PyJWT's messages describe the token's shape; they never quote the key.
        raise FeedbackSSOTokenRejected(
            config.id, FeedbackSSOTokenRejected.INVALID_TOKEN, f"not a valid JWT ({exc})",
        ) from None
    except Exception as exc:
        failure = type(exc).__name__
    else:
        return claims
    raise FeedbackSSOSigningError(f"{config.id}: verifying failed ({failure})") from None


def verifying_key(config: VendorConfig) -> Any:
    """What checks a signature: the shared secret, or the public half of ``PRIVATE_KEY``."""
    if not config.spec.token.uses_key_pair:
        return config.secret
    return _public_key(config.secret, config.spec.token.algorithm)


@functools.lru_cache(maxsize=64)
def _public_key(private_pem: str, algorithm: str) -> Any:
    """The public key of a PEM private key, loaded as PyJWT loads it."""
    return get_default_algorithms()[algorithm].prepare_key(private_pem).public_key()


def public_key_pem(config: VendorConfig) -> str:
    """The public key the vendor's dashboard asks for (``SubjectPublicKeyInfo`` PEM).

    Raises :class:`FeedbackSSOSigningError` for a configuration without a key pair.
    """
    if not config.spec.token.uses_key_pair:
        raise FeedbackSSOSigningError(f"{config.id}: {config.spec.name} shares a SECRET; "
                                      "there is no public key")
    from cryptography.hazmat.primitives import serialization

    key = _public_key(config.secret, config.spec.token.algorithm)
    return str(key.public_bytes(serialization.Encoding.PEM,
                                serialization.PublicFormat.SubjectPublicKeyInfo).decode())


def unverified_header(token: str, config: VendorConfig) -> dict[str, Any]:
    """The JWT header of ``token``, read before any check (a vendor picks its key by it).

    Raises :class:`FeedbackSSOTokenRejected` (``invalid_token``) when there is none.
    """
    _check_compact(token, config)
    try:
        return dict(jwt.get_unverified_header(token))
    except jwt.InvalidTokenError as exc:
        raise FeedbackSSOTokenRejected(
            config.id, FeedbackSSOTokenRejected.INVALID_TOKEN, f"not a valid JWT ({exc})",
        ) from None


def _check_compact(token: str, config: VendorConfig) -> None:
    """A JWT is ASCII (base64url parts and dots, RFC 7515 §7.1). PyJWT encodes the token
    to UTF-8 first, which fails on a lone surrogate (how Python hands over the bytes of a
    command-line argument that aren't UTF-8): refuse it as a token, not with a crash."""
    if not token.isascii():
        raise FeedbackSSOTokenRejected(config.id, FeedbackSSOTokenRejected.INVALID_TOKEN,
                                       "not a valid JWT (it holds characters other than ASCII)")


def _header_algorithm(token: str) -> str:
    try:
        return str(jwt.get_unverified_header(token).get("alg"))
    except jwt.InvalidTokenError:
        return "an unknown algorithm"
