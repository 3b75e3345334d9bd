"""Round trips the vendor starts (``VendorSpec.redirect.handshake``).

A handshake vendor sends the user to the redirect view with a request of its own: a signed
DiscourseConnect payload, or Freshworks' ``nonce`` and ``state``. The redirect view hands
such a request to the handshake's module here, whose ``answer(request, config)`` checks it
and answers it (or refuses it) instead of pushing a token to an SSO URL.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib.auth.views import redirect_to_login

from ..delivery import log_or_raise
from ..exceptions import FeedbackSSORefused
from ..tokens import IssuedToken, issue_token

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

    from ..conf import VendorConfig

Answer = Callable[["HttpRequest", "VendorConfig"], "HttpResponseBase"]


def answer_handshake(request: HttpRequest, config: VendorConfig) -> HttpResponseBase:
    """The handshake module's answer to ``request`` (the spec names a known handshake)."""
    return _answer(config.spec.redirect.handshake or "")(request, config)


@functools.cache
def _answer(name: str) -> Answer:
    """The ``answer`` function of the handshake's module, found once."""
    answer: Answer = importlib.import_module(f"{__name__}.{name}").answer
    return answer


def token_or_answer(request: HttpRequest, config: VendorConfig, nonce: str,
                    refusal: Callable[[int], HttpResponseBase],
                    ) -> IssuedToken | HttpResponseBase:
    """The token answering the vendor's ``nonce``, or the answer instead of one: an
    anonymous visitor signs in first and comes back; a refused user (staff …) gets
    ``refusal(403)``, a failure ``refusal(503)`` (logged)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        return issue_token(request.user, config, surface="redirect", request=request,
                           echo={"nonce": nonce})
    except FeedbackSSORefused:
        return refusal(403)
    except Exception:
        log_or_raise(config.id, "token")
        return refusal(503)
