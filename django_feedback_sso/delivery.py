"""What the tag, the Jinja2 global and the views share: a token for this request, safely.

The delivery layer is where the configuration is looked up, once per request and
surface, and handed down the pipeline (claims, policy, token). Refusals (anonymous,
staff …) are normal: the caller gets ``None`` and shows the vendor's anonymous form.
Anything else is a broken configuration: under ``DEBUG`` it raises so the developer sees
it; in production it is logged and that configuration renders nothing, so the page and
the others keep working.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, ItemsView, Iterator, KeysView, ValuesView
from typing import Any

from django.conf import settings
from django.template import Context, engines
from django.template.backends.django import DjangoTemplates, get_installed_libraries
from django.template.engine import Engine
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from . import signout
from ._urls import add_query
from .conf import VendorConfig, default_config_id, get_vendor_config, reset_with
from .csp import get_csp_nonce
from .exceptions import FeedbackSSOConfigurationError, FeedbackSSORefused
from .tokens import IssuedToken, issue_token
from .vendors.modules import builtin_module, snippet_module
from .vendors.templates import get_template

logger = logging.getLogger("django_feedback_sso")

NO_REQUEST = (
    "{% feedback_sso_token %} has no request in its template context, so it can't tell who "
    "is signed in. Add 'django.template.context_processors.request' to the template "
    "engine's context_processors (system check feedback_sso.W003), or render the template "
    "with the request."
)
NO_USER = ("{% feedback_sso_token %} has a request without a user: add "
           "'django.contrib.auth.middleware.AuthenticationMiddleware' to MIDDLEWARE.")


def token_for(request: Any, config: VendorConfig) -> IssuedToken | None:
    """A fresh token for ``request.user``, or ``None`` if the user is refused."""
    try:
        return issue_token(_request_user(request), config, surface="tag", request=request)
    except FeedbackSSORefused:
        return None


def _request_user(request: Any) -> Any:
    """``request.user``, or ``None`` (anonymous) when the template got no request.

    No request (or user) is a set-up mistake, not a visitor: a signed-in developer would
    see the anonymous form and never learn why, so under ``DEBUG`` it raises; in
    production the visitor gets the anonymous form and the log says why.
    """
    user = getattr(request, "user", None)
    if user is None:
        problem = NO_REQUEST if request is None else NO_USER
        if settings.DEBUG:
            raise FeedbackSSOConfigurationError(problem)
        logger.warning(problem)
    return user


def render_snippet(request: Any, config_id: str | None = None) -> str:
    """The configuration's snippet for this request; ``""`` if it is broken (not DEBUG)."""
    try:
        config = get_vendor_config(config_id or default_config_id())
        _claim_page_globals(request, config)
        context = snippet_context(request, config)
        template = get_template(snippet_engine(), config.spec.snippet_template)
        return str(template.render(Context(context))) + _sign_out(request, config, context)
    except Exception:
        log_or_raise(config_id, "snippet")
        return ""


def render_page(template_name: str, context: dict[str, Any]) -> str:
    """One of the app's own templates (the redirect view's POST form), overridable."""
    return str(get_template(snippet_engine(), template_name).render(Context(context)))


def raw_token(request: Any, config_id: str | None = None) -> str:
    """Just the token string, ``""`` when none is issued (``{% … as token %}``)."""
    try:
        issued = token_for(request, get_vendor_config(config_id or default_config_id()))
        return issued.token if issued else ""
    except Exception:
        log_or_raise(config_id, "token")
        return ""


def snippet_context(request: Any, config: VendorConfig) -> dict[str, Any]:
    """Everything a snippet template may use. Only snippets that embed a token mint one."""
    urls = _AppUrls()
    issued = token_for(request, config) if config.spec.delivery.embeds_token else None
    token = issued.token if issued else ""
    return SnippetContext({
        "config_id": config.id,
        "vendor": config.vendor,
        "options": config.options,
        "token": token,
        "expires_at": issued.expires_at if issued else None,
        # What an identity hash signs, for the snippet to hand the widget beside it.
        "identity": issued.claims if issued else {},
        "signed_in": bool(token),
        "script_url": _script_url(config, token),
    }, {
        # Each snippet prints one or two of these, and even a cached URL costs.
        "nonce": lambda: get_csp_nonce(request),
        "token_url": lambda: urls("feedback_sso:token", config.id),
        "redirect_url": lambda: urls("feedback_sso:redirect", config.id),
        "module_url": lambda: _snippets_module_url(config, urls),
    })


class SnippetContext(dict[str, Any]):
    """A snippet's context whose costlier values are worked out when first read, then kept.

    Plain values, not lazy proxies (``SimpleLazyObject``): a template reads a proxy through
    a dozen attribute lookups (``__html__``, ``__str__`` …), each passing through the proxy,
    which cost a snippet more than working every value out would. Reading a key, ``in``
    and ``get`` work a value out on demand; anything that goes over them all (``items()``,
    iteration, ``len()``, a ``Context.flatten()``) works them all out first.
    """

    def __init__(self, values: dict[str, Any], later: dict[str, Callable[[], Any]]) -> None:
        super().__init__(values)
        self._later = later

    def __missing__(self, key: str) -> Any:
        make = self._later.pop(key)  # a KeyError for any other key, as a dict raises
        value = self[key] = make()
        return value

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._later

    def get(self, key: str, default: Any = None) -> Any:
        # Not self.get(): dict.get never calls __missing__.
        return self[key] if key in self else default  # noqa: SIM401

    def resolved(self) -> SnippetContext:
        """Every value worked out."""
        for key in list(self._later):
            self[key]  # reading works it out
        return self

    def __iter__(self) -> Iterator[str]:
        return dict.__iter__(self.resolved())

    def __len__(self) -> int:
        return dict.__len__(self) + len(self._later)

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return dict.keys(self.resolved())

    def values(self) -> ValuesView[Any]:  # type: ignore[override]
        return dict.values(self.resolved())

    def items(self) -> ItemsView[str, Any]:  # type: ignore[override]
        return dict.items(self.resolved())

    def copy(self) -> dict[str, Any]:
        return dict(self.items())


def delivery_url(config: VendorConfig, token: str) -> str | None:
    """The URL that carries ``token`` to the vendor: the redirect view's target (the
    vendor's SSO URL) if it has one, else the loader script's URL if the token travels on
    it; ``None`` for a vendor that only takes the token inside a page (BoostGPT)."""
    if config.vendor.has_redirect(config.options):
        return config.vendor.sso_url(config.options, token, None)
    return _script_url(config, token) if config.spec.delivery.script_token_param else None


def module_url(vendor_id: str, urls: _AppUrls | None = None) -> str:
    """The URL of a built-in vendor's JavaScript module, with its version; ``""`` if it has
    none (another app's vendor links its own, a static file)."""
    module = builtin_module(vendor_id)
    if module is None:
        return ""
    return f"{(urls or _AppUrls())('feedback_sso:script', vendor_id)}?v={module.version}"


class _AppUrls:
    """``reverse(name, args=[arg])`` for the app's own URLs, worked out once for each
    URLconf, script prefix and language (all that ``reverse`` reads besides its
    arguments): a snippet prints one or two on every page, and reversing costs some 20 µs.
    The three are read once for a render: each is a thread-local lookup."""

    def __init__(self) -> None:
        self._where: tuple[str | None, str, str | None] | None = None

    def __call__(self, name: str, arg: str) -> str:
        if self._where is None:
            self._where = (get_urlconf(), get_script_prefix(), get_language())
        return _reversed(name, arg, *self._where)


def _snippets_module_url(config: VendorConfig, urls: _AppUrls) -> str:
    """The module that goes with the configuration's snippet, ``""`` for a snippet that
    has none of this app's."""
    vendor_id = snippet_module(config.spec.snippet_template)
    return module_url(vendor_id, urls) if vendor_id else ""


@reset_with("ROOT_URLCONF")
@functools.lru_cache(maxsize=1024)
def _reversed(name: str, arg: str, urlconf: str | None, script_prefix: str,
              language: str | None) -> str:
    return reverse(name, args=[arg], urlconf=urlconf)


def _sign_out(request: Any, config: VendorConfig, context: dict[str, Any]) -> str:
    """After a sign-out, the script that makes this vendor's widget forget the user."""
    user = getattr(request, "user", None)
    # Snippets with a token sign in whoever got one; the others (a widget that fetches
    # its token) sign in whoever is signed in here.
    signs_in = (context["signed_in"] if config.spec.delivery.embeds_token
                else bool(user is not None and user.is_authenticated))
    call = signout.take(request, config, signs_in)
    if call is None:
        return ""
    template = snippet_engine().get_template("feedback_sso/snippets/_sign_out.html")
    return str(template.render(Context({"call": call, "nonce": context["nonce"]})))


def _script_url(config: VendorConfig, token: str) -> str:
    """The vendor's loader script, carrying the token where the vendor reads it there."""
    spec = config.spec
    url = str(config.options.get(spec.delivery.script_url_option or "", ""))
    if url and token and spec.delivery.script_token_param:
        return add_query(url, [(spec.delivery.script_token_param, token)])
    return url


def _claim_page_globals(request: Any, config: VendorConfig) -> None:
    """Under DEBUG, refuse a second configuration of a vendor whose snippet sets page-wide
    globals (``window.SLEEK_USER`` …): the second would silently overwrite the first."""
    if not settings.DEBUG or not config.spec.widget.page_globals or request is None:
        return
    rendered: dict[str, str] = request.__dict__.setdefault("_feedback_sso_page_globals", {})
    first = rendered.setdefault(config.vendor.id, config.id)
    if first != config.id:
        raise FeedbackSSOConfigurationError(
            f"{{% feedback_sso_token {config.id!r} %}} on a page that already has "
            f"{{% feedback_sso_token {first!r} %}}: both configure {config.vendor.name}, "
            f"whose snippet sets page-wide globals ({', '.join(config.spec.widget.page_globals)}), "
            "so only one of them can work on a page. Render one per page.")


def log_or_raise(config_id: str | None, what: str) -> None:
    """Report a broken configuration: re-raise under ``DEBUG``, else log and go on.

    Only called from an ``except`` block: the bare ``raise`` re-raises what it handles.
    The exception text is ours or a hook's; ours never contains a secret or a token.
    """
    if settings.DEBUG:
        raise
    logger.exception("feedback_sso: %s for %r failed", what, config_id or "(default)")


@reset_with("TEMPLATES", "INSTALLED_APPS")
@functools.cache
def _fallback_engine() -> Engine:
    """A private engine for projects on Jinja2 alone: the app's own snippet templates."""
    return Engine(app_dirs=True, libraries=get_installed_libraries())


def snippet_engine() -> Engine:
    """The project's Django template engine (so overrides apply), or a private one."""
    for engine in engines.all():
        if isinstance(engine, DjangoTemplates):
            return engine.engine
    return _fallback_engine()
