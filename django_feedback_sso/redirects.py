"""Return targets: kept only when they stay on the vendor's own hosts.

A return target arrives in ``?next=`` or in the vendor's own parameter (``return_to`` …)
and is attacker-controlled. It survives only as a relative path on the vendor's portal or
an absolute https URL whose host is one of the vendor's, inside the portal's path on the
portal's host; anything else is dropped, never followed, and the user lands on the portal's
front page instead. A kept target is sent on with its dot segments resolved, so what was
checked is what the browser gets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import SplitResult, unquote, unquote_plus, urlsplit, urlunsplit

from django.utils.http import url_has_allowed_host_and_scheme

from ._urls import is_loopback
from .conf import VendorConfig

# Control characters, whitespace and backslashes are how "/\evil.com", "/\t/evil.com"
# and header-splitting targets get past naive checks; no legitimate target has them.
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")
# The same, once percent-decoded: "/%5Cevil.example" would stay on the portal, but turn into
# an off-site hop wherever the portal decodes before redirecting.
_UNSAFE_DECODED = re.compile(r"[\x00-\x1f\x7f\\]")
# Dot segments as browsers read them, "%2e" in any case included:
# https://url.spec.whatwg.org/#single-dot-path-segment
_SINGLE_DOT = frozenset({".", "%2e"})
_DOUBLE_DOT = frozenset({"..", ".%2e", "%2e.", "%2e%2e"})
# Where a parameter name may start: after "&", after ";" (the old CGI separator, still split
# on by some servers), after "?" or "#" (a fragment router reads "#/page?sso=…", and a
# nested return URL, once decoded, brings its own query).
_PARAM_SEPARATORS = re.compile(r"[&;?#]")
# What lenient servers ignore around a name: " sso" and "+sso" (spaces), "sso." and "sso_"
# (PHP turns "." and " " into "_").
_NAME_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


# A passed-through value (Zendesk brand_id, locale_id, timestamp; FeatureOS domain) is an id,
# a number or a host name: nothing that could be read as a URL, a path or a second parameter.
_PASSTHROUGH_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,254}")


def passed_through(config: VendorConfig, query: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The vendor's ``passthrough_params`` found in ``query``, each a plain short value.

    Anything else (a URL, a path, "&", "=", "%", spaces, control characters) is dropped, so
    no value can smuggle in a parameter. A host-valued one (``host_passthrough_params``:
    FeatureOS's ``domain``, which portal to sign in at, with our token) is kept only if it
    is one of the vendor's hosts, dotted or not ("localhost", "2130706433" are hosts too):
    otherwise a link could send a signed-in user's token to another organisation's portal.
    """
    kept = []
    for name in config.spec.redirect.passthrough_params:
        value = query.get(name)
        if not isinstance(value, str) or not _PASSTHROUGH_VALUE.fullmatch(value):
            continue
        if (name in config.spec.redirect.host_passthrough_params
                and value.lower() not in config.return_hosts):
            continue
        kept.append((name, value))
    return kept


def safe_return_target(config: VendorConfig, raw: Any) -> str | None:
    """``raw`` as an absolute URL on the vendor's hosts, or ``None`` if it isn't safe."""
    if not isinstance(raw, str) or not raw or len(raw) > 2048 or _UNSAFE.search(raw):
        return None
    if _UNSAFE_DECODED.search(unquote(raw)):
        return None
    portal = config.portal_url or ""
    url: str = raw
    if raw.startswith("/") and not raw.startswith("//"):
        if not portal:
            return None
        url = portal + raw
    if not _on_vendor_hosts(config, url):
        return None
    parts = urlsplit(url)
    path = _resolved(parts.path)
    if not _path_stays_inside(path, parts.hostname, portal):
        return None
    if _carries_token_param(parts, config.spec.redirect.token_param):
        return None
    return urlunsplit(parts._replace(path=path))


def _resolved(path: str) -> str:
    """``path`` with its dot segments resolved as a browser does (WHATWG URL, path state)."""
    segments = path.split("/")[1:]
    kept: list[str] = []
    for position, segment in enumerate(segments, start=1):
        last, folded = position == len(segments), segment.lower()
        if folded in _DOUBLE_DOT:
            if kept:
                kept.pop()
            if last:
                kept.append("")
        elif folded in _SINGLE_DOT:
            if last:
                kept.append("")
        else:
            kept.append(segment)
    return "/" + "/".join(kept) if path else path


def _path_stays_inside(path: str, host: str | None, portal: str) -> bool:
    """Whether ``path`` (resolved) keeps off ``//`` and, on the portal's host, in its path.

    A path starting with ``//`` ("/.//evil.example" resolved) is a host to whatever reads it
    back as a relative URL. The portal's path is a boundary on its host: "/board" holds
    "/board" and "/board/…", not "/boardroom". Both are checked as the browser resolves the
    path and as a server that percent-decodes before resolving would ("/x/..%2F%2Fevil",
    "/board/..%2Fother").
    """
    portal_parts = urlsplit(portal)
    base = _resolved(portal_parts.path).rstrip("/") if portal_parts.hostname == host else ""
    for candidate in (path, _resolved(unquote(path))):
        if candidate.startswith("//"):
            return False
        if base and candidate != base and not candidate.startswith(base + "/"):
            return False
    return True


def _carries_token_param(parts: SplitResult, token_param: str) -> bool:
    """Whether any parameter of the target may be read as the vendor's token parameter.

    Tokens are ours to add. One already in the target (``?sso=`` of someone else's account)
    would sign a user we give no token to, staff say, in as that account. Servers read names
    leniently ("SSO", "+sso", "sso[]", "sso.", "x=1;sso=", "#sso=", a nested "next=/p?sso="),
    so rather than strip the one spelling we know, the whole target is dropped when any name
    in its path parameters, query or fragment, decoded, normalises to the token parameter.
    """
    tail = "&".join((_decoded(parts.path).partition(";")[2], _decoded(parts.query),
                     _decoded(parts.fragment)))
    wanted = _param_name(token_param)
    return any(_param_name(piece.partition("=")[0]) == wanted
               for piece in _PARAM_SEPARATORS.split(tail))


def _decoded(text: str) -> str:
    """``text`` percent-decoded ("+" as a space) until it stops changing: nested URLs."""
    while (decoded := unquote_plus(text)) != text:
        text = decoded
    return text


def _param_name(name: str) -> str:
    """A parameter name as a lenient server reads it: "sso[0]" (PHP, Rails), " SSO." → "sso"."""
    return _NAME_EDGES.sub("", name.partition("[")[0]).casefold()


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
