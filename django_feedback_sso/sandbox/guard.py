"""When the sandbox serves: under ``DEBUG``, or with the opt-in test suites need.

Check E015 keeps the sandbox out of production, but only ``manage.py`` runs checks, never
gunicorn or uvicorn importing the site; so its URL patterns and views ask again at each
request.
"""

from __future__ import annotations

from django.conf import settings

#: The Django setting that lets the sandbox serve while ``DEBUG`` is off. For test suites
#: only: Django's test runner and pytest-django force ``DEBUG`` off.
OPT_IN = "FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG"


def opted_in() -> bool:
    """``True`` only for ``True``: a string read from the environment ("False") is no opt-in."""
    return getattr(settings, OPT_IN, False) is True


def sandbox_enabled() -> bool:
    """Whether the sandbox's views serve: two reads of ``django.conf.settings`` at each
    request, so ``override_settings`` works."""
    return bool(settings.DEBUG) or opted_in()
