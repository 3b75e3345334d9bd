"""``settings.FEEDBACK_SSO``: the validated configuration, its types and its cached getters.

Parsing (in the private ``_settings`` package) yields a :class:`Config` plus the
:class:`Problem` list found on the way; system checks report the problems, the delivery
layer asks :func:`get_vendor_config` and passes what it gets down the pipeline (claims,
policy, token), which never reads settings itself. A configuration with a broken block is
kept as its error, so it fails alone and the others keep working.

Every cache derived from settings clears in one ``setting_changed`` receiver here.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from .exceptions import FeedbackSSOConfigurationError, FeedbackSSOUnknownVendor
from .vendors.registry import registry

if TYPE_CHECKING:
    from .vendors.base import Vendor
    from .vendors.spec import VendorSpec

SETTING = "FEEDBACK_SSO"

#: ``FEEDBACK_SSO['AUDIT_RETENTION']`` when it is not set.
DEFAULT_AUDIT_RETENTION = timedelta(days=90)

#: ``USER_CLAIMS`` / ``USER_PASSES``: called with ``(user, config_id)``.
Hook = Callable[..., Any]


def key(*parts: str) -> str:
    """The settings path of a key, as messages show it."""
    return SETTING + "".join(f"[{part!r}]" for part in parts)


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """``"Did you mean 'x'? "`` for the choice closest to ``name``, or ``""`` if none is
    close: what system checks suggest for a misspelt id or key, and the commands too."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f"Did you mean {close[0]!r}? " if close else ""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the settings, as a system check reports it."""

    id: str
    message: str
    hint: str
    warning: bool = False
    #: The configuration the problem belongs to; ``None``: it affects every one.
    config_id: str | None = None

    def as_error(self) -> FeedbackSSOConfigurationError:
        return FeedbackSSOConfigurationError(f"{self.message} {self.hint}")


@dataclass(frozen=True)
class VendorConfig:
    """One configuration of one vendor, validated: everything minting needs, hooks included.

    ``id`` is the key under ``FEEDBACK_SSO['VENDORS']``; URLs, the tag, checks, signals
    and logs use it. It is the vendor's id unless a project configures a vendor twice.
    The secret never shows in ``repr``.
    """

    id: str
    vendor: Vendor
    secret: str = field(repr=False)
    lifetime: timedelta
    allow_staff: bool
    claims: Mapping[str, Any]
    #: Vendor-specific options, defaults filled in and URL templates resolved.
    options: Mapping[str, Any]
    return_hosts: frozenset[str]
    user_claims: Hook | None = None
    user_passes: Hook | None = None

    @property
    def spec(self) -> VendorSpec:
        return self.vendor.spec

    @property
    def portal_url(self) -> str | None:
        """The base URL relative return targets resolve against, if the vendor has one."""
        name = self.vendor.spec.portal_option
        return str(self.options[name]) if name and self.options.get(name) else None


@dataclass(frozen=True)
class Config:
    """The whole of ``FEEDBACK_SSO`` after validation."""

    #: A configuration whose block has errors maps to its first error, raised afresh on
    #: each use (a stored exception would grow its traceback every time it is re-raised).
    vendors: Mapping[str, VendorConfig | Problem]
    default_vendor: str | None = None
    problems: tuple[Problem, ...] = ()
    #: How long the audit log (``django_feedback_sso.audit``) keeps a row before
    #: ``manage.py feedback_sso_purge_audit`` deletes it; ``None`` keeps rows forever.
    audit_retention: timedelta | None = DEFAULT_AUDIT_RETENTION
    #: ``FEEDBACK_SSO['AUDIT_SYNCHRONOUS_COMMIT']``: on PostgreSQL, whether each audit row's
    #: commit waits for the WAL flush (``False``, the default, doesn't; see the receiver).
    audit_synchronous_commit: bool = False
    #: ``FEEDBACK_SSO['AUDIT_WRITE']``: ``"request"`` inserts each row before the response,
    #: ``"background"`` queues it for a thread of its own (``audit/writer.py``).
    audit_write: str = "request"

    @functools.cached_property
    def global_error(self) -> Problem | None:
        """The first error outside any one block: it affects every configuration."""
        return next((problem for problem in self.problems
                     if not problem.warning and problem.config_id is None), None)


@functools.cache
def load_config() -> Config:
    """``settings.FEEDBACK_SSO`` parsed once, problems and all, until settings change.

    Left out, it is ``{}``: nothing configured yet. Set to ``None``, it is an error.
    """
    from ._settings import parse  # the parser needs the vendor registry; load it on use

    return parse(getattr(settings, SETTING, {}))


def get_config() -> Config:
    """The parsed settings; raises if a problem outside any one block exists."""
    config = load_config()
    if config.global_error is not None:
        raise config.global_error.as_error()
    return config


def get_vendor_config(config_id: str) -> VendorConfig:
    """The validated configuration ``config_id``, or why it can't be used.

    Raises :class:`~django_feedback_sso.exceptions.FeedbackSSOUnknownVendor` for an id that
    isn't configured and :class:`~django_feedback_sso.exceptions.FeedbackSSOConfigurationError`
    for a broken one (or broken settings).
    """
    try:
        entry = get_config().vendors[config_id]
    except KeyError:
        raise FeedbackSSOUnknownVendor(config_id) from None
    if isinstance(entry, Problem):
        raise entry.as_error()
    return entry


def default_config_id() -> str:
    """``DEFAULT_VENDOR``, or the only configuration."""
    config = get_config()
    if config.default_vendor is None:
        raise FeedbackSSOConfigurationError(
            f"No default vendor: set {key('DEFAULT_VENDOR')} or name the configuration, "
            "e.g. {% feedback_sso_token 'sleekplan' %}.")
    return config.default_vendor


#: Caches derived from settings, cleared by :func:`_reset_caches`: setting name -> clears.
#: The vendor registry is found in INSTALLED_APPS, and every configuration is built on it.
_RESETS: dict[str, list[Callable[[], None]]] = {
    SETTING: [load_config.cache_clear],
    "INSTALLED_APPS": [registry.cache_clear, load_config.cache_clear],
}

_Cached = TypeVar("_Cached", bound="functools._lru_cache_wrapper[Any]")


def reset_with(*setting_names: str) -> Callable[[_Cached], _Cached]:
    """Decorate a ``functools.cache``'d function: cleared whenever one of these changes."""

    def register(cached: _Cached) -> _Cached:
        for name in setting_names:
            _RESETS.setdefault(name, []).append(cached.cache_clear)
        return cached

    return register


@receiver(setting_changed)
def _reset_caches(*, setting: str, **kwargs: Any) -> None:
    for clear in _RESETS.get(setting, ()):
        clear()
