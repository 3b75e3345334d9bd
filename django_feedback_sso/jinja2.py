"""Jinja2 support: ``"django_feedback_sso.jinja2.FeedbackSSOExtension"`` in ``extensions``.

Adds two globals with the tag's behaviour, reading ``request`` from the context::

    {{ feedback_sso_token("sleekplan") }}
    {% set token = feedback_sso_raw_token("boostgpt") %}
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.environment import Environment
from jinja2.ext import Extension
from jinja2.runtime import Context
from markupsafe import Markup

from .delivery import raw_token, render_snippet


@pass_context
def feedback_sso_token(context: Context, config_id: str | None = None) -> Markup:
    """The vendor's snippet with a fresh token for ``request.user``."""
    return Markup(render_snippet(context.get("request"), config_id))  # noqa: S704 - rendered by Django's autoescaping templates


@pass_context
def feedback_sso_raw_token(context: Context, config_id: str | None = None) -> str:
    """The bare token, ``""`` when none is issued."""
    return raw_token(context.get("request"), config_id)


class FeedbackSSOExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.globals.update(feedback_sso_token=feedback_sso_token,
                                   feedback_sso_raw_token=feedback_sso_raw_token)


def environment(**options: Any) -> Environment:
    """A ready-made Jinja2 environment (``OPTIONS['environment']``) with the extension."""
    env = Environment(**options)
    env.add_extension(FeedbackSSOExtension)
    return env
