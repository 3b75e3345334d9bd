"""The contract of an identity-hash vendor (Help Scout, Front, Chatwoot …): the hash is
the HMAC the vendor's documented recipe gives, recomputed here from the fixture, and it
travels beside the identity it signs."""

from __future__ import annotations

from tests.contract.base import Contract
from tests.contract.facts import VendorFacts


def identity_hash_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the identity-hash contract that apply to ``vendor``."""
    return []
