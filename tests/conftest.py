from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.factories import StaffUserFactory, UserFactory


@pytest.fixture
def user(db: None) -> Any:
    return UserFactory()


@pytest.fixture
def staff_user(db: None) -> Any:
    return StaffUserFactory()


@pytest.fixture
def vendor_settings(settings: Any) -> Callable[..., dict[str, Any]]:
    """Change one vendor's block (or the top level) for one test, on a deep copy."""

    def change(vendor_id: str | None = None, **values: Any) -> dict[str, Any]:
        config = copy.deepcopy(settings.FEEDBACK_SSO)
        target = config if vendor_id is None else config["VENDORS"][vendor_id]
        for name, value in values.items():
            if value is None:
                target.pop(name, None)
            else:
                target[name] = value
        settings.FEEDBACK_SSO = config
        return config

    return change


# The audit log (issue 13) -----------------------------------------------------------------

@pytest.fixture(autouse=True, scope="session")
def _audit_log_records_only_when_asked() -> None:
    """tests/settings.py installs the audit app (its table exists), but most tests mint
    tokens without a database or count queries: only `audit_log` turns recording on."""
    from django_feedback_sso.audit.receivers import disconnect

    disconnect()


@pytest.fixture
def audit_log() -> Iterator[None]:
    """The audit log records the tokens minted during this test."""
    from django_feedback_sso.audit.receivers import connect, disconnect

    connect()
    yield
    disconnect()
