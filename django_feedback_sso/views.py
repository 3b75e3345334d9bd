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
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.http import http_date
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .conf import VendorConfig, get_vendor_config
from .csp import get_csp_nonce
from .delivery import log_or_raise, render_page
from .exceptions import (
    FeedbackSSOConfigurationError,
    FeedbackSSORefused,
    FeedbackSSOUnknownVendor,
)
from .handshakes import answer_handshake
from .redirects import passed_through, safe_return_target
from .signals import Surface
from .tokens import MAX_URL_LENGTH, issue_token
from .vendors.modules import builtin_module

#: The ``Cache-Control`` Django's ``add_never_cache_headers`` writes on a response that
#: has none, as one string.
NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


def never_cached(response: HttpResponseBase) -> HttpResponseBase:
    """Tokens must not be stored by any cache (RFC 6749 §5.1), HTTP/1.0 ones included.

    Django's ``add_never_cache_headers``, which parses and merges whatever caching headers
    are there (15 µs), only where there are some; a fresh response gets its result at once.
    """
    if "Cache-Control" in response or "Expires" in response:
        add_never_cache_headers(response)
    else:
        response["Expires"] = http_date()
        response["Cache-Control"] = NEVER_CACHE
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
    200 ``{"token", "expires_at"}`` (an identity hash also ``"identity"``: the claims the
    widget sends beside it; its ``expires_at`` is ``null``); 401
    ``authentication_required``; 403 ``refused`` with the ``reason``; 503
    ``vendor_unavailable``; an unknown configuration id is a 404.
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
    body: dict[str, Any] = {"token": issued.token, "expires_at": issued.expires_at}
    if config.spec.token.kind == "identity_hash":
        # The hash signs one of these; the widget needs them all to identify the user.
        body["identity"] = dict(issued.claims)
    return 200, body


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
    """``GET <config id>/redirect/`` → 302 to the vendor with a fresh token, or for a
    vendor that takes it by POST (Zendesk), a page whose form posts it there.

    Anonymous users go to ``LOGIN_URL`` first and come back here; refused users (staff …)
    go to the portal without a token and sign in there themselves. This is also the URL
    vendors send users to ("your SSO URL"): their return target and pass-through
    parameters (``spec.redirect.incoming_return_params``, ``passthrough_params``) are
    read, checked, and sent back.
    """

    def get(self, request: HttpRequest, config_id: str) -> HttpResponseBase:
        config = self.vendor_config(config_id)
        if config is None:
            return never_cached(HttpResponse("Sign-in to this service is unavailable.",
                                             status=503, content_type="text/plain"))
        if config.spec.redirect.handshake:
            return never_cached(answer_handshake(request, config))
        if not config.vendor.has_redirect(config.options):
            raise Http404("This vendor has no redirect sign-in configured.")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return_target = safe_return_target(config, self.requested_target(request, config))
        passthrough = passed_through(config, request.GET)
        token = self.token(request, config)
        if token and config.spec.redirect.method == "post":
            return self.post_form(request, config, token, return_target, passthrough)
        if token:
            url = self.vendor_url(config, token, return_target, passthrough)
        else:  # sign in at the vendor the normal way, where they were going if that's safe
            url = (return_target or config.portal_url
                   or config.vendor.sso_url(config.options, None, None, passthrough))
        return never_cached(HttpResponseRedirect(url))

    @staticmethod
    def token(request: HttpRequest, config: VendorConfig) -> str | None:
        """A fresh token, or ``None`` for a refused user or a failure (logged)."""
        try:
            return issue_token(request.user, config, surface="redirect",
                               request=request).token
        except FeedbackSSORefused:
            return None
        except Exception:
            log_or_raise(config.id, "token")
            return None

    @staticmethod
    def vendor_url(config: VendorConfig, token: str | None, return_target: str | None,
                   passthrough: list[tuple[str, str]]) -> str:
        """The SSO URL; without the return target if it would make the URL too long."""
        url = config.vendor.sso_url(config.options, token, return_target, passthrough)
        if len(url) > MAX_URL_LENGTH:  # the token fits alone (tokens.MAX_TOKEN_LENGTH)
            url = config.vendor.sso_url(config.options, token, None, passthrough)
        return url

    def post_form(self, request: HttpRequest, config: VendorConfig, token: str,
                  return_target: str | None,
                  passthrough: list[tuple[str, str]]) -> HttpResponseBase:
        """A page that posts the token to the vendor: in the body, never in a URL.

        https://support.zendesk.com/hc/en-us/articles/4408881965722 ("Do not place the JWT
        directly in the URL"); the official samples post a form, since fetch() is blocked
        by CORS (github.com/zendesk/zendesk_jwt_sso_examples, form_submission/). Return
        target and pass-through parameters ride on the action's query string, as there.
        """
        context = {
            "vendor": config.vendor,
            "action": self.vendor_url(config, None, return_target, passthrough),
            "field": config.spec.redirect.token_param,
            "token": token,
            "nonce": get_csp_nonce(request),
        }
        response = HttpResponse(render_page("feedback_sso/post_form.html", context))
        # The page holds a token: no cache keeps it, no Referer names this page.
        response["Referrer-Policy"] = "no-referrer"
        return never_cached(response)

    @staticmethod
    def requested_target(request: HttpRequest, config: VendorConfig) -> str | None:
        for name in ("next", *config.spec.redirect.incoming_return_params):
            if request.GET.get(name):
                return request.GET[name]
        return None


class ModuleView(VendorView):
    """``GET js/<vendor id>.js`` → the vendor's JavaScript module (``vendors/<id>/widget.js``).

    A script of the site's own origin, like ``feedback-sso.js``: ``script-src 'self'``
    admits it. The URL the tag renders carries the content's version (``?v=``), so the
    answer may be kept for a year; any other URL is revalidated by its strong ETag. A
    :class:`VendorView` for its marks (``login_not_required``, ``csrf_exempt``) and its 405.
    """

    http_method_names = ["get", "head"]  # noqa: RUF012 - Django's own attribute, a list

    def get(self, request: HttpRequest, vendor_id: str) -> HttpResponseBase:
        module = builtin_module(vendor_id)
        if module is None:
            raise Http404("No such vendor module.")
        response = HttpResponse(module.body, content_type="text/javascript; charset=utf-8")
        response["Content-Length"] = str(len(module.body))
        response["X-Content-Type-Options"] = "nosniff"
        response["ETag"] = f'"{module.digest}"'
        response["Cache-Control"] = ("public, max-age=31536000, immutable"
                                     if request.GET.get("v") == module.version else "no-cache")
        # A 304 to a matching If-None-Match, with the ETag and Cache-Control copied.
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        return conditional or response
