"""The audit log's system checks: E016-E018, its own settings."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, register

from ..checks import as_messages
from .conf import load_audit_settings


@register("feedback_sso")
def check_audit_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Report every problem in ``FEEDBACK_SSO``'s ``AUDIT_*`` keys, not just the first."""
    return as_messages(load_audit_settings().problems)
