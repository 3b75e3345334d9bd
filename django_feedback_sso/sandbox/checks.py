"""The sandbox refuses to be part of a production site."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register("feedback_sso")
def check_debug_only(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """An error while ``DEBUG`` is off: the sandbox accepts and displays real tokens."""
    if settings.DEBUG:
        return []
    return [Error(
        "django_feedback_sso.sandbox is installed while DEBUG is False.",
        hint="The sandbox shows the claims of any token signed with your vendor secrets; "
             "add it to INSTALLED_APPS in development settings only.",
        id="feedback_sso.E015",
        obj="INSTALLED_APPS",
    )]
