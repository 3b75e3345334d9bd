"""System checks: every settings problem is reported by ``manage.py check``.

Ids are stable and listed in the README; each has a test.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

from .conf import parse
from .options import SETTING


@register("feedback_sso")
def check_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Report every problem in ``FEEDBACK_SSO``, not just the first."""
    config = parse(getattr(settings, SETTING, None))
    return [
        (Warning if problem.warning else Error)(problem.message, hint=problem.hint,
                                                id=problem.id, obj=SETTING)
        for problem in config.problems
    ]
