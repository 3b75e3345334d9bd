"""Vendors: the spec type, the one class that runs every spec, and the registry.

Built-in vendors are folders here (:mod:`.folders`); every installed app's vendors, these
included, are discovered by :mod:`.registry`; a project may describe one in settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.module_loading import import_string

from .base import Vendor
from .custom import spec_from_settings, spec_to_settings
from .folders import builtin_specs
from .registry import registry
from .spec import ClaimRule, VendorOption, VendorSpec

__all__ = ["BUILTIN_SPECS", "ClaimRule", "Vendor", "VendorOption", "VendorSpec", "build_vendor",
           "registry", "spec_to_settings"]

#: The vendors in this package's folders, by id (alphabetical); the registry has them and
#: every other installed app's.
BUILTIN_SPECS = builtin_specs()


def build_vendor(vendor_id: str, block: Mapping[str, Any]) -> Vendor:
    """The :class:`Vendor` ``vendor_id`` for one settings block.

    ``CLASS`` picks a subclass by dotted path; ``SPEC`` describes a vendor that isn't built
    in. Raises ``LookupError`` for an unknown id, ``ImportError`` for a broken ``CLASS``,
    ``ValueError``/``TypeError`` for a broken ``SPEC``; the configuration layer turns
    those into messages.
    """
    vendor_class: type[Vendor] = Vendor
    if block.get("CLASS"):
        vendor_class = import_string(block["CLASS"])
        if not (isinstance(vendor_class, type) and issubclass(vendor_class, Vendor)):
            raise ImportError(f"{block['CLASS']} is not a subclass of {Vendor.__module__}.Vendor")
    if "SPEC" in block:
        if not isinstance(block["SPEC"], Mapping):
            raise ValueError("SPEC must be a dict")
        spec = spec_from_settings(vendor_id, block["SPEC"])
    elif isinstance(getattr(vendor_class, "spec", None), VendorSpec):
        spec = vendor_class.spec
    elif vendor_id in registry().specs:
        spec = registry().specs[vendor_id]
    else:
        raise LookupError(vendor_id)
    return vendor_class(spec)
