"""The vendor registry: every installed app's ``feedback_sso_vendors`` module, discovered.

An app adds vendors with a module ``feedback_sso_vendors`` holding ``VENDORS``: vendor id ->
a :class:`~django_feedback_sso.vendors.spec.VendorSpec`, or the ``SPEC`` dict a settings
block takes. This app is found the same way (its module hands over the built-in folders),
so one mechanism serves the thirty-one built-in vendors and any other package's. As with
``admin.autodiscover()``, apps are visited in ``INSTALLED_APPS`` order.

Discovery never raises: a module that fails to import, a ``VENDORS`` that isn't a dict, a
spec that doesn't build and an id claimed twice each become a :class:`Mistake`, which
system check ``feedback_sso.E019`` reports with the app and the vendor named.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from .custom import spec_from_settings
from .spec import VendorSpec

MODULE = "feedback_sso_vendors"


@dataclass(frozen=True)
class Mistake:
    """One thing wrong in an app's ``feedback_sso_vendors``."""

    app: str
    #: The vendor id involved, or ``None`` when the whole module is at fault.
    vendor_id: str | None
    message: str


@dataclass(frozen=True)
class Registry:
    """Every vendor the installed apps provide, and what went wrong finding them."""

    specs: Mapping[str, VendorSpec] = field(default_factory=dict)
    #: Vendor id -> the app (its ``name``) that provides it.
    apps: Mapping[str, str] = field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()

    def broken(self, vendor_id: str) -> Mistake | None:
        """Why an app's vendor of this id isn't among the ``specs``, if that is the reason."""
        return next((m for m in self.mistakes if m.vendor_id == vendor_id), None)


@functools.cache
def registry() -> Registry:
    """The vendors of every installed app, discovered once (reset when apps change)."""
    specs: dict[str, VendorSpec] = {}
    owners: dict[str, str] = {}
    mistakes: list[Mistake] = []
    for app_config in apps.get_app_configs():
        for vendor_id, spec in _app_vendors(app_config.name, app_config.module, mistakes):
            if vendor_id in specs:
                mistakes.append(Mistake(app_config.name, vendor_id, (
                    f"vendor id {vendor_id!r} is already provided by {owners[vendor_id]} "
                    "(the app listed first in INSTALLED_APPS keeps it)")))
                continue
            specs[vendor_id] = spec
            owners[vendor_id] = app_config.name
    return Registry(specs=specs, apps=owners, mistakes=tuple(mistakes))


def _app_vendors(app: str, module: Any, mistakes: list[Mistake],
                 ) -> list[tuple[str, VendorSpec]]:
    """The vendors of one app's ``feedback_sso_vendors``; its mistakes go to ``mistakes``."""
    try:
        if module is None or not module_has_submodule(module, MODULE):
            return []
        vendors = importlib.import_module(f"{app}.{MODULE}").VENDORS
    except Exception as exc:  # anything the module does wrong is its app's mistake
        mistakes.append(Mistake(app, None, f"{app}.{MODULE} failed to load "
                                f"({type(exc).__name__}: {exc})"))
        return []
    if not isinstance(vendors, Mapping):
        mistakes.append(Mistake(app, None, f"{app}.{MODULE}.VENDORS must be a dict of vendor "
                                f"id to SPEC dict or VendorSpec, not {type(vendors).__name__}"))
        return []
    found = []
    for vendor_id, spec in vendors.items():
        try:
            found.append((vendor_id, _as_spec(vendor_id, spec)))
        except Exception as exc:
            mistakes.append(Mistake(app, str(vendor_id), f"{app}.{MODULE}.VENDORS"
                                    f"[{vendor_id!r}]: {exc}"))
    return found


def _as_spec(vendor_id: Any, spec: Any) -> VendorSpec:
    """A ``VENDORS`` entry as a spec whose id is its key; ``ValueError`` says what is wrong."""
    if not isinstance(vendor_id, str):
        raise ValueError(f"vendor ids are strings, not {type(vendor_id).__name__}")
    if isinstance(spec, VendorSpec):
        if spec.id != vendor_id:
            raise ValueError(f"the VendorSpec's id is {spec.id!r}; it must be its key")
        return spec
    if isinstance(spec, Mapping):
        return spec_from_settings(vendor_id, spec)
    raise ValueError(f"must be a SPEC dict or a VendorSpec, not {type(spec).__name__}")
