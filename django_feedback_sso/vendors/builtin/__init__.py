"""The built-in vendors, as data: one module per vendor, each citing the documents it follows.

Adding one: ADDING_VENDORS.md.
"""

from __future__ import annotations

from ..spec import VendorSpec
from .announcekit import ANNOUNCEKIT
from .boostgpt import BOOSTGPT
from .changelogfy import CHANGELOGFY
from .feedbackchimp import FEEDBACKCHIMP
from .frill import FRILL
from .intercom import INTERCOM
from .issuely import ISSUELY
from .nolt import NOLT
from .productlift import PRODUCTLIFT
from .sleekplan import SLEEKPLAN
from .uservoice import USERVOICE
from .zendesk_messaging import ZENDESK_MESSAGING

BUILTIN_SPECS: dict[str, VendorSpec] = {
    spec.id: spec for spec in (
        SLEEKPLAN, PRODUCTLIFT, FEEDBACKCHIMP, ISSUELY, BOOSTGPT,
        FRILL, NOLT, USERVOICE, ZENDESK_MESSAGING, INTERCOM, ANNOUNCEKIT, CHANGELOGFY,
    )
}

__all__ = ["ANNOUNCEKIT", "BOOSTGPT", "BUILTIN_SPECS", "CHANGELOGFY", "FEEDBACKCHIMP", "FRILL",
           "INTERCOM", "ISSUELY", "NOLT", "PRODUCTLIFT", "SLEEKPLAN", "USERVOICE",
           "ZENDESK_MESSAGING"]
