"""What a host name in settings may be: the form browsers send, checked before use."""

from __future__ import annotations

import ipaddress
import re

#: RFC 1123 §2.1: a label is 1 to 63 letters, digits and hyphens, no hyphen at either end.
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
#: WHATWG URL's "ends in a number": browsers parse such a host as IPv4 (127.1, 0x7f.1).
#: https://url.spec.whatwg.org/#ends-in-a-number-checker
_NUMBER = re.compile(r"[0-9]+|0x[0-9a-f]*")
_HOST_NAME_HINT = "Give the host as browsers send it, e.g. 'feedback.example.com'."
_IP_HINT = ("List the vendor's host name instead. Of IP addresses only loopback ones, written "
            "as browsers send them ('127.0.0.1', '::1'), are accepted, for local development.")


def host_problem(host: str) -> tuple[str, str] | None:
    """What makes ``host`` (lowercased) no RETURN_HOSTS entry, and the fix; ``None`` if fine.

    Entries are compared with the host of a return target as ``urlsplit`` gives it, so only
    the canonical form browsers send can ever match. IP addresses are refused (a vendor is
    reached by name, over https with a certificate for that name) except loopback ones,
    where the offline sandbox lives.
    """
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None:
        return None if address.is_loopback and str(address) == host else (
            "is an IP address", _IP_HINT)
    if not host.isascii():
        return "is not ASCII", "Give its punycode form (xn--…), as browsers send it."
    if not re.fullmatch(r"[a-z0-9.-]+", host):
        return "is not a bare host name", ("Give just the host, e.g. 'feedback.example.com': "
                                           "no scheme, port, path or wildcard.")
    labels = host.split(".")
    if "" in labels:
        return "has an empty label (a leading, trailing or doubled dot)", _HOST_NAME_HINT
    if _NUMBER.fullmatch(labels[-1]):
        return "browsers read as an IP address (its last label is a number)", _IP_HINT
    if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        return ("is not a host name by RFC 1123 (labels of 1 to 63 letters, digits and inner "
                "hyphens)", _HOST_NAME_HINT)
    return None
