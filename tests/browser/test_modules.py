"""The core and the vendor modules in headless Chromium: the core loaded twice by two
vendors' snippets, and a module that another installed app ships as a static file.

The pages are tests/templates/helper/*.html; the vendors are the sandbox's stand-ins."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import ZOE_NAME, Page, expect, log_in
from tests.test_vendor_apps import BOARD, SECRET, acme_claims

pytestmark = pytest.mark.browser

PANEL = ".feedback-sso-sandbox-widget"


def panel(page: Page, vendor_id: str, via: str) -> Any:
    return page.locator(f"{PANEL}[data-sandbox-vendor='{vendor_id}'][data-sandbox-via='{via}']")


def test_two_vendors_each_load_the_core_and_both_sign_in(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/helper/two_vendors/")

    for vendor_id, via in [("canny", "render"), ("nolt", "identify")]:
        expect(panel(page, vendor_id, via)).to_have_attribute("data-sandbox-user", ZOE_NAME)
    assert page.evaluate("document.querySelectorAll('script[src$=\"/feedback-sso.js\"]')"
                         ".length") == 2


def test_the_second_core_keeps_the_vendors_the_first_one_defined(page: Page) -> None:
    page.goto("/helper/two_vendors/")  # canny's module ran between the two cores
    expect(panel(page, "canny", "render")).to_have_count(1)

    page.evaluate("FeedbackSSO.start('canny', {boardToken: 'a-second-board'})")

    expect(panel(page, "canny", "render")).to_have_count(2)
    expect(panel(page, "canny", "render").nth(1)).to_contain_text("Board a-second-board")


@pytest.fixture
def acme(settings: Any, vendors_in_sandbox: None) -> None:
    """Acme Board's app installed (its static files too) and configured."""
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "tests.vendor_apps.acme"]
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "VENDORS": {
        **settings.FEEDBACK_SSO["VENDORS"], "acmeboard": {"SECRET": SECRET, "BOARD_URL": BOARD}}}


def test_another_apps_module_starts_its_vendor_through_the_core(page: Page, acme: None) -> None:
    log_in(page, "zoe")
    page.goto("/helper/another_apps_module/")

    board = page.evaluate("window.AcmeBoard")

    assert board["board"] == BOARD
    assert acme_claims(board["token"])["email"] == "zoe@example.com"
    assert page.evaluate("document.querySelectorAll('[data-token]').length") == 0
