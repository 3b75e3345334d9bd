"""The request's CSP nonce, from Django 6's built-in CSP or from django-csp 4."""

from __future__ import annotations

from typing import Any


def get_csp_nonce(request: Any) -> str:
    """The nonce for inline scripts in this response, or ``""`` without a CSP middleware.

    Both providers store it on ``request._csp_nonce``: Django 6 as a lazy object that
    joins the header once read, django-csp only after ``request.csp_nonce`` is read. So
    read the first, fall back to the second, and never invent a nonce of our own.
    """
    nonce = getattr(request, "_csp_nonce", None)
    if nonce is None:
        try:
            nonce = getattr(request, "csp_nonce", None)
            nonce = None if nonce is None else str(nonce)
        except Exception:  # django-csp raises once the header is written
            return ""
    return "" if nonce is None else str(nonce)
