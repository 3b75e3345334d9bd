"""feedback-sso.js in headless Chromium: next to the vendors' own snippets (in either
order), with both BoostGPT globals, for refused users, and against DOM clobbering.

The pages are tests/templates/helper/*.html; the vendors are the sandbox's stand-ins."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.browser.support import PANEL, ZOE_NAME, Page, expect, log_in, panel
from tests.factories import UserFactory
from tests.oracle import verify

pytestmark = pytest.mark.browser

# Resolves to what $sleek.sso hands its callback, or "no answer" after three seconds.
ASK_SLEEK_SSO = """() => Promise.race([
  new Promise(resolve => window.$sleek.sso(resolve)),
  new Promise(resolve => setTimeout(() => resolve("no answer"), 3000)),
])"""


@pytest.fixture
def without_product_id(settings: Any) -> None:
    """The site loads Sleekplan's widget with its own snippet, not through the tag."""
    config = copy.deepcopy(settings.FEEDBACK_SSO)
    del config["VENDORS"]["sleekplan"]["PRODUCT_ID"]
    settings.FEEDBACK_SSO = config


@contextmanager
def requests_made(page: Page) -> Iterator[list[str]]:
    """Every URL the page requests inside the block."""
    urls: list[str] = []

    def record(request: Any) -> None:
        urls.append(request.url)

    page.on("request", record)
    try:
        yield urls
    finally:
        page.remove_listener("request", record)


def from_helper(message: Any) -> bool:
    """A console message of feedback-sso.js (Chromium logs failed requests there too)."""
    return str(message.text).startswith("feedback-sso.js: ")


def vote(page: Page) -> Any:
    """Click the stand-in widget's Vote button, which asks $sleek.sso for a token."""
    page.click(f"{PANEL}[data-sandbox-via='SLEEK_USER'] button")
    return panel(page, "sleekplan", "$sleek.sso")


# Item 1: the site's own Sleekplan snippet, then the tag (the documented order).

def test_sleek_sso_answers_after_the_sites_own_snippet(page: Page,
                                                       without_product_id: None) -> None:
    log_in(page, "zoe")
    page.goto("/helper/sleekplan_site_snippet_first/")

    answer = page.evaluate(ASK_SLEEK_SSO)

    assert verify("sleekplan", answer["token"])["mail"] == "zoe@example.com"
    widget = vote(page)
    expect(widget).to_have_attribute("data-sandbox-state", "signed-in")
    expect(widget).to_have_attribute("data-sandbox-user", ZOE_NAME)
    # Signed in on load too: through SLEEK_USER, or $sleek.setUser if the widget was first.
    expect(page.locator(f"{PANEL}[data-sandbox-state='signed-in']")).to_have_count(2)


def test_sleek_sso_survives_a_sites_snippet_that_comes_after_the_tag(
        page: Page, without_product_id: None) -> None:
    log_in(page, "zoe")
    page.goto("/helper/sleekplan_tag_first/")
    expect(panel(page, "sleekplan", "SLEEK_USER")).to_have_attribute("data-sandbox-state",
                                                                      "signed-in")

    answer = page.evaluate(ASK_SLEEK_SSO)

    assert verify("sleekplan", answer["token"])["mail"] == "zoe@example.com"
    expect(vote(page)).to_have_attribute("data-sandbox-user", ZOE_NAME)


# Item 2: SLEEK_PRODUCT_ID is a number, as Sleekplan's snippet writes it.

def test_the_tag_sets_a_numeric_product_id_and_loads_the_widget(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/page/sleekplan/")

    expect(panel(page, "sleekplan", "SLEEK_USER")).to_have_attribute("data-sandbox-state",
                                                                      "signed-in")
    assert page.evaluate("[typeof window.SLEEK_PRODUCT_ID, window.SLEEK_PRODUCT_ID]") == [
        "number", 12345]


def test_the_token_does_not_stay_in_the_page(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/page/sleekplan/")

    assert verify("sleekplan", page.evaluate("window.SLEEK_USER.token"))["mail"] == (
        "zoe@example.com")
    assert page.evaluate("document.querySelectorAll('[data-token]').length") == 0


def test_a_product_id_that_is_not_digits_loads_nothing(page: Page) -> None:
    with requests_made(page) as urls, page.expect_console_message(from_helper) as message:
        page.goto("/helper/sleekplan_product_id/")
    page.wait_for_load_state("networkidle")

    assert message.value.text == (
        "feedback-sso.js: Sleekplan's PRODUCT_ID must be digits; got '12345;alert(1)'. "
        "The widget was not loaded.")
    assert page.evaluate("typeof window.SLEEK_PRODUCT_ID") == "undefined"
    assert not [url for url in urls if "/sandbox/" in url]


# Item 22: a refused user's $sleek.sso gets an answer, without a token.

@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_sleek_sso_answers_a_refused_user_without_a_token(page: Page, who: str) -> None:
    if who != "anonymous":
        log_in(page, who)
    page.goto("/page/sleekplan/")

    assert page.evaluate(ASK_SLEEK_SSO) == {}
    widget = vote(page)
    expect(widget.locator(".sandbox-status")).to_have_text("Anonymous visitor (no token).")
    expect(page.locator(f"{PANEL}[data-sandbox-state='signed-in']")).to_have_count(0)


# Item 3: both of BoostGPT's documented globals, and a clear message when neither loads.

@pytest.mark.parametrize(("page_name", "via"), [
    ("boostgpt_sso_page", "init"),  # BoostGPTWidget.init, the SSO page
    ("boostgpt_api_reference", "boostgpt.init"),  # boostgpt.init, the API reference
])
def test_boostgpt_starts_with_a_token_through_either_global(page: Page, page_name: str,
                                                            via: str) -> None:
    log_in(page, "zoe")
    page.goto(f"/helper/{page_name}/")

    widget = panel(page, "boostgpt", via)
    expect(widget).to_have_attribute("data-sandbox-state", "signed-in")
    expect(widget).to_have_attribute("data-sandbox-user", ZOE_NAME)
    expect(widget).to_contain_text("Bot bot-from-the-page")
    expect(page.locator(PANEL)).to_have_count(1)  # started once, not through both


def test_boostgpt_says_so_when_no_widget_appears(page: Page) -> None:
    page.clock.install()
    page.goto("/helper/boostgpt_without_widget/")

    with page.expect_console_message(from_helper) as message:
        page.clock.run_for(10_100)

    assert message.value.text == (
        "feedback-sso.js: BoostGPT's widget did not load within 10 seconds (neither "
        "window.BoostGPTWidget nor window.boostgpt appeared); load widget.js "
        "(https://embed.boostgpt.co/widget.js) on this page.")


def test_the_vendors_data_on_the_core_says_to_load_the_module(page: Page) -> None:
    """Markup from before the modules started nothing, silently: now it says why."""
    with page.expect_console_message(from_helper) as message:
        page.goto("/helper/data_on_the_core/")

    assert message.value.text == "feedback-sso.js: load the vendor's module after it"


# Item 21: markup can't stand in for the helper's own <script>.

def test_clobbered_current_script_reaches_no_attacker_url_and_starts_no_bot(page: Page) -> None:
    log_in(page, "zoe")
    with requests_made(page) as urls:
        page.goto("/helper/clobbered/")
        page.wait_for_load_state("networkidle")
        answer = page.evaluate(ASK_SLEEK_SSO)

    assert [url for url in urls if "attacker" in url] == []
    expect(page.locator(f"{PANEL}[data-sandbox-vendor='boostgpt']")).to_have_count(0)
    assert verify("sleekplan", page.evaluate("window.SLEEK_USER.token"))["mail"] == (
        "zoe@example.com")
    assert verify("sleekplan", answer["token"])["mail"] == "zoe@example.com"
    assert [url for url in urls if url.endswith("/token/")] == [
        f"{page.url.split('/helper/')[0]}/feedback-sso/sleekplan/token/"]
    assert page.evaluate("window.SLEEK_PRODUCT_ID") == 12345


# Intercom: a page that assigns intercomSettings after the tag keeps the JWT.

def test_intercom_jwt_survives_the_site_replacing_intercom_settings(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/helper/intercom_settings_after_the_tag/")

    widget = panel(page, "intercom", "intercomSettings")

    expect(widget).to_have_attribute("data-sandbox-user", ZOE_NAME)
    settings = page.evaluate("window.intercomSettings")
    assert settings["api_base"] == "https://api-iam.intercom.io"
    assert verify("intercom", settings["intercom_user_jwt"])["email"] == "zoe@example.com"


# Intercom: a change of user on a page whose Messenger already booted. Intercom documents
# it as Intercom('shutdown') then Intercom('boot', settings)
# (https://developers.intercom.com/installing-intercom/docs/intercom-javascript); the same
# user again is Intercom('update', settings), as Intercom's snippet does on such a page.

# What a single-page app does once someone else signed in: fetch the new fragment and run
# its scripts (a script added with innerHTML would not run).
RENDER_THE_TAG_AGAIN = """async () => {
  const html = await (await fetch("/page/intercom/")).text();
  const fetched = new DOMParser().parseFromString(html, "text/html")
    .querySelector("script[data-feedback-sso]");
  const script = document.createElement("script");
  for (const attribute of fetched.attributes) {
    script.setAttribute(attribute.name, attribute.value);
  }
  document.querySelector("main").append(script);
}"""
PANELS = f"""() => [...document.querySelectorAll("{PANEL}[data-sandbox-vendor='intercom']")]
  .map(panel => [panel.dataset.sandboxVia, panel.dataset.sandboxState,
                 panel.querySelector(".sandbox-status").textContent])"""


def sign_in_without_a_page_load(page: Page, live_server: Any, user: Any) -> None:
    """Give the browser the cookies of a sign-in as ``user``, as a sign-in by fetch would."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": name, "value": cookie.value, "url": live_server.url}
                              for name, cookie in client.cookies.items()])


FORGOT_ZOE = ["intercomSettings", "signed-out",
              f"Signed out by Intercom('shutdown'): forgot {ZOE_NAME}"]
ZOE = f"Signed in as {ZOE_NAME} <zoe@example.com>"


@pytest.mark.parametrize(("username", "panels"), [
    ("jane", [FORGOT_ZOE, ["boot", "signed-in", "Signed in as Jane Doe <jane@example.com>"]]),
    ("staff", [FORGOT_ZOE, ["boot", "anonymous", "Anonymous visitor (no intercom_user_jwt)."]]),
    ("zoe", [["intercomSettings", "signed-in", ZOE], ["update", "signed-in", ZOE]]),
])
def test_intercom_change_of_user_is_shutdown_then_boot(page: Page, live_server: Any,
                                                       username: str, panels: list[Any]) -> None:
    UserFactory(username="jane")  # another user; staff get no token
    log_in(page, "zoe")
    page.goto("/page/intercom/")
    expect(panel(page, "intercom", "intercomSettings")).to_have_attribute(
        "data-sandbox-state", "signed-in")

    sign_in_without_a_page_load(page, live_server,
                                get_user_model().objects.get(username=username))
    page.evaluate(RENDER_THE_TAG_AGAIN)

    second = page.locator(f"{PANEL}[data-sandbox-vendor='intercom']").nth(1)
    expect(second).to_have_attribute("data-sandbox-state", panels[1][1])
    assert page.evaluate(PANELS) == panels
