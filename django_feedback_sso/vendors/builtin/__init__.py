"""The built-in vendors, as data: one module per vendor, each citing the documents it follows.

Adding one: ADDING_VENDORS.md.
"""

from __future__ import annotations

from ..spec import VendorSpec
from .announcekit import ANNOUNCEKIT
from .boostgpt import BOOSTGPT
from .canny import CANNY
from .changelogfy import CHANGELOGFY
from .featurebase import FEATUREBASE
from .featureos import FEATUREOS
from .feedbackchimp import FEEDBACKCHIMP
from .frill import FRILL
from .intercom import INTERCOM
from .issuely import ISSUELY
from .nolt import NOLT
from .productlane import PRODUCTLANE
from .productlift import PRODUCTLIFT
from .sleekplan import SLEEKPLAN
from .suggix import SUGGIX
from .userback import USERBACK
from .uservoice import USERVOICE
from .website_toolbox import WEBSITE_TOOLBOX
from .zendesk import ZENDESK
from .zendesk_messaging import ZENDESK_MESSAGING

BUILTIN_SPECS: dict[str, VendorSpec] = {
    spec.id: spec for spec in (
        # The seed vendors.
        SLEEKPLAN, PRODUCTLIFT, FEEDBACKCHIMP, ISSUELY, BOOSTGPT,
        # Redirect-first vendors, vendor-initiated sign-in, Zendesk's POST form.
        CANNY, FEATUREBASE, FEATUREOS, USERBACK, PRODUCTLANE, SUGGIX, WEBSITE_TOOLBOX,
        ZENDESK,
        # Widgets and SDKs.
        FRILL, NOLT, USERVOICE, ZENDESK_MESSAGING, INTERCOM, ANNOUNCEKIT, CHANGELOGFY,
    )
}

__all__ = ["ANNOUNCEKIT", "BOOSTGPT", "BUILTIN_SPECS", "CANNY", "CHANGELOGFY", "FEATUREBASE",
           "FEATUREOS", "FEEDBACKCHIMP", "FRILL", "INTERCOM", "ISSUELY", "NOLT", "PRODUCTLANE",
           "PRODUCTLIFT", "SLEEKPLAN", "SUGGIX", "USERBACK", "USERVOICE", "WEBSITE_TOOLBOX",
           "ZENDESK", "ZENDESK_MESSAGING"]
