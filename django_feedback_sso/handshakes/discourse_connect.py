"""DiscourseConnect: the forum asks, signed, who the user is; the redirect view answers, signed.

https://meta.discourse.org/t/discourseconnect-official-single-sign-on-for-discourse-sso/13045
and discourse/discourse ``lib/discourse_connect_base.rb``: the forum's ``/session/sso`` sends
the browser here with ``sso`` (base64 of ``nonce=…&return_sso_url=…``) and ``sig`` (hex
HMAC-SHA256 of ``sso``). Only a request the forum signed, asking to go back to the forum's
own host, is answered: ``return_sso_url?sso=…&sig=…`` with the same nonce and the user. The
forum accepts each nonce once, within 30 minutes (10 before Discourse PR #26261).
"""

from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from django.http import HttpResponse, HttpResponseRedirect

from .._urls import add_query
from ..delivery import render_page
from ..redirects import safe_return_target
from ..signatures import decode_discourse, discourse_signature_matches, hmac_key
from ..tokens import IssuedToken
from . import token_or_answer

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

    from ..conf import VendorConfig

logger = logging.getLogger("django_feedback_sso")

#: Discourse's nonce is ``SecureRandom.hex`` (32 hex digits); older examples use words.
_NONCE = re.compile(r"[A-Za-z0-9_-]{1,128}")
#: What Discourse itself accepts as ``sso`` (``DiscourseConnectBase.parse``): base64 and
#: line breaks only, so URL-safe base64 and a "+" read as a space are refused there too.
_SSO = re.compile(r"[A-Za-z0-9+/=\r\n]{1,8192}")


def answer(request: HttpRequest, config: VendorConfig) -> HttpResponseBase:
    """The answer to the forum's request, a refusal, or the start of a round trip."""
    sso, sig = request.GET.get("sso"), request.GET.get("sig")
    if sso is None and sig is None:  # our own link: the forum starts the round trip
        return HttpResponseRedirect(start_url(config, request.GET.get("next")))
    if not sso or not sig or not _SSO.fullmatch(sso):
        return _bad_request(config, 400, "sso or sig is missing or not base64")
    if not discourse_signature_matches(hmac_key(config.secret), sso, sig):
        return _bad_request(config, 403, "sig does not sign sso with the configured SECRET")
    try:
        fields = decode_discourse(sso)
    except ValueError:
        return _bad_request(config, 400, "sso is not a payload")
    nonce = fields.get("nonce", "")
    if not _NONCE.fullmatch(nonce):
        return _bad_request(config, 400, "the payload has no nonce")
    # Discourse sends Discourse.base_url + "/session/sso_login" (SessionController#sso):
    # nothing else is answered, so no signed payload, even with a leaked secret, can send
    # the answer anywhere but the forum's own sign-in endpoint. An exact match, not a
    # parsed URL: cheaper, and stricter than any host check.
    return_url = login_url(config)
    if fields.get("return_sso_url") != return_url:
        return _bad_request(config, 403, "return_sso_url is not the forum's "
                            "PORTAL_URL/session/sso_login")
    issued = token_or_answer(request, config, nonce, functools.partial(_refused_page, config))
    if not isinstance(issued, IssuedToken):
        return issued
    # The token is "sso=…&sig=…", already URL-encoded ("+" as %2B: Discourse reads "+" as " ").
    return HttpResponseRedirect(f"{return_url}?{issued.token}")


def login_url(config: VendorConfig) -> str:
    """Where the forum takes its answer: ``PORTAL_URL/session/sso_login``."""
    return f"{config.portal_url or ''}/session/sso_login"


def start_url(config: VendorConfig, target: str | None) -> str:
    """The forum's ``/session/sso``, which signs a request and sends the user back here;
    ``return_path``: where the forum goes after sign-in, when ``target`` is on the forum."""
    portal = config.portal_url or ""
    params = []
    kept = safe_return_target(config, target)
    if kept is not None:
        parts = urlsplit(kept)
        params.append(("return_path", urlunsplit(("", "", parts.path, parts.query, ""))))
    return add_query(f"{portal}/session/sso", params)


def _bad_request(config: VendorConfig, status: int, reason: str) -> HttpResponse:
    """Nothing issued; the reason logged (never ``sso``, ``sig`` or the secret)."""
    logger.warning("feedback_sso: %s: refused a DiscourseConnect request: %s", config.id, reason)
    return HttpResponse(f"This is not a valid sign-in request from {config.spec.name}.",
                        status=status, content_type="text/plain; charset=utf-8")


def _refused_page(config: VendorConfig, status: int) -> HttpResponse:
    """A user who may not sign in at the forum (staff, by default): a page saying so.

    Sending them back without an answer would leave the forum's nonce pending and the user
    puzzled; DiscourseConnect has no "not signed in" answer in this direction.
    """
    context = {"vendor": config.vendor, "portal_url": config.portal_url, "status": status}
    return HttpResponse(render_page("feedback_sso/handshake_refused.html", context),
                        status=status)
