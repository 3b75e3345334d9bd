"""UserVoice's quirks (https://help.uservoice.com/hc/en-us/articles/360062340693); its
contract is generated (tests/contract/)."""

from __future__ import annotations

from typing import Any

from django_feedback_sso.shortcuts import issue_token_for
from tests.oracle import verify


def test_nothing_is_granted_by_default(user: Any) -> None:
    claims = verify("uservoice", issue_token_for(user, "uservoice").token)

    assert not {"trusted", "admin", "owner"} & set(claims)
