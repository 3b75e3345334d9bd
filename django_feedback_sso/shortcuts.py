"""Conveniences for code that holds a configuration id rather than its configuration."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .conf import default_config_id, get_vendor_config
from .signals import Surface
from .tokens import IssuedToken, issue_token

if TYPE_CHECKING:
    from django.http import HttpRequest


def issue_token_for(user: Any, config_id: str | None = None, *, now: float | None = None,
                    surface: Surface = "code",
                    request: HttpRequest | None = None) -> IssuedToken:
    """:func:`~django_feedback_sso.tokens.issue_token` for the configuration ``config_id``.

    ``None`` means ``DEFAULT_VENDOR`` (or the only configuration). Raises what
    ``issue_token`` raises, plus :class:`~django_feedback_sso.exceptions.FeedbackSSOUnknownVendor`
    for an id that isn't configured and
    :class:`~django_feedback_sso.exceptions.FeedbackSSOConfigurationError` for a broken one.
    """
    config = get_vendor_config(config_id if config_id is not None else default_config_id())
    return issue_token(user, config, now=now, surface=surface, request=request)
