"""FeedbackChimp's quirks (https://help.feedbackchimp.com/articles/10063-single-sign-on-sso);
its contract is generated (tests/contract/)."""

from __future__ import annotations

import pytest

from tests.browser.support import Page, expect, log_in


@pytest.mark.browser
def test_a_reloaded_feedbackchimp_token_is_refused_as_replayed(page: Page) -> None:
    """"jti is used to prevent token replaying attacks": reloading the page FeedbackChimp
    signed the user in on sends the same token again."""
    log_in(page, "zoe")
    page.goto("/vendors/feedbackchimp/")
    page.click("#snippet a.feedback-sso-link")
    expect(page.locator(".sandbox-portal")).to_have_attribute("data-sandbox-state", "signed-in")

    page.reload()

    expect(page.locator("[data-sandbox-reason]")).to_have_text("replayed")
