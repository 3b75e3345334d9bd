"""The sandbox's stand-ins: a vendor portal/SSO URL, a verify endpoint, widget scripts.

Each verifies tokens with :mod:`django_feedback_sso.verification` against the vendor's
configured secret, exactly as the real vendor would, and says who was signed in or why
the token was refused. Tokens are never echoed back, secrets never leave the settings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.template import Context, TemplateDoesNotExist
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.csrf import csrf_exempt

from ..conf import VendorConfig
from ..delivery import snippet_engine
from ..exceptions import FeedbackSSOTokenRejected
from ..vendors.spec import IdentityField
from ..vendors.templates import get_template
from ..verification import identity, verify_identity_hash, verify_token
from ..views import VendorView, never_cached
from .guard import sandbox_enabled
from .replay import CacheReplayGuard

State = Literal["signed-in", "anonymous", "refused"]


@dataclass(frozen=True)
class Outcome:
    """What the vendor made of a request: a signed-in user, nobody, or a refusal."""

    state: State
    claims: dict[str, Any] = field(default_factory=dict)
    user: Mapping[IdentityField, str] = field(default_factory=dict)
    reason: str = ""
    detail: str = ""

    def as_json(self) -> dict[str, Any]:
        if self.state == "refused":
            return {"state": self.state, "reason": self.reason, "detail": self.detail}
        return {"state": self.state, "user": self.user, "claims": self.claims}


def check(config: VendorConfig, token: str | None,
          identity_claims: Mapping[str, Any] | None = None) -> Outcome:
    """Verify ``token`` the vendor's way; a used ``jti`` is remembered in the cache.

    For an identity-hash vendor ``token`` is the hash and ``identity_claims`` what the
    widget sent beside it, recomputed as the vendor does.
    """
    if not token:
        return Outcome("anonymous")
    try:
        if config.spec.token.kind == "identity_hash":
            claims = verify_identity_hash(token, identity_claims or {}, config)
        else:
            claims = verify_token(token, config, replay_guard=CacheReplayGuard())
    except FeedbackSSOTokenRejected as rejected:
        return Outcome("refused", reason=rejected.reason, detail=rejected.detail)
    return Outcome("signed-in", claims=claims, user=identity(config, claims))


class SandboxView(VendorView):
    """Nothing the sandbox answers may be cached or leak its URL (tokens ride in it), and
    nothing at all while it is disabled (``DEBUG`` off, no opt-in): a production site that
    ships it by mistake answers the 404 of any unknown URL, whatever the method."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not sandbox_enabled():
            raise Http404
        response = never_cached(super().dispatch(request, *args, **kwargs))
        response["Referrer-Policy"] = "no-referrer"
        return response

    def vendor_config(self, config_id: str) -> VendorConfig:
        """A development tool: a broken vendor raises loudly instead of answering 503."""
        config = super().vendor_config(config_id)
        if config is None:  # only reachable with DEBUG off: a test suite's opt-in
            raise Http404("This vendor is misconfigured; see manage.py check.")
        return config


@method_decorator(csrf_exempt, name="dispatch")
class PortalView(SandboxView):
    """The vendor's portal and SSO URL: any page under it takes the vendor's token, in the
    vendor's query parameter or, for a vendor that takes it by POST (Zendesk), in the
    form body only: a token in its URL is ignored there, as the vendor asks."""

    http_method_names = ["get", "post"]  # noqa: RUF012 - Django's View declares a plain list

    def get(self, request: HttpRequest, config_id: str, page: str = "") -> HttpResponse:
        config = self.vendor_config(config_id)
        by_post = config.spec.redirect.method == "post"
        return self.page(request, config, page, None if by_post else
                         request.GET.get(config.spec.redirect.token_param))

    def post(self, request: HttpRequest, config_id: str, page: str = "") -> HttpResponse:
        config = self.vendor_config(config_id)
        if config.spec.redirect.method != "post":
            return self.http_method_not_allowed(request)
        return self.page(request, config, page, request.POST.get(config.spec.redirect.token_param))

    def page(self, request: HttpRequest, config: VendorConfig, page: str,
             token: str | None) -> HttpResponse:
        spec = config.spec
        outcome = check(config, token)
        context = {
            "vendor": config.vendor,
            "outcome": outcome,
            "claims": _claims(outcome),
            "page": "/" + page,
            "return_to": (request.GET.get(spec.redirect.return_param)
                          if spec.redirect.return_param else None),
            # What the vendor asked to get back (Zendesk brand_id …), as it arrived.
            "passed_back": [(name, request.GET[name]) for name in spec.redirect.passthrough_params
                            if name in request.GET],
            "sign_in_url": _site_sign_in_url(config, "/" + page),
            "back_url": _back_url(request),
        }
        return TemplateResponse(request, "feedback_sso_sandbox/portal.html", context,
                                status=_status(outcome))


@method_decorator(csrf_exempt, name="dispatch")
class VerifyView(SandboxView):
    """``POST token=…`` → JSON outcome, for the stand-in widgets; ``GET`` → a form to paste
    a token into, whose ``POST`` (``format=html``) shows the verdict as a page. An
    identity-hash vendor's widget posts the hash as ``token`` and the identity it sends
    the vendor as ``identity``, a JSON object.

    Exempt from CSRF and open to any origin like a vendor's own API: it reads no cookie,
    and the widget may be served from another localhost origin than the page.
    """

    http_method_names = ["get", "post"]  # noqa: RUF012 - Django's View declares a plain list

    def get(self, request: HttpRequest, config_id: str) -> HttpResponse:
        return self.page(request, self.vendor_config(config_id), Outcome("anonymous"))

    def post(self, request: HttpRequest, config_id: str) -> HttpResponse:
        config = self.vendor_config(config_id)
        token = request.POST.get("token", "").strip()
        outcome = (check(config, token, _posted_identity(request)) if token else
                   Outcome("refused", reason="no_token", detail="no token was sent"))
        if request.POST.get("format") == "html":
            return self.page(request, config, outcome)
        response = JsonResponse(outcome.as_json(), status=_status(outcome))
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def page(self, request: HttpRequest, config: VendorConfig, outcome: Outcome) -> HttpResponse:
        context = {"vendor": config.vendor, "outcome": outcome, "claims": _claims(outcome),
                   "back_url": _back_url(request)}
        return TemplateResponse(request, "feedback_sso_sandbox/verify.html", context,
                                status=_status(outcome))


class WidgetScriptView(SandboxView):
    """The stand-in for a vendor's widget loader; 404 for vendors without a widget."""

    def get(self, request: HttpRequest, config_id: str) -> HttpResponse:
        config = self.vendor_config(config_id)
        try:
            # By the vendor, not the configuration: "sleekplan-eu" is Sleekplan's widget too.
            template = get_template(snippet_engine(),
                                    f"feedback_sso_sandbox/widgets/{config.vendor.id}.js")
        except TemplateDoesNotExist:
            return HttpResponse("// This vendor has no widget.", status=404,
                                content_type="text/javascript; charset=utf-8")
        verify_url = request.build_absolute_uri(
            reverse("feedback_sso_sandbox:verify", args=[config.id]))
        literals = {"vendor_id": config.id, "vendor_name": config.vendor.name,
                    "verify_url": verify_url}
        body = template.render(Context({"vendor": config.vendor, "js": {
            name: _js_literal(value) for name, value in literals.items()}}))
        return HttpResponse(body, content_type="text/javascript; charset=utf-8")


# The escapes of Django's json_script (django/utils/html.py), so no value can close a
# script element or open a comment wherever the stand-in's source ends up. Deliberately
# not a template filter: such JSON breaks out of an HTML attribute.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _js_literal(value: Any) -> SafeString:
    """``value`` as a JSON literal for the stand-in widget scripts."""
    return mark_safe(json.dumps(value).translate(_SCRIPT_SAFE))  # noqa: S308


def _posted_identity(request: HttpRequest) -> dict[str, Any]:
    """The ``identity`` JSON object a stand-in posted beside a hash; ``{}`` if none."""
    try:
        value = json.loads(request.POST.get("identity") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _status(outcome: Outcome) -> int:
    if outcome.reason == "no_token":
        return 400
    return 403 if outcome.state == "refused" else 200


def _claims(outcome: Outcome) -> list[tuple[str, str]]:
    return [(name, _text(value)) for name, value in sorted(outcome.claims.items())]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _back_url(request: HttpRequest) -> str:
    """Where "Back to the site" goes: the page that sent the user here, if it is on this
    site, else its root. Only the path is kept: a query string could carry a token."""
    referer = request.headers.get("Referer", "")
    same_site = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure())
    path = urlsplit(referer).path if same_site else ""
    # A path such as "//elsewhere.example/" would leave the site: only a plain one comes back.
    plain = path.startswith("/") and url_has_allowed_host_and_scheme(path, allowed_hosts=set())
    return path if plain else "/"


def _site_sign_in_url(config: VendorConfig, page: str) -> str | None:
    """The site's redirect view, as the vendor's "log in" button would link to it."""
    spec = config.spec
    try:
        url = reverse("feedback_sso:redirect", args=[config.id])
    except NoReverseMatch:
        return None
    if spec.redirect.handshake == "discourse_connect":  # the forum starts the round trip
        return reverse("feedback_sso_sandbox:discourse_sso", args=[config.id])
    if spec.redirect.sso_url_option is None:
        return None
    if spec.redirect.return_mode == "none":
        return url
    param = next(iter(spec.redirect.incoming_return_params), "next")
    return f"{url}?{urlencode({param: page})}"
