"""The JSON token endpoint and the redirect to the vendor's portal."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    JsonResponse,
)
from django.utils.cache import add_never_cache_headers
from django.views import View

from .conf import get_vendor_config
from .exceptions import FeedbackSSORefused, FeedbackSSOUnknownVendor
from .options import VendorConfig
from .redirects import safe_return_target
from .tokens import issue_token

logger = logging.getLogger("django_feedback_sso")


def never_cached(response: HttpResponseBase) -> HttpResponseBase:
    """Tokens must not be stored by any cache (RFC 6749 §5.1), HTTP/1.0 ones included."""
    add_never_cache_headers(response)
    response["Pragma"] = "no-cache"
    return response


class VendorView(View):
    """Looks up the vendor named in the URL; unknown or unconfigured vendors are a 404."""

    http_method_names = ["get"]  # noqa: RUF012 - Django's View declares it a plain list

    def vendor_config(self, vendor_id: str) -> VendorConfig:
        try:
            return get_vendor_config(vendor_id)
        except FeedbackSSOUnknownVendor:
            raise Http404("No such vendor.") from None

    def broken_vendor(self, vendor_id: str) -> None:
        """Log a vendor that can't mint; the caller answers without a token."""
        if settings.DEBUG:
            raise
        logger.exception("feedback_sso: vendor %r can't issue a token", vendor_id)


class TokenView(VendorView):
    """``GET <vendor>/token/`` → ``{"token": …, "expires_at": …}`` for JavaScript."""

    def get(self, request: HttpRequest, vendor_id: str) -> HttpResponseBase:
        self.vendor_config(vendor_id)
        try:
            issued = issue_token(request.user, vendor_id)
        except FeedbackSSORefused as refusal:
            if refusal.reason == FeedbackSSORefused.ANONYMOUS:
                return self.error(401, "authentication_required")
            return self.error(403, "refused", reason=refusal.reason)
        except Exception:
            self.broken_vendor(vendor_id)
            return self.error(503, "vendor_unavailable")
        return never_cached(JsonResponse({"token": issued.token,
                                          "expires_at": issued.expires_at}))

    def http_method_not_allowed(self, request: HttpRequest, *args: Any,
                                **kwargs: Any) -> HttpResponse:
        response = self.error(405, "method_not_allowed")
        response["Allow"] = ", ".join(method.upper() for method in self.http_method_names
                                      if hasattr(self, method))
        return response  # type: ignore[return-value]

    @staticmethod
    def error(status: int, code: str, **extra: str) -> HttpResponseBase:
        return never_cached(JsonResponse({"error": code, **extra}, status=status))


class SSORedirectView(VendorView):
    """``GET <vendor>/redirect/`` → 302 to the vendor with a fresh token.

    Anonymous users go to ``LOGIN_URL`` first and come back here; refused users (staff …)
    go to the portal without a token and sign in there themselves.
    """

    def get(self, request: HttpRequest, vendor_id: str) -> HttpResponseBase:
        config = self.vendor_config(vendor_id)
        if config.spec.sso_url_option is None:
            raise Http404("This vendor has no redirect sign-in.")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return_target = safe_return_target(config, self.requested_target(request, config))
        try:
            token: str | None = issue_token(request.user, vendor_id).token
        except FeedbackSSORefused:
            token = None
        except Exception:
            self.broken_vendor(vendor_id)
            token = None
        url = (config.vendor.sso_url(config.options, token, return_target) if token
               else return_target or config.options.get("PORTAL_URL"))
        if not url:
            raise Http404("This vendor has no portal to send you to.")
        return never_cached(HttpResponseRedirect(url))

    @staticmethod
    def requested_target(request: HttpRequest, config: VendorConfig) -> str | None:
        for name in ("next", *config.spec.incoming_return_params):
            if request.GET.get(name):
                return request.GET[name]
        return None
