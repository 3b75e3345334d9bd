"""Headless Chromium for the browser tests: Debian's package, driven by Playwright.

Playwright never downloads a browser here; it drives ``/usr/bin/chromium``. Without it
(or without Playwright) the tests skip, unless ``FEEDBACK_SSO_REQUIRE_BROWSER=1`` (set
by ``.ci/run``), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from typing import Any, NoReturn

import pytest

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # the "browser" dependency group is not installed
    Page = Any  # type: ignore[misc,assignment]
    expect = sync_playwright = None  # type: ignore[assignment]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

#: The demo users (example_project/demo/users.py); Zoë's name is hostile on purpose.
ZOE_NAME = 'Zoë "</script><b> <img src=x onerror="window.__xss=1;alert(1)">'
PASSWORDS = {"zoe": "zoe-demo-password", "staff": "staff-demo-password"}


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("FEEDBACK_SSO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; FEEDBACK_SSO_REQUIRE_BROWSER=1 requires the browser tests")
    pytest.skip(reason)


def missing() -> str | None:
    """Why the browser tests can't run here, or ``None``."""
    if sync_playwright is None:
        return "Playwright is not installed (pip install --group browser)"
    if not os.path.exists(CHROMIUM):
        return "Debian's chromium is not installed (apt-get install chromium)"
    return None


def log_in(page: Page, username: str) -> None:
    """Through the demo's real login form."""
    page.goto("/accounts/login/?next=/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORDS[username])
    page.click("form.login button[type=submit]")
    page.wait_for_selector("[data-demo-user]")


#: The sandbox's stand-in widgets: one panel each, saying whom the vendor signed in.
PANEL = ".feedback-sso-sandbox-widget"


def panel(page: Page, vendor_id: str, via: str) -> Any:
    """The stand-in's panel of ``vendor_id`` that read the token ``via`` one way."""
    return page.locator(f"{PANEL}[data-sandbox-vendor='{vendor_id}'][data-sandbox-via='{via}']")


def fetches_a_fresh_token(page: Page, vendor_id: str, button: str, via: str,
                          index: int = 0) -> None:
    """Zoë, signed in on the vendor's demo page, starts its on-demand flow with ``button``:
    the flow asks the token endpoint, and the stand-in's panel ``via`` signs her in."""
    log_in(page, "zoe")
    page.goto(f"/vendors/{vendor_id}/")
    expect(page.locator(PANEL).first).to_have_attribute("data-sandbox-state", "signed-in")

    with page.expect_response(lambda r: r.url.endswith(f"/feedback-sso/{vendor_id}/token/")
                              ) as answer:
        page.click(button)

    assert answer.value.status == 200
    assert answer.value.request.method == "GET"
    widget = panel(page, vendor_id, via).nth(index)
    expect(widget).to_have_attribute("data-sandbox-state", "signed-in")
    expect(widget).to_have_attribute("data-sandbox-user", ZOE_NAME)
