"""``settings.FEEDBACK_SSO``: read lazily, validated once, cached until settings change.

Parsing yields a :class:`Config` plus the list of :class:`Problem` found on the way; system
checks report the problems, the rest of the app asks :func:`get_vendor_config`. A vendor
with a broken block is kept as its error, so it fails alone and the others keep working.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from .exceptions import FeedbackSSOConfigurationError, FeedbackSSOUnknownVendor
from .options import SETTING, Problem, VendorConfig, key, parse_vendor_block

TOP_LEVEL_KEYS = ("VENDORS", "DEFAULT_VENDOR", "USER_CLAIMS", "USER_PASSES")

Hook = Callable[..., Any]


@dataclass(frozen=True)
class Config:
    """The whole of ``FEEDBACK_SSO`` after validation."""

    #: A vendor whose block has errors maps to its first error, raised afresh on each use
    #: (a stored exception would grow its traceback every time it is re-raised).
    vendors: Mapping[str, VendorConfig | Problem]
    default_vendor: str | None = None
    user_claims: Hook | None = None
    user_passes: Hook | None = None
    problems: tuple[Problem, ...] = ()

    @functools.cached_property
    def global_error(self) -> Problem | None:
        """The first error outside any one vendor block: it affects every vendor.

        Cached: every mint asks, so it is worked out once per settings parse.
        """
        return next((problem for problem in self.problems
                     if not problem.warning and problem.vendor_id is None), None)


def parse(raw: Any) -> Config:
    """Validate a ``FEEDBACK_SSO`` value; errors are collected, not raised."""
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        return Config(vendors={}, problems=(Problem(
            "feedback_sso.E001", f"{SETTING} must be a dict.",
            f"Set {SETTING} = {{'VENDORS': {{...}}}}."),))
    problems = [
        Problem("feedback_sso.E002", f"{key(name)} is not a known setting.",
                f"Use only {', '.join(TOP_LEVEL_KEYS)}; vendor options go under "
                f"{key('VENDORS', '<vendor id>')}.")
        for name in raw if name not in TOP_LEVEL_KEYS
    ]
    blocks = raw.get("VENDORS", {})
    if not isinstance(blocks, Mapping):
        problems.append(Problem("feedback_sso.E001", f"{key('VENDORS')} must be a dict.",
                                "Map each vendor id to its options, e.g. "
                                "{'sleekplan': {'SECRET': ...}}."))
        blocks = {}
    vendors: dict[str, VendorConfig | Problem] = {}
    for vendor_id, block in blocks.items():
        vendor_config, vendor_problems = parse_vendor_block(str(vendor_id), block)
        problems += vendor_problems
        errors = [problem for problem in vendor_problems if not problem.warning]
        if errors or vendor_config is None:
            vendors[str(vendor_id)] = errors[0]
        else:
            vendors[str(vendor_id)] = vendor_config
    hooks = {name: _import_hook(raw, name, problems) for name in ("USER_CLAIMS", "USER_PASSES")}
    default = raw.get("DEFAULT_VENDOR")
    if default is not None and (not isinstance(default, str) or default not in vendors):
        problems.append(Problem(
            "feedback_sso.E011", f"{key('DEFAULT_VENDOR')} is {default!r}, which is not "
            f"configured.", f"Set it to one of: {', '.join(vendors) or '(none configured)'}."))
    if not vendors:
        problems.append(Problem("feedback_sso.W002", f"{key('VENDORS')} configures no vendor.",
                                "Add a vendor, e.g. {'sleekplan': {'SECRET': ...}}.",
                                warning=True))
    if default is None and len(vendors) == 1:
        default = next(iter(vendors))
    return Config(vendors=vendors, default_vendor=default, problems=tuple(problems),
                  user_claims=hooks["USER_CLAIMS"], user_passes=hooks["USER_PASSES"])


def _import_hook(raw: Mapping[str, Any], name: str, problems: list[Problem]) -> Hook | None:
    path = raw.get(name)
    if not path:
        return None
    try:
        hook = import_string(path) if isinstance(path, str) else path
    except ImportError as exc:
        problems.append(Problem("feedback_sso.E010", f"{key(name)} = {path!r} does not import "
                                f"({exc}).", "Give the dotted path of a function "
                                "(user, vendor_id), e.g. 'myproject.sso.user_claims'."))
        return None
    except Exception as exc:
        # The hook's module fails on import some other way. Reported, not raised: a
        # traceback from here carries ``raw``, every vendor's SECRET, in its frame locals,
        # and Django's DEBUG error page prints those uncleansed.
        problems.append(Problem("feedback_sso.E010", f"{key(name)} = {path!r} failed to "
                                f"import ({type(exc).__name__}: {exc}).",
                                "Fix the error in that module."))
        return None
    if not callable(hook):
        problems.append(Problem("feedback_sso.E010", f"{key(name)} = {path!r} is not callable.",
                                "Point it at a function taking (user, vendor_id)."))
        return None
    return hook  # type: ignore[no-any-return]


@functools.cache
def load_config() -> Config:
    """``settings.FEEDBACK_SSO`` parsed once, problems and all, until settings change."""
    return parse(getattr(settings, SETTING, None))


def get_config() -> Config:
    """The parsed settings; raises if a problem outside any one vendor block exists."""
    config = load_config()
    problem = config.global_error
    if problem is not None:
        raise problem.as_error()
    return config


def get_vendor_config(vendor_id: str) -> VendorConfig:
    """The validated configuration of one vendor, or its configuration error."""
    try:
        entry = get_config().vendors[vendor_id]
    except KeyError:
        raise FeedbackSSOUnknownVendor(vendor_id) from None
    if isinstance(entry, Problem):
        raise entry.as_error()
    return entry


def default_vendor_id() -> str:
    """``DEFAULT_VENDOR``, or the only configured vendor."""
    default = get_config().default_vendor
    if default is None:
        raise FeedbackSSOConfigurationError(
            f"No default vendor: set {key('DEFAULT_VENDOR')} or name the vendor, e.g. "
            "{% feedback_sso_token 'sleekplan' %}.")
    return default


@receiver(setting_changed)
def _reset_on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == SETTING:
        load_config.cache_clear()
