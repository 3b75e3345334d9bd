"""The signatures that aren't JWTs: an HMAC of one identity value, and DiscourseConnect.

Pure functions of bytes and strings (no settings, no users): ``tokens`` signs with them,
``verification`` and the sandbox check with them. Comparisons are constant-time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping
from typing import Any, Literal
from urllib.parse import parse_qsl, quote_plus

#: The spec's HMAC algorithm name -> the hash it runs.
_DIGESTS = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


def hmac_key(secret: str, encoding: Literal["text", "hex"] = "text") -> bytes:
    """The HMAC key ``secret`` stands for: its UTF-8 bytes, or the bytes its hex spells.

    Raises :class:`ValueError` (never quoting the secret) for hex that isn't.
    """
    if encoding == "hex":
        try:
            return binascii.unhexlify(secret.strip())
        except (binascii.Error, ValueError):
            raise ValueError("the secret is not hexadecimal") from None
    return secret.encode()


def identity_hash(key: bytes, value: str, algorithm: str = "HS256") -> str:
    """Lowercase hex HMAC of ``value`` (UTF-8): what Help Scout, Front, Chatwoot, Gleap
    and the other identity-hash vendors recompute from the identity the widget sends."""
    return hmac.new(key, value.encode(), _DIGESTS[algorithm]).hexdigest()


def hash_matches(key: bytes, value: str, presented: str, algorithm: str = "HS256") -> bool:
    """Whether ``presented`` is the identity hash of ``value``, compared in constant time."""
    expected = identity_hash(key, value, algorithm)
    return hmac.compare_digest(expected, presented.strip().lower().encode("ascii", "replace")
                               .decode())


def discourse_value(value: Any) -> str:
    """A payload value as DiscourseConnect reads it: booleans ``true``/``false``, lists
    comma-separated (``groups``), everything else its text."""
    if value.__class__ is str:  # nearly every value: answered first (one per field)
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(str(item) for item in value)
    return str(value)


def encode_discourse(payload: Mapping[str, Any]) -> str:
    """``sso``: the payload as a URL query string, base64-encoded without line breaks."""
    # urlencode's output (quote_plus of each name and value), without its type dispatch.
    query = "&".join([f"{quote_plus(name)}={quote_plus(discourse_value(value))}"
                      for name, value in payload.items()])
    return base64.b64encode(query.encode()).decode("ascii")


def decode_discourse(sso: str) -> dict[str, str]:
    """The fields of an ``sso`` payload. Raises :class:`ValueError` if it isn't one."""
    try:
        query = base64.b64decode(sso.encode("ascii"), validate=False).decode()
    except (binascii.Error, UnicodeError):
        raise ValueError("sso is not base64 of a UTF-8 query string") from None
    return dict(parse_qsl(query, keep_blank_values=True))


def discourse_signature(key: bytes, sso: str) -> str:
    """``sig``: lowercase hex HMAC-SHA256 of the ``sso`` string exactly as sent."""
    return hmac.new(key, sso.encode("ascii"), hashlib.sha256).hexdigest()


def discourse_signature_matches(key: bytes, sso: str, sig: str) -> bool:
    """Whether ``sig`` signs ``sso``, compared in constant time."""
    try:
        expected = discourse_signature(key, sso)
    except UnicodeError:
        return False
    return hmac.compare_digest(expected, sig.lower().encode("ascii", "replace").decode())
