"""What the ``feedback_sso_*`` commands share: the configuration lookup, times, JSON."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from django.core.management.base import CommandError

from ...conf import VendorConfig, did_you_mean, get_vendor_config, load_config
from ...exceptions import FeedbackSSOConfigurationError, FeedbackSSOUnknownVendor

#: Exit status of a refused user or a rejected token; a usage mistake (unknown
#: configuration, no such user) exits with 2, as argparse does for a bad argument.
FAILED = 1
USAGE = 2


def vendor_config(config_id: str) -> VendorConfig:
    """The configuration, or a :class:`CommandError` that says what is wrong."""
    try:
        return get_vendor_config(config_id)
    except FeedbackSSOUnknownVendor as exc:
        # A typo, most likely: suggest the closest configuration id, as the checks do.
        suggestion = did_you_mean(config_id, load_config().vendors)
        raise CommandError(f"{exc} {suggestion}".rstrip(), returncode=USAGE) from None
    except FeedbackSSOConfigurationError as exc:
        # The message names the key and the fix; like every check message, never a secret.
        raise CommandError(f"{config_id} is misconfigured: {exc}", returncode=USAGE) from None


def utc(seconds: float) -> str:
    """Unix seconds as an ISO 8601 UTC time, or why not (a token's ``exp`` can be anything:
    NaN, Infinity, milliseconds that make the year 33658)."""
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec="seconds")
    except (ValueError, OverflowError, OSError):
        return "not a date between the years 1 and 9999"


def as_json(value: Any) -> str:
    return printable(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False))


def printable(text: str) -> str:
    """``text`` as any UTF-8 terminal can write it: a lone surrogate (a claim of
    ``"\\ud800"``) stays the escape it arrived as, which in JSON means the same string."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
