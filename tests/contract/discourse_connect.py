"""The contract of a DiscourseConnect vendor: the round trip, refusals and open redirects."""

from __future__ import annotations

from tests.contract.base import Contract
from tests.contract.facts import VendorFacts


def discourse_connect_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the DiscourseConnect contract that apply to ``vendor``."""
    return []
