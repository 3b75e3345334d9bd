"""The demo as a person sees it at 1280x900: nothing covered, cut off, empty or a dead end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.support import Page, expect, log_in

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1280, 900
PANEL = ".feedback-sso-sandbox-widget"


@pytest.fixture
def screen(page: Page) -> Iterator[Page]:
    """The page at 1280x900, put back to its own size afterwards (it is shared)."""
    size = page.viewport_size
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    yield page
    if size:
        page.set_viewport_size(size)


@pytest.mark.parametrize(("vendor_id", "name"), [
    ("sleekplan", "Sleekplan"), ("productlift", "ProductLift"), ("boostgpt", "BoostGPT"),
])
def test_script_only_snippets_say_where_the_widget_went(screen: Page, vendor_id: str,
                                                        name: str) -> None:
    log_in(screen, "zoe")
    screen.goto(f"/vendors/{vendor_id}/")

    expect(screen.locator(".live")).to_have_text(
        "The tag rendered only <script> elements here, nothing visible: they load "
        f"{name}'s widget and hand it a token if you may have one. The widget is the "
        f"sandbox's panel, which says who {name} signed in.")


@pytest.mark.parametrize(("vendor_id", "name"), [("feedbackchimp", "FeedbackChimp"),
                                               ("issuely", "Issuely")])
def test_link_snippets_show_only_the_link(screen: Page, vendor_id: str, name: str) -> None:
    log_in(screen, "zoe")
    screen.goto(f"/vendors/{vendor_id}/")

    expect(screen.locator(".live")).to_have_text(f"Open {name}")


@pytest.mark.parametrize(("vendor_id", "button", "panels"), [
    ("sleekplan", f"{PANEL} button", 2),
    ("productlift", "[data-demo-flow]", 2),
    ("boostgpt", "[data-demo-flow]", 2),
])
def test_sandbox_panels_fit_the_window_beside_the_content(
        screen: Page, vendor_id: str, button: str, panels: int) -> None:
    log_in(screen, "zoe")
    screen.goto(f"/vendors/{vendor_id}/")
    expect(screen.locator(PANEL).first).to_have_attribute("data-sandbox-state", "signed-in")

    screen.click(button)

    expect(screen.locator(f"{PANEL}[data-sandbox-state='signed-in']")).to_have_count(panels)
    main = screen.locator("main").bounding_box()
    assert main is not None
    for index in range(panels):
        box = screen.locator(PANEL).nth(index).bounding_box()
        assert box is not None
        assert box["x"] >= main["x"] + main["width"], "a panel covers the page's content"
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= HEIGHT, "a panel runs off the screen"
        assert box["x"] + box["width"] <= WIDTH


def test_portal_links_back_to_the_page_that_sent_the_user(screen: Page) -> None:
    log_in(screen, "zoe")
    screen.goto("/vendors/issuely/")
    screen.click("#snippet a.feedback-sso-link")
    expect(screen.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "signed-in")

    screen.click("[data-sandbox-back]")

    expect(screen.locator("h1")).to_have_text("Issuely")
    assert screen.url.endswith("/vendors/issuely/")
