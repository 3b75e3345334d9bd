"""System checks: every settings problem is reported by ``manage.py check``.

Ids are stable and listed in docs/checks.md; each has a test. Besides ``FEEDBACK_SSO``, two
set-up steps the tag needs are checked: the ``request`` context processor and the URL
include. Checks never raise: a project broken elsewhere hears about it from Django's own
checks, not from a traceback out of ours.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.template import engines
from django.template.backends.django import DjangoTemplates
from django.urls import NoReverseMatch, reverse

from .conf import SETTING, Problem, load_config
from .vendors.registry import MODULE, registry

REQUEST_PROCESSOR = "django.template.context_processors.request"
URL_NAMES = ("feedback_sso:token", "feedback_sso:redirect", "feedback_sso:script")


@register("feedback_sso")
def check_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Report every problem in ``FEEDBACK_SSO``, not just the first."""
    return as_messages(load_config().problems)


def as_messages(problems: Iterable[Problem]) -> list[CheckMessage]:
    """Settings problems as system check messages (the audit app reports its own so)."""
    return [(Warning if problem.warning else Error)(problem.message, hint=problem.hint,
                                                    id=problem.id, obj=SETTING)
            for problem in problems]


@register("feedback_sso")
def check_discovered_vendors(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E019: what is wrong in an installed app's ``feedback_sso_vendors`` module."""
    return [Error(
        f"{mistake.message}." if mistake.vendor_id is None else
        f"Vendor {mistake.vendor_id!r} from {mistake.app}: {mistake.message}.",
        hint=f"Fix {mistake.app}.{MODULE}: VENDORS maps each vendor id to a SPEC dict or a "
             "VendorSpec (see the documentation's \"Adding a vendor\" page).",
        id="feedback_sso.E019",
        obj=mistake.app,
    ) for mistake in registry().mistakes]


@register(Tags.templates, "feedback_sso")
def check_request_context_processor(app_configs: Any = None,
                                    **kwargs: Any) -> list[CheckMessage]:
    """W003: each Django template engine gives the tag ``request``, so it knows the user.

    Jinja2 engines need nothing: Django's Jinja2 backend adds ``request`` itself.
    """
    try:
        lacking = [index for index, engine in enumerate(engines.all())
                   if isinstance(engine, DjangoTemplates)
                   and REQUEST_PROCESSOR not in engine.engine.context_processors]
    except Exception:  # a broken TEMPLATES is Django's to report
        return []
    return [Warning(
        f"TEMPLATES[{index}] has no {REQUEST_PROCESSOR!r} context processor, so "
        "{% feedback_sso_token %} can't see who is signed in and gives everyone the "
        "anonymous form.",
        hint=f"Add {REQUEST_PROCESSOR!r} to TEMPLATES[{index}]['OPTIONS']"
             "['context_processors'].",
        id="feedback_sso.W003",
        obj="TEMPLATES",
    ) for index in lacking]


@register(Tags.urls, "feedback_sso")
def check_urls_included(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W004: the app's URLs are included, under their namespace, so its names reverse."""
    try:
        missing = [name for name in URL_NAMES if not _reverses(name)]
    except Exception:  # a broken ROOT_URLCONF is Django's to report
        return []
    if not missing:
        return []
    names = ", ".join(repr(name) for name in missing)
    return [Warning(
        f"Can't reverse {names}: the URLs of django_feedback_sso are not included, so the "
        "token endpoint, the redirect view and the vendors' JavaScript modules are "
        "unreachable and {% feedback_sso_token %} fails for vendors whose snippet uses them.",
        hint='Add path("feedback-sso/", include("django_feedback_sso.urls")) to the '
             "urlpatterns of ROOT_URLCONF.",
        id="feedback_sso.W004",
        obj="ROOT_URLCONF",
    )]


def _reverses(name: str) -> bool:
    try:
        reverse(name, args=["vendor"])
    except NoReverseMatch:
        return False
    return True
