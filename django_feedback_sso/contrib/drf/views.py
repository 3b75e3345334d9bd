"""``TokenAPIView``: the token endpoint's answers, behind REST framework's authentication."""

from __future__ import annotations

from django.http import HttpResponseBase
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ...views import never_cached, token_answer


class TokenAPIView(APIView):
    """``GET <config id>/token/`` → ``{"token": …, "expires_at": …}``, as the token endpoint.

    Authentication, permission and throttle classes are REST framework's defaults (the
    project's ``REST_FRAMEWORK`` settings); subclass to set others. ``throttle_scope`` is
    ``"feedback_sso"`` for ``ScopedRateThrottle``. Only JSON is rendered: the answer holds a
    credential, and the browsable API would put it in an HTML page. REST framework (3.16+)
    exempts its views from ``LoginRequiredMiddleware``: its own authentication decides.
    """

    http_method_names = ["get", "head", "options"]  # noqa: RUF012 - Django's own attribute
    renderer_classes = [JSONRenderer]  # noqa: RUF012 - REST framework's own attribute
    throttle_scope = "feedback_sso"

    def get(self, request: Request, config_id: str) -> HttpResponseBase:
        status, body = token_answer(request._request, request.user, config_id, "api")
        response = Response(body, status=status)
        if status == 401:
            # RFC 9110 §15.5.2: a 401 names how to authenticate, as REST framework's do.
            challenge = self.get_authenticate_header(request)
            if challenge:
                response["WWW-Authenticate"] = challenge
        return never_cached(response)
