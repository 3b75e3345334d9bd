"""End to end in headless Chromium for the issue-12 vendors Canny, Featurebase, FeatureOS,
Userback, Productlane, Suggix, Website Toolbox and Zendesk Help Center: each sandbox
stand-in reads the token where the real vendor does and signs Zoë in."""

from __future__ import annotations

import pytest

from tests.browser.support import ZOE_NAME, Page, expect, log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("vendor_id", "page_path"), [
    ("canny", "/api/redirects/sso"),
    ("featurebase", "/api/v1/auth/access/jwt"),
    ("featureos", "/redirects/sso"),
    ("userback", "/"),
    ("productlane", "/api/portal/sso"),
    ("suggix", "/roadmap"),
    ("website_toolbox", "/oauth"),
    ("zendesk", "/access/jwt"),  # by the POST form
])
def test_redirect_signs_the_user_in_at_the_portal(page: Page, vendor_id: str,
                                                  page_path: str) -> None:
    log_in(page, "zoe")
    page.goto(f"/vendors/{vendor_id}/")

    page.click("[data-demo-redirect]")

    portal = page.locator(".sandbox-portal")
    expect(portal).to_have_attribute("data-sandbox-vendor", vendor_id)
    expect(portal).to_have_attribute("data-sandbox-state", "signed-in")
    expect(portal.locator("[data-sandbox-user]")).to_have_text(ZOE_NAME)
    expect(portal.locator("h1 small")).to_have_text(page_path)


@pytest.mark.parametrize("vendor_id", ["canny", "featurebase", "featureos", "suggix",
                                       "zendesk"])
def test_the_vendors_portal_sends_visitors_through_the_site(page: Page, vendor_id: str) -> None:
    """Vendor-initiated sign-in: the portal's log-in link names the redirect view with the
    vendor's own return parameter; the user comes back signed in."""
    log_in(page, "zoe")
    page.goto(f"/vendors/{vendor_id}/")
    page.click("[data-demo-portal]")
    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "anonymous")

    page.click("[data-sandbox-sign-in]")

    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "signed-in")


def test_zendesk_gets_its_parameters_back_and_the_token_by_post(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/zendesk/")

    with page.expect_request(lambda r: "/sandbox/zendesk/portal/access/jwt" in r.url) as sent:
        page.click("[data-demo-vendor-initiated]")

    assert sent.value.method == "POST"
    assert "jwt=" not in sent.value.url
    assert sent.value.post_data.startswith("jwt=")
    main = page.locator(".sandbox-portal")
    expect(main).to_have_attribute("data-sandbox-state", "signed-in")
    expect(main.locator("[data-sandbox-passed-back]")).to_have_text(
        "Zendesk Help Center got back: brand_id=360001, locale_id=1, timestamp=1700000000.")
    expect(main).to_contain_text("would now continue to")


def test_staff_reach_zendesk_without_a_token(page: Page) -> None:
    log_in(page, "staff")
    page.goto("/vendors/zendesk/")

    page.click("[data-demo-redirect]")

    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "anonymous")
