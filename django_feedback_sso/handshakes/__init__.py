"""Round trips the vendor starts (``VendorSpec.redirect.handshake``).

A handshake vendor sends the user to the redirect view with a request of its own: a signed
DiscourseConnect payload, or Freshworks' ``nonce`` and ``state``. The redirect view hands
such a request to the handshake's module here, whose ``answer(request, config)`` checks it
and answers it (or refuses it) instead of pushing a token to an SSO URL.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

    from ..conf import VendorConfig


def answer_handshake(request: HttpRequest, config: VendorConfig) -> HttpResponseBase:
    """The handshake module's answer to ``request`` (the spec names a known handshake)."""
    name = config.spec.redirect.handshake or ""
    module = importlib.import_module(f"{__name__}.{name}")
    response: HttpResponseBase = module.answer(request, config)
    return response
