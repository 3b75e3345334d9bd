from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.template import engines
from django.test import RequestFactory

from django_feedback_sso.vendors import BUILTIN_SPECS
from tests.factories import StaffUserFactory, UserFactory
from tests.settings import FEEDBACK_SSO

#: The browser's fixtures, for tests/browser/ and the browser tests of tests/vendors/.
pytest_plugins = ["tests.browser.fixtures"]



def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run last: Playwright's sync API keeps an event loop in the main thread
    from the first of them to the end of the session, and beside it async tests (an
    ``AsyncClient``, ``async_to_sync``) refuse to run. The sort keeps every other order."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


#: Every vendor the test settings configure (one configuration each, named by its id).
VENDORS = tuple(FEEDBACK_SSO["VENDORS"])
#: Those whose token is a JWT (not an identity hash, not a DiscourseConnect answer).
JWT_VENDORS = tuple(vendor_id for vendor_id in VENDORS
                    if BUILTIN_SPECS[vendor_id].token.kind == "jwt")
#: Those with a redirect view (BoostGPT has no portal).
REDIRECT_VENDORS = tuple(vendor_id for vendor_id in VENDORS
                         if BUILTIN_SPECS[vendor_id].redirect.sso_url_option)


def request_for(user: Any, path: str = "/page/") -> Any:
    """A GET request as the view layer sees it once AuthenticationMiddleware has run."""
    request = RequestFactory().get(path)
    request.user = user
    return request


def render_tag(user: Any, vendor_id: str | None = None, *, as_token: bool = False,
               source: str | None = None, **context: Any) -> str:
    """A template rendered as a project renders it (``request`` in the context).

    By default ``{% feedback_sso_token vendor %}`` (or ``… as token %}{{ token }}``);
    ``source`` renders any template body after ``{% load feedback_sso %}``.
    """
    if source is None:
        args = "" if vendor_id is None else " vendor"
        source = (f"{{% feedback_sso_token{args} as token %}}{{{{ token }}}}" if as_token
                  else f"{{% feedback_sso_token{args} %}}")
    template = engines["django"].from_string("{% load feedback_sso %}" + source)
    return str(template.render({"vendor": vendor_id, **context}, request_for(user)))


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
