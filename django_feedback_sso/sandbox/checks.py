"""The sandbox refuses to be part of a production site.

Registered by the main app as well as the sandbox's (``apps``): a project that includes the
sandbox's URLs without installing its app must not pass ``manage.py check`` either.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.urls import URLPattern, URLResolver, get_resolver

from .guard import OPT_IN, opted_in

APP = "django_feedback_sso.sandbox"


@register("feedback_sso")
def check_debug_only(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """An error while ``DEBUG`` is off: the sandbox accepts and displays real tokens.

    Still an error with the opt-in, which is for test suites: pytest-django runs no checks,
    and a suite under Django's test runner (which does) silences E015 beside the opt-in. A
    site where the check runs and finds the opt-in is serving the sandbox for real.
    """
    if settings.DEBUG:
        return []
    state = (f"serves anyway: {OPT_IN} is True" if opted_in() else
             f"answers 404 at every URL ({OPT_IN} is not True)")
    if apps.is_installed(APP):
        message = f"{APP} is installed while DEBUG is False; it {state}."
        obj = "INSTALLED_APPS"
    elif _routes_to_the_sandbox():
        message = (f"ROOT_URLCONF includes the URLs of {APP} while DEBUG is False; "
                   f"the sandbox {state}.")
        obj = "ROOT_URLCONF"
    else:
        return []
    return [Error(
        message,
        hint="The sandbox shows the claims of any token signed with your vendor secrets: "
             "add it to INSTALLED_APPS, and include its URLs, in development settings only. "
             f"While DEBUG is off its views answer 404 unless {OPT_IN} = True, which is for "
             "test suites only (Django's test runner and pytest-django force DEBUG off).",
        id="feedback_sso.E015",
        obj=obj,
    )]


def _routes_to_the_sandbox() -> bool:
    """Whether ROOT_URLCONF leads to a sandbox view, however it was included."""
    try:
        return _has_sandbox_view(get_resolver().url_patterns)
    except Exception:  # a broken ROOT_URLCONF is Django's to report
        return False


def _has_sandbox_view(patterns: Iterable[URLPattern | URLResolver]) -> bool:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if _has_sandbox_view(pattern.url_patterns):
                return True
        elif pattern.lookup_str.startswith(f"{APP}."):
            return True
    return False
