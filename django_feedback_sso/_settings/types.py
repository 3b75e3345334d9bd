"""What parsing ``settings.FEEDBACK_SSO`` yields: the configuration types and their keys.

The bottom of the settings layer: parsing (the rest of this package) builds these, and
:mod:`django_feedback_sso.conf`, which caches the result, re-exports them as the public
API. Nothing here reads settings or imports the parser.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from ..exceptions import FeedbackSSOConfigurationError

if TYPE_CHECKING:
    from ..vendors.base import Vendor
    from ..vendors.spec import VendorSpec

SETTING = "FEEDBACK_SSO"

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

    @functools.cached_property
    def portal_url(self) -> str | None:
        """The base URL relative return targets resolve against, if the vendor has one.

        Worked out once per configuration (read on every redirect; the instance is frozen,
        and ``cached_property`` writes its ``__dict__`` directly)."""
        name = self.vendor.spec.portal_option
        return str(self.options[name]) if name and self.options.get(name) else None


@dataclass(frozen=True)
class Config:
    """The whole of ``FEEDBACK_SSO`` after validation (the audit log's ``AUDIT_*`` keys
    aside: the audit app, ``django_feedback_sso.audit``, parses those itself)."""

    #: A configuration whose block has errors maps to its first error, raised afresh on
    #: each use (a stored exception would grow its traceback every time it is re-raised).
    vendors: Mapping[str, VendorConfig | Problem]
    default_vendor: str | None = None
    problems: tuple[Problem, ...] = ()

    @functools.cached_property
    def global_error(self) -> Problem | None:
        """The first error outside any one block: it affects every configuration."""
        return next((problem for problem in self.problems
                     if not problem.warning and problem.config_id is None), None)
