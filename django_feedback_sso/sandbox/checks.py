"""The sandbox refuses to be part of a production site."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from .guard import OPT_IN, opted_in


@register("feedback_sso")
def check_debug_only(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """An error while ``DEBUG`` is off: the sandbox accepts and displays real tokens.

    Still an error with the opt-in, which is for test suites: pytest-django runs no checks,
    and a suite under Django's test runner (which does) silences E015 beside the opt-in. A
    site where the check runs and finds the opt-in is serving the sandbox for real.
    """
    if settings.DEBUG:
        return []
    serving = (f"serves anyway: {OPT_IN} is True" if opted_in() else
               f"answers 404 at every URL ({OPT_IN} is not True)")
    return [Error(
        f"django_feedback_sso.sandbox is installed while DEBUG is False; it {serving}.",
        hint="The sandbox shows the claims of any token signed with your vendor secrets: "
             "add it to INSTALLED_APPS in development settings only. While DEBUG is off "
             f"its views answer 404 unless {OPT_IN} = True, which is for test suites only "
             "(Django's test runner and pytest-django force DEBUG off).",
        id="feedback_sso.E015",
        obj="INSTALLED_APPS",
    )]
