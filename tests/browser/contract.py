"""The contract in headless Chromium, generated for every built-in vendor from its folder.

On the example project's page of the vendor, Zoë signs in through the sandbox's stand-in,
which reads the token where the real vendor does (its fixture's ``widget``, ``sso_url`` and
``token_param``); staff stay anonymous; Zoë's hostile name stays text everywhere.
``tests/browser/test_contract.py`` makes a class for every folder.
"""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.support import PANEL, ZOE_NAME, Page, expect, log_in, panel
from tests.contract.facts import VendorFacts


class BrowserContract:
    """Every vendor's demo page."""

    vendor: ClassVar[VendorFacts]

    def test_hostile_display_name_is_text_and_runs_no_script(self, page: Page) -> None:
        log_in(page, "zoe")
        page.goto(f"/vendors/{self.vendor.id}/")
        page.wait_for_load_state("networkidle")

        expect(page.locator("[data-demo-user]")).to_have_text(ZOE_NAME)
        assert page.locator("img[src='x']").count() == 0
        assert page.locator(f"header b, {PANEL} b").count() == 0
        assert page.evaluate("window.__xss") is None  # the page fixture also checks dialogs


class WidgetSignIn(BrowserContract):
    """A vendor whose widget takes the token from the page."""

    def widget(self, page: Page) -> Any:
        return panel(page, self.vendor.id, str(self.vendor.rules.widget))

    def test_widget_snippet_signs_the_user_in(self, page: Page) -> None:
        log_in(page, "zoe")
        page.goto(f"/vendors/{self.vendor.id}/")

        expect(self.widget(page)).to_have_attribute("data-sandbox-state", "signed-in")
        expect(self.widget(page).locator(".sandbox-status")).to_have_text(
            f"Signed in as {ZOE_NAME} <zoe@example.com>")

    def test_staff_stays_anonymous_in_widgets(self, page: Page) -> None:
        log_in(page, "staff")
        page.goto(f"/vendors/{self.vendor.id}/")

        expect(self.widget(page)).to_have_attribute("data-sandbox-state", "anonymous")
        expect(page.locator(f"{PANEL}[data-sandbox-state='signed-in']")).to_have_count(0)


class PortalSignIn(BrowserContract):
    """A vendor with an SSO URL: the redirect view takes Zoë to its stand-in, signed in."""

    def landing_page(self, settings: Any, target: str | None) -> str:
        """The stand-in's page the token arrives on. The sandbox serves each vendor's pages
        under ``/sandbox/<id>/portal`` at the vendor's own paths: it is the documented SSO
        URL's, or for a vendor that takes the token on any page, the target's below the
        portal's."""
        rules, options = self.vendor.rules, settings.FEEDBACK_SSO["VENDORS"][self.vendor.id]
        sso_url = str(rules.sso_url)
        if target and rules.any_page:
            url = self.vendor.expand(str(rules.portal), options) + target
        elif sso_url.startswith("{"):
            url = self.vendor.expand(sso_url, options)
        else:  # the vendor's own host, not an option the sandbox replaces: its path
            return urlsplit(sso_url).path
        return urlsplit(url).path.removeprefix(f"/sandbox/{self.vendor.id}/portal") or "/"

    def signs_in_through(self, page: Page, link: str, settings: Any) -> None:
        """Zoë follows ``link`` on the vendor's page and arrives signed in."""
        log_in(page, "zoe")
        page.goto(f"/vendors/{self.vendor.id}/")
        href = str(page.locator(link).get_attribute("href"))
        (target,) = parse_qs(urlsplit(href).query).get("next", [None])

        page.click(link)

        portal = page.locator(".sandbox-portal")
        expect(portal).to_have_attribute("data-sandbox-vendor", self.vendor.id)
        expect(portal).to_have_attribute("data-sandbox-state", "signed-in")
        expect(portal.locator("[data-sandbox-user]")).to_have_text(ZOE_NAME)
        expect(portal.locator("h1 small")).to_have_text(self.landing_page(settings, target))

    def test_redirect_signs_the_user_in_at_the_portal(self, page: Page, settings: Any) -> None:
        self.signs_in_through(page, "[data-demo-redirect]", settings)

    def test_staff_stays_anonymous_at_portals(self, page: Page) -> None:
        log_in(page, "staff")
        page.goto(f"/vendors/{self.vendor.id}/")

        page.click("[data-demo-redirect]")

        expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state",
                                                                  "anonymous")


class TagLinkSignIn(PortalSignIn):
    """A vendor whose tag is a link through the redirect view."""

    def test_the_tags_link_signs_the_user_in(self, page: Page, settings: Any) -> None:
        self.signs_in_through(page, "#snippet a.feedback-sso-link", settings)


class VendorInitiated(BrowserContract):
    """A vendor whose portal sends visitors to the site's SSO page, naming the page: they
    come back signed in, the token where the vendor reads it."""

    def test_the_vendors_portal_sends_visitors_through_the_site(self, page: Page,
                                                                settings: Any) -> None:
        rules = self.vendor.rules
        options = settings.FEEDBACK_SSO["VENDORS"][self.vendor.id]
        log_in(page, "zoe")
        page.goto(self.vendor.expand(str(rules.portal), options) + "/")
        expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state",
                                                                  "anonymous")

        page.click("[data-sandbox-sign-in]")

        expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state",
                                                                  "signed-in")
        if rules.any_page:  # back on the page it sent, the token on it
            assert f"{rules.token_param}=" in urlsplit(page.url).query
        if rules.return_param:  # on its SSO URL, which goes on to the page it sent
            expect(page.locator("main")).to_contain_text("would now continue to")


class DiscourseConnectSignIn(BrowserContract):
    """A forum that starts the round trip (DiscourseConnect): its "Log in" signs Zoë in."""

    def forum(self, page: Page, settings: Any) -> None:
        options = settings.FEEDBACK_SSO["VENDORS"][self.vendor.id]
        page.goto(self.vendor.expand(str(self.vendor.rules.portal), options) + "/")
        expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state",
                                                                  "anonymous")

    def signed_in(self, page: Page) -> None:
        portal = page.locator(".sandbox-portal")
        expect(portal).to_have_attribute("data-sandbox-state", "signed-in")
        expect(portal.locator("[data-sandbox-user]")).to_have_text(ZOE_NAME)
        expect(portal.locator("[data-sandbox-email]")).to_have_text("zoe@example.com")
        expect(portal.locator("h1 small")).to_have_text("/session/sso_login")

    def test_the_forums_log_in_signs_zoe_in(self, page: Page, settings: Any) -> None:
        log_in(page, "zoe")
        self.forum(page, settings)

        page.click("[data-sandbox-sign-in]")

        self.signed_in(page)

    def test_the_tags_link_goes_round_the_forum_and_signs_zoe_in(self, page: Page) -> None:
        log_in(page, "zoe")
        page.goto(f"/vendors/{self.vendor.id}/")

        page.click("#snippet a.feedback-sso-link")

        self.signed_in(page)

    def test_staff_get_the_refusal_page(self, page: Page, settings: Any) -> None:
        log_in(page, "staff")
        self.forum(page, settings)

        page.click("[data-sandbox-sign-in]")

        expect(page.locator(f"[data-feedback-sso-refused='{self.vendor.id}']")).to_be_visible()
        expect(page.locator(".sandbox-portal[data-sandbox-state='signed-in']")).to_have_count(0)


class RoundTripSignIn(BrowserContract):
    """A vendor that starts the sign-in itself (Freshworks): the tag links to its portal,
    whose sign-in comes through the site's redirect view and back with the token."""

    def test_the_tags_link_starts_the_round_trip_and_signs_the_user_in(self,
                                                                      page: Page) -> None:
        log_in(page, "zoe")
        page.goto(f"/vendors/{self.vendor.id}/")

        page.click("#snippet a.feedback-sso-link")

        portal = page.locator(".sandbox-portal")
        expect(portal).to_have_attribute("data-sandbox-vendor", self.vendor.id)
        expect(portal).to_have_attribute("data-sandbox-state", "signed-in")
        expect(portal.locator("[data-sandbox-email]")).to_have_text("zoe@example.com")

    def test_staff_get_no_token(self, page: Page) -> None:
        log_in(page, "staff")
        page.goto(f"/vendors/{self.vendor.id}/")

        page.click("#snippet a.feedback-sso-link")

        expect(page.locator("body")).to_contain_text("can't be signed in")
        assert "id_token=" not in page.url


def browser_contract_tests(vendor_id: str) -> type[BrowserContract]:
    """``Test<Vendor>InTheBrowser``: the parts of the contract that apply to the vendor."""
    vendor = VendorFacts.of(vendor_id)
    rules = vendor.rules
    if rules.kind == "discourse_connect":
        return type(vendor.class_name("InTheBrowser"), (DiscourseConnectSignIn,),
                    {"vendor": vendor, "pytestmark": [pytest.mark.browser]})
    portal = ([] if rules.sso_url is None
              else [RoundTripSignIn] if rules.handshake == "oidc_implicit"
              else [PortalSignIn] if vendor.snippet else [TagLinkSignIn])
    parts = [*([VendorInitiated] if rules.sends_return_in else []), *portal,
             *([WidgetSignIn] if rules.widget else []), BrowserContract]
    return type(vendor.class_name("InTheBrowser"), tuple(parts),
                {"vendor": vendor, "pytestmark": [pytest.mark.browser]})
