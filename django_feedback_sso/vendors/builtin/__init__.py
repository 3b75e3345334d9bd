"""The built-in vendors, as data: one module per vendor, each citing the documents it follows.

Adding one: ADDING_VENDORS.md.
"""

from __future__ import annotations

from ..spec import VendorSpec
from .boostgpt import BOOSTGPT
from .canny import CANNY
from .featurebase import FEATUREBASE
from .featureos import FEATUREOS
from .feedbackchimp import FEEDBACKCHIMP
from .issuely import ISSUELY
from .productlane import PRODUCTLANE
from .productlift import PRODUCTLIFT
from .sleekplan import SLEEKPLAN
from .suggix import SUGGIX
from .userback import USERBACK
from .website_toolbox import WEBSITE_TOOLBOX
from .zendesk import ZENDESK

BUILTIN_SPECS: dict[str, VendorSpec] = {
    spec.id: spec for spec in (SLEEKPLAN, PRODUCTLIFT, FEEDBACKCHIMP, ISSUELY, BOOSTGPT,
                               # issue 12, vendors-a
                               CANNY, FEATUREBASE, FEATUREOS, USERBACK, PRODUCTLANE, SUGGIX,
                               WEBSITE_TOOLBOX, ZENDESK)
}

__all__ = ["BOOSTGPT", "BUILTIN_SPECS", "CANNY", "FEATUREBASE", "FEATUREOS", "FEEDBACKCHIMP",
           "ISSUELY", "PRODUCTLANE", "PRODUCTLIFT", "SLEEKPLAN", "SUGGIX", "USERBACK",
           "WEBSITE_TOOLBOX", "ZENDESK"]
