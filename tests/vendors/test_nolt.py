"""Nolt's quirks (https://nolt.io/help/single-sign-on); its contract is generated
(tests/contract/)."""

from __future__ import annotations

import pytest

from tests.browser.support import ZOE_NAME, Page, expect, log_in, panel


@pytest.mark.browser
def test_nolt_board_link_opens_signed_in(page: Page) -> None:
    """Nolt has no SSO URL: its library signs the user in when a data-nolt link is clicked."""
    log_in(page, "zoe")
    page.goto("/vendors/nolt/")
    expect(panel(page, "nolt", "identify")).to_have_attribute("data-sandbox-state", "signed-in")

    page.click("#snippet a[data-nolt]")

    expect(panel(page, "nolt", "data-nolt")).to_have_attribute("data-sandbox-user", ZOE_NAME)
