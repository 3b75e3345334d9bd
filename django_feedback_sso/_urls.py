"""URL helpers shared by the settings parser, the vendors and the redirect view."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def url_problem(url: str) -> str | None:
    """Why ``url`` can't be a vendor URL: https, a host, no credentials, no fragment."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return "not a valid URL"
    if not parts.hostname:
        return "it has no host"
    if parts.scheme != "https" and not (parts.scheme == "http" and is_loopback(parts.hostname)):
        return "it must use https (http only on localhost)"
    if parts.username or parts.password:
        return "it must not contain credentials"
    if parts.fragment:
        return "it must not contain a #fragment"
    return None


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (where the offline sandbox lives)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def without_credentials(url: str) -> str:
    """``url`` as a message may quote it: a password in it is a secret too.

    Everything between the scheme and the last ``@`` goes, whatever the slashes: browsers
    read ``https:user:pw@host`` and ``https:\\\\user:pw@host`` as credentials too.
    Masking a path's ``@`` as well costs only some of the message.
    """
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*:)?.*@", url, re.DOTALL)
    if match is None:
        return url
    return f"{match.group(1) or ''}***@{url[match.end():]}"


def add_query(url: str, params: list[tuple[str, str]]) -> str:
    """``url`` with ``params`` set in its query string; other parameters are kept."""
    if not params:
        return url
    parts = urlsplit(url)
    replaced = {name for name, _ in params}
    query = [pair for pair in parse_qsl(parts.query, keep_blank_values=True)
             if pair[0] not in replaced] + params
    return urlunsplit(parts._replace(query=urlencode(query)))
