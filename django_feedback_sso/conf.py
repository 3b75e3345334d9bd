"""``settings.FEEDBACK_SSO``: the validated configuration, its types and its cached getters.

Parsing (in the private ``_settings`` package) yields a :class:`Config` plus the
:class:`Problem` list found on the way; system checks report the problems, the delivery
layer asks :func:`get_vendor_config` and passes what it gets down the pipeline (claims,
policy, token), which never reads settings itself. A configuration with a broken block is
kept as its error, so it fails alone and the others keep working.

The types are defined below the parser (``_settings/types.py``) and are public here.
Every cache derived from settings clears in one ``setting_changed`` receiver here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from ._settings import parse
from ._settings.types import SETTING, Config, Hook, Problem, VendorConfig, did_you_mean, key
from .exceptions import FeedbackSSOConfigurationError, FeedbackSSOUnknownVendor
from .vendors.registry import registry

__all__ = ["SETTING", "Config", "Hook", "Problem", "VendorConfig", "default_config_id",
           "did_you_mean", "get_config", "get_vendor_config", "key", "load_config",
           "reset_with"]


@functools.cache
def load_config() -> Config:
    """``settings.FEEDBACK_SSO`` parsed once, problems and all, until settings change.

    Left out, it is ``{}``: nothing configured yet. Set to ``None``, it is an error.
    """
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
