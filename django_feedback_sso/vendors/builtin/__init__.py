"""The built-in vendors, as data: one module per vendor, each citing the documents it follows.

Adding one: ADDING_VENDORS.md.
"""

from __future__ import annotations

from ..spec import VendorSpec
from .boostgpt import BOOSTGPT
from .feedbackchimp import FEEDBACKCHIMP
from .issuely import ISSUELY
from .productlift import PRODUCTLIFT
from .sleekplan import SLEEKPLAN

BUILTIN_SPECS: dict[str, VendorSpec] = {
    spec.id: spec for spec in (SLEEKPLAN, PRODUCTLIFT, FEEDBACKCHIMP, ISSUELY, BOOSTGPT)
}

__all__ = ["BOOSTGPT", "BUILTIN_SPECS", "FEEDBACKCHIMP", "ISSUELY", "PRODUCTLIFT", "SLEEKPLAN"]
