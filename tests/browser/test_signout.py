"""Sign-out in headless Chromium: after "Log out", each widget with a documented sign-out
call forgets the user.

The sandbox's stand-ins remember who signed in (as the real widgets keep their session)
until the page makes the vendor's call: ``$sleek.resetUser()``
(https://sleekplan.com/docs/sdk/user-setup), ``Frill('unidentify')``
(https://developers.frill.co/frill-script/identifying-users),
``zE('messenger', 'logoutUser')``
(https://developer.zendesk.com/api-reference/widget-messaging/web/authentication),
``Intercom('shutdown')`` (https://developers.intercom.com/installing-intercom/docs/intercom-javascript)
for both of Intercom's ways of signing users in,
``Beacon('logout', {endActiveChat: true})`` (Help Scout: public integrations, confidence M),
``FrontChat('shutdown', {clearSession: true})`` (https://dev.frontapp.com/docs/chat-sdk-reference),
``$chatwoot.reset()`` (https://www.chatwoot.com/docs/product/channels/live-chat/sdk/setup),
``Gleap.clearIdentity()`` (https://docs.gleap.io/javascript/user-identity),
``$crisp.push(["do", "session:reset"])`` (https://help.crisp.chat/en/article/
how-to-reset-a-crisp-conversation-when-users-log-out-u2vkei/),
``ChannelIO('shutdown')`` (https://developers.channel.io/docs/web-channel-io)."""

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


#: Each vendor with a sign-out call, the stand-in's panel that signs the user in on the
#: demo page, and the call as the stand-in received it.
SIGN_OUTS = [
    ("channelio", "boot", "ChannelIO('shutdown')"),
    ("sleekplan", "SLEEK_USER", "$sleek.resetUser()"),
    ("frill", "container", "Frill('unidentify')"),
    ("zendesk_messaging", "loginUser", "zE('messenger', 'logoutUser')"),
    ("intercom", "intercomSettings", "Intercom('shutdown')"),
    # The object arrives as an object: the stand-in writes what it received as JSON.
    ("helpscout", "identify", """Beacon('logout', {"endActiveChat":true})"""),
    ("front", "init", """FrontChat('shutdown', {"clearSession":true})"""),
    ("chatwoot", "setUser", "$chatwoot.reset()"),
    ("gleap", "identify", "Gleap.clearIdentity()"),
    ("crisp", "user:email", '$crisp.push(["do", "session:reset"])'),
    ("intercom_hmac", "intercomSettings", "Intercom('shutdown')"),
]


def widget(page: Page, vendor_id: str, via: str) -> Any:
    return page.locator(f".feedback-sso-sandbox-widget[data-sandbox-vendor='{vendor_id}']"
                        f"[data-sandbox-via='{via}']")


def log_in_then_out(page: Page, vendor_id: str, via: str) -> None:
    """Zoë signs in at the vendor on its demo page, then logs out of the site."""
    log_in(page, "zoe")
    page.goto(f"/vendors/{vendor_id}/")
    expect(widget(page, vendor_id, via)).to_have_attribute("data-sandbox-state", "signed-in")

    page.click("header form button[type=submit]")  # the demo's "Log out"
    page.wait_for_selector("header a[href^='/accounts/login/']")


@pytest.mark.parametrize(("vendor_id", "via", "call"), SIGN_OUTS)
def test_after_log_out_the_next_page_makes_the_widget_forget_the_user(
        page: Page, demo_logout: None, vendor_id: str, via: str, call: str) -> None:
    log_in_then_out(page, vendor_id, via)
    page.goto(f"/vendors/{vendor_id}/")

    expect(widget(page, vendor_id, via)).to_have_attribute("data-sandbox-state", "signed-out")
    expect(widget(page, vendor_id, via).locator(".sandbox-status")).to_have_text(
        f"Signed out by {call}: forgot {ZOE_NAME}")
    page.reload()
    expect(widget(page, vendor_id, via)).to_have_attribute("data-sandbox-state", "anonymous")


@pytest.fixture
def no_sign_out() -> Iterator[None]:
    """Sign-out off (the live server's middleware is built once, so unhook the receiver)."""
    user_logged_out.disconnect(dispatch_uid=LOGGED_OUT)
    yield
    user_logged_out.connect(signout._logged_out, dispatch_uid=LOGGED_OUT)


@pytest.mark.parametrize(("vendor_id", "via", "call"), SIGN_OUTS)
def test_without_the_sign_out_the_widget_would_remember(
        page: Page, demo_logout: None, no_sign_out: None, vendor_id: str, via: str,
        call: str) -> None:
    """The control: the stand-in does remember, so the test above proves the reset."""
    log_in_then_out(page, vendor_id, via)
    page.goto(f"/vendors/{vendor_id}/")

    expect(widget(page, vendor_id, via)).to_have_attribute("data-sandbox-state", "remembered")
    expect(widget(page, vendor_id, via).locator(".sandbox-status")).to_have_text(
        f"Still signed in as {ZOE_NAME} (remembered by the widget)")
