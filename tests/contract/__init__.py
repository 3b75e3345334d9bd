"""The contract every built-in vendor keeps, generated from its folder.

As allauth's ``create_oauth2_tests`` makes a provider's tests from one mocked response,
:func:`contract_tests` makes a vendor's from its spec and its ``fixture.py``: the token
verifies with joserfc by the vendor's documented rules, the snippet carries it where the
vendor reads it, the redirect keeps to the vendor's hosts, the sandbox's stand-in accepts
it and refuses the documented mistakes. ``tests/test_contract.py`` makes a class for every
folder; ``tests/browser/test_contract.py`` the browser's; a vendor's quirks have a test in
``tests/vendors/test_<id>.py``.
"""

from __future__ import annotations

from tests.contract.base import Contract
from tests.contract.discourse_connect import discourse_connect_parts
from tests.contract.facts import VendorFacts
from tests.contract.identity_hash import identity_hash_parts
from tests.contract.oidc_implicit import oidc_implicit_parts
from tests.contract.redirect import redirect_parts
from tests.contract.sandbox import sandbox_parts
from tests.contract.snippet import SnippetContract
from tests.contract.token import token_parts


def contract_tests(vendor_id: str) -> type[Contract]:
    """``Test<Vendor>Contract``: the parts of the contract that apply to the vendor."""
    vendor = VendorFacts.of(vendor_id)
    if vendor.rules.kind == "identity_hash":
        parts: tuple[type[Contract], ...] = tuple(identity_hash_parts(vendor))
    elif vendor.rules.kind == "discourse_connect":
        parts = tuple(discourse_connect_parts(vendor))
    elif vendor.rules.handshake == "oidc_implicit":  # Freshworks: a JWT, but a round trip
        parts = (*sandbox_parts(vendor), *oidc_implicit_parts(vendor), SnippetContract,
                 *token_parts(vendor))
    else:
        parts = (*sandbox_parts(vendor), *redirect_parts(vendor), SnippetContract,
                 *token_parts(vendor))
    return type(vendor.class_name("Contract"), parts, {"vendor": vendor})
