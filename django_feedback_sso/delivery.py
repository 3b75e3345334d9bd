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
from django.template import Context, engines
from django.template.backends.django import DjangoTemplates
from django.template.engine import Engine
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .conf import default_vendor_id, get_vendor_config
from .csp import get_csp_nonce
from .exceptions import FeedbackSSORefused
from .options import VendorConfig
from .tokens import IssuedToken, issue_token
from .vendors.base import add_query

logger = logging.getLogger("django_feedback_sso")


def token_for(request: Any, vendor_id: str) -> IssuedToken | None:
    """A fresh token for ``request.user``, or ``None`` if the user is refused."""
    try:
        return issue_token(getattr(request, "user", None), vendor_id)
    except FeedbackSSORefused:
        return None


def render_snippet(request: Any, vendor_id: str | None = None) -> str:
    """The vendor's snippet for this request; ``""`` if the vendor is broken (not DEBUG)."""
    try:
        config = get_vendor_config(vendor_id or default_vendor_id())
        context = snippet_context(request, config)
        template = _snippet_engine().get_template(config.spec.snippet_template)
        return str(template.render(Context(context)))
    except Exception:
        return _fail(vendor_id, "snippet", "")


def raw_token(request: Any, vendor_id: str | None = None) -> str:
    """Just the token string, ``""`` when none is issued (``{% … as token %}``)."""
    try:
        issued = token_for(request, vendor_id or default_vendor_id())
        return issued.token if issued else ""
    except Exception:
        return _fail(vendor_id, "token", "")


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
        "token_url": reverse("feedback_sso:token", args=[config.id]),
        "redirect_url": reverse("feedback_sso:redirect", args=[config.id]),
        "script_url": _script_url(config, token),
    }


def _script_url(config: VendorConfig, token: str) -> str:
    """The vendor's loader script, carrying the token where the vendor reads it there."""
    url = config.options.get("SDK_URL") or config.options.get("WIDGET_SCRIPT_URL") or ""
    if url and token and "SDK_URL" in config.options:
        return add_query(url, [(config.spec.token_param, token)])
    return str(url)


def _fail(vendor_id: str | None, what: str, fallback: str) -> str:
    if settings.DEBUG:
        raise
    # The exception text is ours or a hook's; ours never contains a secret or a token.
    logger.exception("feedback_sso: %s for vendor %r failed; rendering nothing", what,
                     vendor_id or "(default)")
    return fallback


_fallback_engine: Engine | None = None


def _snippet_engine() -> Engine:
    """The project's Django template engine (so overrides apply), or a private one.

    Projects on Jinja2 alone still get our snippets, from the app's own templates.
    """
    global _fallback_engine
    for engine in engines.all():
        if isinstance(engine, DjangoTemplates):
            return engine.engine
    if _fallback_engine is None:
        _fallback_engine = Engine(app_dirs=True, builtins=["django_feedback_sso.templatetags"
                                                           ".feedback_sso"])
    return _fallback_engine
