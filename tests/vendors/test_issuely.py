"""Issuely's quirks (https://tickets.sonnetinfotech.com/help/sso); its contract is generated
(tests/contract/)."""

from __future__ import annotations

from typing import Any

import pytest

from django_feedback_sso.shortcuts import issue_token_for
from tests.contract.forge import forge, good_claims, rejection
from tests.oracle import verify


def test_tokens_last_five_minutes_and_grant_no_role(user: Any) -> None:
    claims = verify("issuely", issue_token_for(user, "issuely").token)

    assert claims["exp"] - claims["iat"] == 300  # default 5 minutes, Issuely's own example
    assert "role" not in claims  # Issuely's default CUSTOMER applies


@pytest.mark.parametrize(("claim", "value"), [
    ("role", "ADMIN"),  # CUSTOMER or AGENT
    ("companyId", "someone-else"),  # not this account's COMPANY_ID
])
def test_the_sandbox_refuses_an_invalid_claim_value(claim: str, value: Any, user: Any) -> None:
    token = forge("issuely", good_claims(user, "issuely", **{claim: value}))

    rejected = rejection("issuely", token)

    assert (rejected.reason, rejected.claim) == ("invalid_claim", claim)
