"""End to end in headless Chromium: the demo pages, the token endpoint, the redirect view
and the sandbox's stand-in vendors, asserted on the DOM."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import ZOE_NAME, Page, expect, log_in

pytestmark = pytest.mark.browser

PANEL = ".feedback-sso-sandbox-widget"
#: Each widget vendor and where its stand-in reads the token, as the real widget does.
WIDGETS = [
    ("sleekplan", "SLEEK_USER"),
    ("productlift", "sso-param"),
    ("boostgpt", "data-user-token"),
    ("frill", "container"),  # Frill('container', {key, ssoToken})
    ("nolt", "identify"),  # nolt('identify', {jwt})
    ("uservoice", "set-sso"),  # UserVoice.push(['set', {sso}])
    ("zendesk_messaging", "loginUser"),  # zE('messenger', 'loginUser', callback)
    ("intercom", "intercomSettings"),  # window.intercomSettings.intercom_user_jwt
    ("announcekit", "user_token"),  # announcekit.push({widget, user_token})
    ("changelogfy", "CLF_config"),  # CLF_config.sso
    ("canny", "render"),  # Canny('render', {…, ssoToken})
    ("featurebase", "jwtToken"),  # Featurebase('initialize_feedback_widget', {jwtToken})
    ("featureos", "ssoToken"),  # hellonext.init({embedURL, ssoToken})
]
#: Each redirect vendor, the link that starts it on the demo page, and the portal page.
REDIRECTS = [
    ("sleekplan", "[data-demo-redirect]", "/roadmap"),
    ("productlift", "[data-demo-redirect]", "/roadmap"),
    ("feedbackchimp", "#snippet a.feedback-sso-link", "/api/v1/auth/access/jwt"),
    ("issuely", "#snippet a.feedback-sso-link", "/api/auth/sso"),
    ("frill", "[data-demo-redirect]", "/b/ideas"),
    ("uservoice", "[data-demo-redirect]", "/forums/1-general"),
    ("announcekit", "[data-demo-redirect]", "/acmeco/updates/first-post"),
]


def panel(page: Page, vendor_id: str, via: str) -> Any:
    return page.locator(f"{PANEL}[data-sandbox-vendor='{vendor_id}'][data-sandbox-via='{via}']")


@pytest.mark.parametrize(("vendor_id", "via"), WIDGETS)
def test_widget_snippet_signs_the_user_in(page: Page, vendor_id: str, via: str) -> None:
    log_in(page, "zoe")
    page.goto(f"/vendors/{vendor_id}/")

    widget = panel(page, vendor_id, via)

    expect(widget).to_have_attribute("data-sandbox-state", "signed-in")
    expect(widget.locator(".sandbox-status")).to_have_text(
        f"Signed in as {ZOE_NAME} <zoe@example.com>")


@pytest.mark.parametrize(("vendor_id", "link", "page_path"), REDIRECTS)
def test_redirect_signs_the_user_in_at_the_portal(page: Page, vendor_id: str, link: str,
                                                  page_path: str) -> None:
    log_in(page, "zoe")
    page.goto(f"/vendors/{vendor_id}/")

    page.click(link)

    portal = page.locator(".sandbox-portal")
    expect(portal).to_have_attribute("data-sandbox-vendor", vendor_id)
    expect(portal).to_have_attribute("data-sandbox-state", "signed-in")
    expect(portal.locator("[data-sandbox-user]")).to_have_text(ZOE_NAME)
    expect(portal.locator("h1 small")).to_have_text(page_path)


def test_feedbackchimp_portal_sends_visitors_through_the_site(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/feedbackchimp/")
    page.click("[data-demo-portal]")
    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "anonymous")

    page.click("[data-sandbox-sign-in]")

    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "signed-in")
    expect(page.locator("main")).to_contain_text("would now continue to")


def test_frill_site_sends_visitors_through_the_site_and_back_with_sso_token(
        page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/frill/")
    page.click("[data-demo-portal]")
    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "anonymous")

    page.click("[data-sandbox-sign-in]")  # the redirect view, ?redirect=<the Frill page>

    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "signed-in")
    assert "ssoToken=" in page.url


def test_nolt_board_link_opens_signed_in(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/nolt/")
    expect(panel(page, "nolt", "identify")).to_have_attribute("data-sandbox-state", "signed-in")

    page.click("#snippet a[data-nolt]")

    expect(panel(page, "nolt", "data-nolt")).to_have_attribute("data-sandbox-user", ZOE_NAME)


def test_a_reloaded_feedbackchimp_token_is_refused_as_replayed(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/feedbackchimp/")
    page.click("#snippet a.feedback-sso-link")
    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "signed-in")

    page.reload()

    expect(page.locator("[data-sandbox-reason]")).to_have_text("replayed")


@pytest.mark.parametrize(("vendor_id", "button", "via", "index"), [
    ("sleekplan", f"{PANEL} button", "$sleek.sso", 0),
    ("productlift", "[data-demo-flow]", "sso-param", 1),
    ("boostgpt", "[data-demo-flow]", "init", 0),
    # Zendesk asks its loginUser function again: a fresh token each time.
    ("zendesk_messaging", f"{PANEL} button", "loginUser-again", 0),
])
def test_on_demand_flow_fetches_a_token_from_the_endpoint(
    page: Page, vendor_id: str, button: str, via: str, index: int
) -> None:
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


@pytest.mark.parametrize(("vendor_id", "via"), WIDGETS)
def test_staff_stays_anonymous_in_widgets(page: Page, vendor_id: str, via: str) -> None:
    log_in(page, "staff")
    page.goto(f"/vendors/{vendor_id}/")

    expect(panel(page, vendor_id, via)).to_have_attribute("data-sandbox-state", "anonymous")
    expect(page.locator(f"{PANEL}[data-sandbox-state='signed-in']")).to_have_count(0)


@pytest.mark.parametrize(("vendor_id", "link"), [row[:2] for row in REDIRECTS])
def test_staff_stays_anonymous_at_portals(page: Page, vendor_id: str, link: str) -> None:
    log_in(page, "staff")
    page.goto(f"/vendors/{vendor_id}/")

    page.click(link)

    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "anonymous")


def test_staff_on_demand_gets_no_token(page: Page) -> None:
    log_in(page, "staff")
    page.goto("/vendors/sleekplan/")

    with page.expect_response(lambda r: r.url.endswith("/feedback-sso/sleekplan/token/")
                              ) as answer:
        page.click(f"{PANEL} button")

    assert answer.value.status == 403
    expect(panel(page, "sleekplan", "$sleek.sso")).to_have_attribute("data-sandbox-state",
                                                                     "anonymous")


@pytest.mark.parametrize("vendor_id", sorted({row[0] for row in WIDGETS + REDIRECTS}))
def test_hostile_display_name_is_text_and_runs_no_script(page: Page, vendor_id: str) -> None:
    log_in(page, "zoe")
    page.goto(f"/vendors/{vendor_id}/")
    page.wait_for_load_state("networkidle")

    expect(page.locator("[data-demo-user]")).to_have_text(ZOE_NAME)
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("header b, .feedback-sso-sandbox-widget b").count() == 0
    assert page.evaluate("window.__xss") is None  # the page fixture also checks dialogs
