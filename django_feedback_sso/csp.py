"""The request's CSP nonce, from Django 6's built-in CSP or from django-csp 4."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_django_nonce: Callable[[Any], Any] | None
try:  # Django 6.0+: the public accessor (django.middleware.csp)
    from django.middleware.csp import get_nonce as _django_nonce
except ImportError:  # Django 5.2
    _django_nonce = None


def get_csp_nonce(request: Any) -> str:
    """The nonce for inline scripts in this response, or ``""`` without a CSP middleware.

    Django 6's ``get_nonce`` answers ``None`` unless its ``ContentSecurityPolicyMiddleware``
    ran; django-csp 4 offers ``request.csp_nonce`` (it raises once the header is written).
    Never a nonce of our own: one the header doesn't carry would block the script.
    """
    if _django_nonce is not None:
        nonce = _django_nonce(request)
        if nonce is not None:
            return str(nonce)
    try:
        nonce = getattr(request, "csp_nonce", None)
    except Exception:  # django-csp raises once the header is written
        return ""
    return "" if nonce is None else str(nonce)
