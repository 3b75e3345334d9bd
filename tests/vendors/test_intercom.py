"""Intercom's quirks (https://developers.intercom.com/installing-intercom/web/identity-
verification); its contract is generated (tests/contract/)."""

from __future__ import annotations

from typing import Any

from django_feedback_sso.shortcuts import issue_token_for
from tests.oracle import verify


def test_tokens_last_the_messenger_visit(user: Any) -> None:
    claims = verify("intercom", issue_token_for(user, "intercom").token)

    assert claims["exp"] - claims["iat"] == 3600  # Intercom's own example: now + 3600
