"""The hand-written code the app replaces: PyJWT (or ``hmac``) called directly, the same
claims, the same response. Every benchmark compares the app against this module."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
import uuid
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import jwt
from django.contrib.auth.views import redirect_to_login
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseRedirect,
    JsonResponse,
)
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from benchmarks.settings import DISCOURSE, DISCOURSE_FORUM, SECRET

LIFETIME = 300


def sleekplan_claims(user: Any, now: float | None = None) -> dict[str, Any]:
    """Sleekplan's claims, as the app builds them, written out by hand."""
    issued_at = int(time.time() if now is None else now)
    return {
        "mail": user.email,
        "id": str(user.pk),
        "full_name": user.get_full_name() or user.get_username(),
        "name": re.sub(r"[^a-z0-9]", "", user.get_username().split("@", 1)[0].lower()),
        "exp": issued_at + LIFETIME,
        "iat": issued_at,
        "jti": str(uuid.uuid4()),
    }


def may_have_token(user: Any) -> bool:
    """The app's default policy, by hand: signed in, active, not staff, with an email."""
    return bool(user.is_authenticated and user.is_active and not user.is_staff
                and not user.is_superuser and user.email)


def mint(user: Any) -> dict[str, Any]:
    """A signed token and its expiry, or ``{}`` for a user who may not have one."""
    if not may_have_token(user):
        return {}
    claims = sleekplan_claims(user)
    return {"token": jwt.encode(claims, SECRET, algorithm="HS256"),
            "expires_at": claims["exp"]}


@require_GET
def token_view(request: HttpRequest) -> HttpResponse:
    """The ten lines a team would write instead of the app's token endpoint."""
    if not request.user.is_authenticated:
        response = JsonResponse({"error": "authentication_required"}, status=401)
    else:
        body = mint(request.user)
        response = JsonResponse(body) if body else JsonResponse({"error": "refused"},
                                                                status=403)
    add_never_cache_headers(response)
    response["Pragma"] = "no-cache"
    return response


def identity_hash_context(user: Any, key: bytes) -> dict[str, Any]:
    """What a view puts in the page for an identity-hash widget (Help Scout's Beacon): the
    hex HMAC-SHA256 of the email, and the email and name it goes with."""
    if not may_have_token(user):
        return {}
    return {"signed_in": True,
            "token": hmac.new(key, user.email.encode(), hashlib.sha256).hexdigest(),
            "identity": {"email": user.email,
                         "name": user.get_full_name() or user.get_username()}}


DISCOURSE_KEY = DISCOURSE["SECRET"].encode()
DISCOURSE_HOST = urlsplit(DISCOURSE_FORUM).netloc


def discourse_signature(sso: str) -> str:
    return hmac.new(DISCOURSE_KEY, sso.encode(), hashlib.sha256).hexdigest()


@require_GET
def discourse_connect_view(request: HttpRequest) -> HttpResponse:
    """The DiscourseConnect provider a team would write instead of the app's redirect view
    (https://meta.discourse.org/t/discourseconnect-official-single-sign-on-for-discourse-sso/13045)."""
    sso, sig = request.GET.get("sso", ""), request.GET.get("sig", "")
    if not hmac.compare_digest(discourse_signature(sso).encode(), sig.encode()):
        return HttpResponseForbidden("Bad signature.")
    try:
        fields = dict(parse_qsl(base64.b64decode(sso).decode()))
    except ValueError:
        return HttpResponseBadRequest("Bad payload.")
    return_url = fields.get("return_sso_url", "")
    target = urlsplit(return_url)
    if target.scheme != "https" or target.netloc != DISCOURSE_HOST or not fields.get("nonce"):
        return HttpResponseBadRequest("Bad payload.")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    if not may_have_token(user):
        return HttpResponseForbidden("Not allowed.")
    payload = {"nonce": fields["nonce"], "external_id": str(user.pk), "email": user.email,
               "username": user.get_username(),
               "name": user.get_full_name() or user.get_username(),
               "require_activation": "false"}
    answer = base64.b64encode(urlencode(payload).encode()).decode()
    response = HttpResponseRedirect(
        f"{return_url}{'&' if target.query else '?'}"
        f"{urlencode({'sso': answer, 'sig': discourse_signature(answer)})}")
    add_never_cache_headers(response)
    response["Pragma"] = "no-cache"
    return response
