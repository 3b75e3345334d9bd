"""The vendor registry: built-in specs, plus vendors a project defines in settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.module_loading import import_string

from .base import Vendor
from .builtin import BUILTIN_SPECS
from .custom import spec_from_settings, spec_to_settings
from .spec import ClaimRule, VendorOption, VendorSpec

__all__ = ["BUILTIN_SPECS", "ClaimRule", "Vendor", "VendorOption", "VendorSpec", "build_vendor",
           "spec_to_settings"]


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
    elif vendor_id in BUILTIN_SPECS:
        spec = BUILTIN_SPECS[vendor_id]
    else:
        raise LookupError(vendor_id)
    return vendor_class(spec)
