"""Sign-out in headless Chromium: after "Log out", Sleekplan's widget forgets the user.

The sandbox's Sleekplan stand-in remembers who signed in (as the real widget keeps its
session) until ``$sleek.resetUser()`` (https://sleekplan.com/docs/sdk/user-setup)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.signals import user_logged_out

from django_feedback_sso import signout
from tests.browser.support import ZOE_NAME, Page, expect, log_in

LOGGED_OUT = "django_feedback_sso.signout.logged_out"

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_logout(settings: Any) -> None:
    settings.LOGOUT_REDIRECT_URL = "index"  # as the demo project sets it


def widget(page: Page) -> Any:
    return page.locator(".feedback-sso-sandbox-widget[data-sandbox-vendor='sleekplan']"
                        "[data-sandbox-via='SLEEK_USER']")


def test_after_log_out_the_next_page_makes_the_widget_forget_the_user(
        page: Page, demo_logout: None) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/sleekplan/")
    expect(widget(page)).to_have_attribute("data-sandbox-state", "signed-in")

    page.click("header form button[type=submit]")  # the demo's "Log out"
    page.wait_for_selector("header a[href^='/accounts/login/']")
    page.goto("/vendors/sleekplan/")

    expect(widget(page)).to_have_attribute("data-sandbox-state", "signed-out")
    expect(widget(page).locator(".sandbox-status")).to_have_text(
        f"Signed out by $sleek.resetUser(): forgot {ZOE_NAME}")
    page.reload()
    expect(widget(page)).to_have_attribute("data-sandbox-state", "anonymous")


@pytest.fixture
def no_sign_out() -> Iterator[None]:
    """Sign-out off (the live server's middleware is built once, so unhook the receiver)."""
    user_logged_out.disconnect(dispatch_uid=LOGGED_OUT)
    yield
    user_logged_out.connect(signout._logged_out, dispatch_uid=LOGGED_OUT)


def test_without_the_sign_out_the_widget_would_remember(page: Page, demo_logout: None,
                                                         no_sign_out: None) -> None:
    """The control: the stand-in does remember, so the test above proves the reset."""
    log_in(page, "zoe")
    page.goto("/vendors/sleekplan/")
    expect(widget(page)).to_have_attribute("data-sandbox-state", "signed-in")

    page.click("header form button[type=submit]")
    page.wait_for_selector("header a[href^='/accounts/login/']")
    page.goto("/vendors/sleekplan/")

    expect(widget(page)).to_have_attribute("data-sandbox-state", "remembered")
    expect(widget(page).locator(".sandbox-status")).to_have_text(
        f"Still signed in as {ZOE_NAME} (remembered by the widget)")
