"""What the tag, the Jinja2 global and the views share: a token for this request, safely.

Refusals (anonymous, staff …) are normal: the caller gets ``None`` and shows the vendor's
anonymous form. Anything else is a broken vendor: under ``DEBUG`` it raises so the
developer sees it; in production it is logged and that vendor renders nothing, so the
page and the other vendors keep working.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Context, engines
from django.template.backends.django import DjangoTemplates, get_installed_libraries
from django.template.engine import Engine
from django.urls import reverse_lazy
from django.utils.functional import SimpleLazyObject

from .conf import default_vendor_id, get_vendor_config
from .csp import get_csp_nonce
from .exceptions import FeedbackSSOConfigurationError, FeedbackSSORefused
from .options import VendorConfig
from .tokens import IssuedToken, issue_token
from .vendors.base import add_query

logger = logging.getLogger("django_feedback_sso")

NO_REQUEST = (
    "{% feedback_sso_token %} has no request in its template context, so it can't tell who "
    "is signed in. Add 'django.template.context_processors.request' to the template "
    "engine's context_processors (system check feedback_sso.W003), or render the template "
    "with the request."
)
NO_USER = ("{% feedback_sso_token %} has a request without a user: add "
           "'django.contrib.auth.middleware.AuthenticationMiddleware' to MIDDLEWARE.")


def token_for(request: Any, vendor_id: str) -> IssuedToken | None:
    """A fresh token for ``request.user``, or ``None`` if the user is refused."""
    try:
        return issue_token(_request_user(request), vendor_id)
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


def render_snippet(request: Any, vendor_id: str | None = None) -> str:
    """The vendor's snippet for this request; ``""`` if the vendor is broken (not DEBUG)."""
    try:
        config = get_vendor_config(vendor_id or default_vendor_id())
        context = snippet_context(request, config)
        template = _snippet_engine().get_template(config.spec.snippet_template)
        return str(template.render(Context(context)))
    except Exception:
        log_or_raise(vendor_id, "snippet")
        return ""


def raw_token(request: Any, vendor_id: str | None = None) -> str:
    """Just the token string, ``""`` when none is issued (``{% … as token %}``)."""
    try:
        issued = token_for(request, vendor_id or default_vendor_id())
        return issued.token if issued else ""
    except Exception:
        log_or_raise(vendor_id, "token")
        return ""


def snippet_context(request: Any, config: VendorConfig) -> dict[str, Any]:
    """Everything a snippet template may use. Only snippets that embed a token mint one."""
    issued = token_for(request, config.id) if config.spec.snippet_embeds_token else None
    token = issued.token if issued else ""
    return {
        "vendor": config.vendor,
        "options": config.options,
        "token": token,
        "expires_at": issued.expires_at if issued else None,
        "signed_in": bool(token),
        "nonce": SimpleLazyObject(lambda: get_csp_nonce(request)),
        # Lazy: each snippet prints at most one of them, and reversing costs.
        "token_url": reverse_lazy("feedback_sso:token", args=[config.id]),
        "redirect_url": reverse_lazy("feedback_sso:redirect", args=[config.id]),
        "script_url": _script_url(config, token),
    }


def _script_url(config: VendorConfig, token: str) -> str:
    """The vendor's loader script, carrying the token where the vendor reads it there."""
    spec = config.spec
    url = str(config.options.get(spec.script_url_option or "", ""))
    if url and token and spec.script_token_param:
        return add_query(url, [(spec.script_token_param, token)])
    return url


def log_or_raise(vendor_id: str | None, what: str) -> None:
    """Report a broken vendor: re-raise under ``DEBUG``, else log and let the caller go on.

    Only called from an ``except`` block: the bare ``raise`` re-raises what it handles.
    The exception text is ours or a hook's; ours never contains a secret or a token.
    """
    if settings.DEBUG:
        raise
    logger.exception("feedback_sso: %s for vendor %r failed", what, vendor_id or "(default)")


_fallback_engine: Engine | None = None


@receiver(setting_changed)
def _reset_fallback_engine(*, setting: str, **kwargs: Any) -> None:
    global _fallback_engine
    if setting in ("TEMPLATES", "INSTALLED_APPS"):
        _fallback_engine = None


def _snippet_engine() -> Engine:
    """The project's Django template engine (so overrides apply), or a private one.

    Projects on Jinja2 alone still get our snippets, from the app's own templates.
    """
    global _fallback_engine
    for engine in engines.all():
        if isinstance(engine, DjangoTemplates):
            return engine.engine
    if _fallback_engine is None:
        _fallback_engine = Engine(app_dirs=True, libraries=get_installed_libraries())
    return _fallback_engine
