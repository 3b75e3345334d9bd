"""BoostGPT's quirks (https://docs.boostgpt.co/saas/chat-widget/sso); its contract is
generated (tests/contract/)."""

from __future__ import annotations

from typing import Any

import pytest

from django_feedback_sso.shortcuts import issue_token_for
from tests.browser.support import Page, fetches_a_fresh_token
from tests.oracle import verify


def test_tokens_last_the_hour_the_widget_may_wait(user: Any) -> None:
    # The widget hands the token over when the chat opens; "Tokens expire after 1 hour".
    claims = verify("boostgpt", issue_token_for(user, "boostgpt").token)

    assert claims["exp"] - claims["iat"] == 3600


@pytest.mark.browser
def test_init_starts_the_chat_with_a_fresh_token(page: Page) -> None:
    """A single-page app calls BoostGPTWidget.init({userToken}) with a fresh token."""
    fetches_a_fresh_token(page, "boostgpt", "[data-demo-flow]", "init")
