"""The JSON token endpoint and the redirect to the vendor's portal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
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
from django.views.decorators.csrf import csrf_exempt

from .conf import VendorConfig, get_vendor_config
from .delivery import log_or_raise
from .exceptions import (
    FeedbackSSOConfigurationError,
    FeedbackSSORefused,
    FeedbackSSOUnknownVendor,
)
from .redirects import safe_return_target
from .signals import Surface
from .tokens import MAX_URL_LENGTH, issue_token


def never_cached(response: HttpResponseBase) -> HttpResponseBase:
    """Tokens must not be stored by any cache (RFC 6749 §5.1), HTTP/1.0 ones included."""
    add_never_cache_headers(response)
    response["Pragma"] = "no-cache"
    return response


#: Methods that change nothing on the server (RFC 9110 §9.2.1); Django checks CSRF on the rest.
SAFE_METHODS = frozenset({"get", "head", "options", "trace"})


def vendor_config(config_id: str) -> VendorConfig | None:
    """The configuration; a 404 if unknown, ``None`` (logged) if it is broken."""
    try:
        return get_vendor_config(config_id)
    except FeedbackSSOUnknownVendor:
        raise Http404("No such vendor.") from None
    except FeedbackSSOConfigurationError:
        # A vendor listed in settings but broken (SECRET removed …) is unavailable,
        # not missing: callers answer 503 and the other vendors keep working.
        log_or_raise(config_id, "configuration")
        return None


def token_answer(request: HttpRequest, user: Any, config_id: str,
                 surface: Surface) -> tuple[int, dict[str, Any]]:
    """The token endpoint's answer, as (HTTP status, JSON body).

    Shared by :class:`TokenView` and the REST framework view, so both answer alike:
    200 ``{"token", "expires_at"}``; 401 ``authentication_required``; 403 ``refused`` with
    the ``reason``; 503 ``vendor_unavailable``; an unknown configuration id is a 404.
    """
    config = vendor_config(config_id)
    if config is None:
        return 503, {"error": "vendor_unavailable"}
    try:
        issued = issue_token(user, config, surface=surface, request=request)
    except FeedbackSSORefused as refusal:
        if refusal.reason == FeedbackSSORefused.ANONYMOUS:
            return 401, {"error": "authentication_required"}
        return 403, {"error": "refused", "reason": refusal.reason}
    except Exception:
        log_or_raise(config_id, "token")
        return 503, {"error": "vendor_unavailable"}
    return 200, {"token": issued.token, "expires_at": issued.expires_at}


class VendorView(View):
    """Looks up the configuration named in the URL; unknown ids are a 404.

    These views answer for themselves whoever asks: an anonymous user gets the JSON 401 or
    the login redirect the view chooses, a method it doesn't serve its 405.
    """

    http_method_names = ["get"]  # noqa: RUF012 - Django's own attribute, a list

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Callable[..., HttpResponseBase]:
        """The view function, marked so project-wide middleware leaves the answer to us.

        ``login_not_required``: under ``LoginRequiredMiddleware`` the token endpoint would
        otherwise answer a login redirect instead of its JSON 401. ``csrf_exempt``, only
        for views that serve nothing but safe methods: CSRF guards requests that change
        state, and these change none (every other method gets a 405 before anything
        happens), so the exemption changes one thing, a POST's answer, from Django's HTML
        403 to our 405. Marked here, not on ``dispatch``, so subclasses that override
        ``dispatch`` (the sandbox's) keep the marks.
        """
        view = login_not_required(super().as_view(**initkwargs))
        methods = initkwargs.get("http_method_names", cls.http_method_names)
        return csrf_exempt(view) if set(methods) <= SAFE_METHODS else view

    def http_method_not_allowed(self, request: HttpRequest, *args: Any,
                                **kwargs: Any) -> HttpResponse:
        """Django's 405 (with ``Allow``), never cached like every other answer here."""
        response = super().http_method_not_allowed(request, *args, **kwargs)
        return never_cached(response)  # type: ignore[return-value]

    def vendor_config(self, config_id: str) -> VendorConfig | None:
        """The configuration; a 404 if unknown, ``None`` (logged) if it is broken."""
        return vendor_config(config_id)


class TokenView(VendorView):
    """``GET <config id>/token/`` → ``{"token": …, "expires_at": …}`` for JavaScript."""

    def get(self, request: HttpRequest, config_id: str) -> HttpResponseBase:
        status, body = token_answer(request, request.user, config_id, "endpoint")
        return never_cached(JsonResponse(body, status=status))

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
    """``GET <config id>/redirect/`` → 302 to the vendor with a fresh token.

    Anonymous users go to ``LOGIN_URL`` first and come back here; refused users (staff …)
    go to the portal without a token and sign in there themselves.
    """

    def get(self, request: HttpRequest, config_id: str) -> HttpResponseBase:
        config = self.vendor_config(config_id)
        if config is None:
            return never_cached(HttpResponse("Sign-in to this service is unavailable.",
                                             status=503, content_type="text/plain"))
        if not config.vendor.has_redirect(config.options):
            raise Http404("This vendor has no redirect sign-in configured.")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return_target = safe_return_target(config, self.requested_target(request, config))
        try:
            token: str | None = issue_token(request.user, config, surface="redirect",
                                            request=request).token
        except FeedbackSSORefused:
            token = None
        except Exception:
            log_or_raise(config_id, "token")
            token = None
        if token:
            url = config.vendor.sso_url(config.options, token, return_target)
            if len(url) > MAX_URL_LENGTH:  # the token fits alone (tokens.MAX_TOKEN_LENGTH)
                url = config.vendor.sso_url(config.options, token, None)
        else:  # sign in at the vendor the normal way, where they were going if that's safe
            url = (return_target or config.portal_url
                   or config.vendor.sso_url(config.options, None, None))
        return never_cached(HttpResponseRedirect(url))

    @staticmethod
    def requested_target(request: HttpRequest, config: VendorConfig) -> str | None:
        for name in ("next", *config.spec.incoming_return_params):
            if request.GET.get(name):
                return request.GET[name]
        return None
