"""What every generated contract class shares: its vendor, and its vendor's parameters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import pytest
from django.core.cache import cache

from tests.contract.facts import VendorFacts


class Contract:
    """A part of the contract; :func:`tests.contract.contract_tests` sets :attr:`vendor`.

    A test argument named in :meth:`parameters` takes each of the vendor's values (its
    documented required claims …): pytest asks the class (``pytest_generate_tests``).
    """

    vendor: ClassVar[VendorFacts]

    @pytest.fixture(autouse=True)
    def _fresh_cache(self) -> None:
        """The stand-ins remember the ``jti`` they saw in the cache: each test starts afresh."""
        cache.clear()

    def parameters(self) -> dict[str, Sequence[Any]]:
        """Test argument -> the values it takes for this vendor. Parts add theirs."""
        return {}

    def pytest_generate_tests(self, metafunc: Any) -> None:
        for name, values in self.parameters().items():
            if name in metafunc.fixturenames:
                metafunc.parametrize(name, values)
