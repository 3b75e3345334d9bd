"""ProductLift's quirks (https://www.productlift.dev/docs/single-sign-on); its contract is
generated (tests/contract/)."""

from __future__ import annotations

import pytest

from tests.browser.support import Page, fetches_a_fresh_token


@pytest.mark.browser
def test_reloading_the_sdk_takes_a_fresh_token(page: Page) -> None:
    """The SDK reads ?sso= from its own URL: a single-page app loads it again with a fresh
    token (the second panel)."""
    fetches_a_fresh_token(page, "productlift", "[data-demo-flow]", "sso-param", index=1)
