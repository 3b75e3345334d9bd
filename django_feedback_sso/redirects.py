"""Return targets: kept only when they stay on the vendor's own hosts.

A return target arrives in ``?next=`` or in the vendor's own parameter (``return_to`` …)
and is attacker-controlled. It survives only as a relative path on the vendor's portal or
an absolute https URL whose host is one of the vendor's; anything else is dropped, never
followed, and the user lands on the portal's front page instead.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from django.utils.http import url_has_allowed_host_and_scheme

from .options import VendorConfig, is_loopback

# Control characters, whitespace and backslashes are how "/\evil.com", "/\t/evil.com"
# and header-splitting targets get past naive checks; no legitimate target has them.
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")
# The same, once percent-decoded: "/%2F%2Fevil.example" or "/%5Cevil.example" would stay on
# the portal, but turn into an off-site hop wherever the portal decodes before redirecting.
_UNSAFE_DECODED = re.compile(r"[\x00-\x1f\x7f\\]|^//")


def safe_return_target(config: VendorConfig, raw: Any) -> str | None:
    """``raw`` as an absolute URL on the vendor's hosts, or ``None`` if it isn't safe."""
    if not isinstance(raw, str) or not raw or len(raw) > 2048 or _UNSAFE.search(raw):
        return None
    if _UNSAFE_DECODED.search(unquote(raw)):
        return None
    if raw.startswith("/") and not raw.startswith("//"):
        portal = config.options.get("PORTAL_URL")
        if not portal:
            return None
        raw = str(portal) + raw
    if not _on_vendor_hosts(config, raw):
        return None
    # Tokens are ours to add. One already in the target (``?sso=`` of someone else's
    # account) would sign a user we give no token to, staff say, in as that account.
    return _without_param(raw, config.spec.token_param)


def _without_param(url: str, name: str) -> str:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if all(key != name for key, _ in query):
        return url
    return urlunsplit(parts._replace(query=urlencode([(key, value) for key, value in query
                                                      if key != name])))


def _on_vendor_hosts(config: VendorConfig, url: str) -> bool:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None or not host.isascii():
        return False
    if host not in config.return_hosts:
        return False
    loopback = is_loopback(host)
    if parts.scheme != "https" and not (loopback and parts.scheme == "http"):
        return False
    if port not in (None, 443) and not loopback:
        return False
    # Django's own check as a second opinion; it knows more browser quirks than we do.
    return url_has_allowed_host_and_scheme(
        urlunsplit(parts), allowed_hosts={parts.netloc}, require_https=not loopback
    )
