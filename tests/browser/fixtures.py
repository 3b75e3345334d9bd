"""Fixtures for the browser tests: one Chromium per session, a fresh context per test.

A plugin (``pytest_plugins`` in tests/conftest.py), so the browser tests of a vendor's quirks
(tests/vendors/) share the one browser with tests/browser/."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command

from django_feedback_sso.sandbox.vendor_urls import vendor_options
from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Page,
    missing,
    sync_playwright,
    unavailable,
)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    reason = missing()
    if reason:
        unavailable(reason)
    # Playwright's sync API keeps an event loop in this thread; Django's ORM would refuse
    # to run next to it, though nothing here is actually asynchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def vendors_in_sandbox(settings: Any, live_server: Any) -> None:
    """Every seed vendor pointed at the sandbox served by the live server."""
    config = copy.deepcopy(settings.FEEDBACK_SSO)
    for vendor_id, options in vendor_options(f"{live_server.url}/sandbox").items():
        config["VENDORS"][vendor_id].update(options)
    settings.FEEDBACK_SSO = config


@pytest.fixture
def demo_users(transactional_db: None) -> None:
    """The example project's demo users; tests/settings.py installs its app when it's here."""
    if not apps.is_installed("demo"):
        unavailable("example_project/ is not here (the sdist ships without it)")
    call_command("create_demo_users", stdout=StringIO())


@pytest.fixture(scope="session")
def shared_page(chromium: Any, live_server: Any) -> Iterator[tuple[Any, list[str]]]:
    """One context and page for the session: starting a renderer per test costs more
    than all the test's requests. Dialogs are recorded, never left open."""
    context = chromium.new_context(base_url=live_server.url)
    context.set_default_timeout(5000)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page, dialogs
    context.close()


@pytest.fixture
def page(shared_page: tuple[Any, list[str]], vendors_in_sandbox: None,
         demo_users: None) -> Iterator[Page]:
    """The page, signed out; the test fails if a dialog opened or the canary was set.

    Zoë's name calls ``alert()`` if it ever runs as script, on whatever page it lands.
    """
    page, dialogs = shared_page
    page.context.clear_cookies()
    dialogs.clear()
    yield page
    canary = page.evaluate("window.__xss")
    # The Sleekplan stand-in remembers its user in sessionStorage, as the real widget keeps
    # its session: the next test starts with a widget that knows no one.
    page.evaluate("() => { try { sessionStorage.clear(); } catch (error) {} }")
    page.goto("about:blank")
    assert dialogs == []
    assert canary is None
