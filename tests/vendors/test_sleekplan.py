"""Sleekplan's quirks (https://sleekplan.com/docs/authentication/single-sign-on); its contract
is generated (tests/contract/)."""

from __future__ import annotations

from typing import Any

import pytest

from django_feedback_sso.shortcuts import issue_token_for
from tests.browser.support import PANEL, Page, expect, fetches_a_fresh_token, log_in, panel
from tests.contract.forge import forge, good_claims, rejection
from tests.oracle import verify


def test_the_username_claim_is_lowercase_letters_and_digits_only(user: Any) -> None:
    # "Username. Use lowercase letters and numbers only."
    user.username = "Jane.Doe-42"

    claims = verify("sleekplan", issue_token_for(user, "sleekplan").token)

    assert claims["name"] == "janedoe42"
    assert "email" not in claims  # Sleekplan's email claim is mail


def test_the_sandbox_refuses_a_weight_outside_1_to_10(user: Any) -> None:
    # "User weighting from 1 to 10."
    token = forge("sleekplan", good_claims(user, "sleekplan", weight=11))

    rejected = rejection("sleekplan", token)

    assert (rejected.reason, rejected.claim) == ("invalid_claim", "weight")


@pytest.mark.browser
def test_sleek_sso_fetches_a_fresh_token_from_the_endpoint(page: Page) -> None:
    """Sleekplan calls $sleek.sso(callback) when a visitor does something that needs an
    account (its panel's Vote button); feedback-sso.js answers with a fresh token."""
    fetches_a_fresh_token(page, "sleekplan", f"{PANEL} button", "$sleek.sso")


@pytest.mark.browser
def test_staff_on_demand_gets_no_token(page: Page) -> None:
    log_in(page, "staff")
    page.goto("/vendors/sleekplan/")

    with page.expect_response(lambda r: r.url.endswith("/feedback-sso/sleekplan/token/")
                              ) as answer:
        page.click(f"{PANEL} button")

    assert answer.value.status == 403
    expect(panel(page, "sleekplan", "$sleek.sso")).to_have_attribute("data-sandbox-state",
                                                                     "anonymous")
