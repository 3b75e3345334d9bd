"""The hand-written code the app replaces: PyJWT called directly, the same claims, the
same response. Every benchmark compares the app against this module."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import jwt
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from benchmarks.settings import SECRET

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


def mint(user: Any) -> dict[str, Any]:
    """A signed token and its expiry, or ``{}`` for a user who may not have one."""
    if (not user.is_authenticated or not user.is_active or user.is_staff
            or user.is_superuser or not user.email):
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
