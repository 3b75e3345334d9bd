"""The stand-in for a Discourse forum: it starts DiscourseConnect and checks the answer.

As ``app/controllers/session_controller.rb`` does: ``session/sso`` makes a nonce, signs
``nonce`` and ``return_sso_url`` and sends the browser to the site's redirect view (the
forum's "discourse connect url"); ``session/sso_login`` checks ``sig``, then the nonce
(issued here, used once, within 30 minutes) and shows who signed in. Discourse keeps the
nonce in the browser's session by default; the stand-in keeps it in Django's cache.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .._urls import add_query
from ..conf import VendorConfig
from ..exceptions import FeedbackSSOTokenRejected
from ..signatures import discourse_signature, encode_discourse, hmac_key
from ..verification import identity, verify_discourse_connect
from .views import Outcome, SandboxView, _back_url, _claims, _status

#: ``DiscourseConnectBase.nonce_expiry_time`` since Discourse PR #26261 (10 minutes before).
NONCE_EXPIRY = 30 * 60
#: ``used_nonce_expiry_time``: how long a used nonce is remembered.
USED_NONCE_EXPIRY = 24 * 3600
_PREFIX = "feedback_sso_sandbox:discourse"


class ForumSignInView(SandboxView):
    """``session/sso``: the forum's "Log in", which starts the round trip."""

    def get(self, request: HttpRequest, config_id: str) -> HttpResponse:
        config = self.vendor_config(config_id)
        nonce = secrets.token_hex(16)
        cache.set(f"{_PREFIX}:{config.id}:{nonce}", request.GET.get("return_path") or "/",
                  NONCE_EXPIRY)
        sso = encode_discourse({"nonce": nonce,
                                "return_sso_url": f"{config.portal_url}/session/sso_login"})
        sig = discourse_signature(hmac_key(config.secret), sso)
        site = reverse("feedback_sso:redirect", args=[config.id])
        return HttpResponseRedirect(add_query(site, [("sso", sso), ("sig", sig)]))


class ForumLoginView(SandboxView):
    """``session/sso_login``: the answer, checked as the forum checks it."""

    def get(self, request: HttpRequest, config_id: str) -> HttpResponse:
        config = self.vendor_config(config_id)
        outcome, return_path = check_answer(config, request.GET.get("sso", ""),
                                            request.GET.get("sig", ""))
        context: dict[str, Any] = {
            "vendor": config.vendor, "outcome": outcome, "claims": _claims(outcome),
            "page": "/session/sso_login", "return_to": return_path, "passed_back": [],
            "sign_in_url": reverse("feedback_sso_sandbox:discourse_sso", args=[config.id]),
            "back_url": _back_url(request),
        }
        return TemplateResponse(request, "feedback_sso_sandbox/portal.html", context,
                                status=_status(outcome))


def check_answer(config: VendorConfig, sso: str, sig: str) -> tuple[Outcome, str | None]:
    """The forum's verdict on ``sso``/``sig``, and the page it would go on to."""
    if not sso or not sig:
        return Outcome("refused", reason="no_token", detail="sso and sig are required"), None
    try:
        claims = verify_discourse_connect(sso, sig, config)
    except FeedbackSSOTokenRejected as rejected:
        return Outcome("refused", reason=rejected.reason, detail=rejected.detail), None
    key = f"{_PREFIX}:{config.id}:{claims['nonce']}"
    return_path = cache.get(key)
    # cache.add is atomic: of two uses of one nonce, exactly one is the first.
    if return_path is None or not cache.add(f"{key}:used", True, USED_NONCE_EXPIRY):
        return Outcome("refused", reason=FeedbackSSOTokenRejected.REPLAYED,
                       detail="the nonce is unknown, expired or used (Discourse answers "
                              "419)"), None
    cache.delete(key)
    return Outcome("signed-in", claims=claims, user=identity(config, claims)), return_path
