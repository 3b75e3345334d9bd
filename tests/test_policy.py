"""Who gets a token: anonymous, inactive, staff and email-less users are refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from django_feedback_sso.exceptions import FeedbackSSORefused
from django_feedback_sso.shortcuts import issue_token_for
from tests.factories import UserFactory
from tests.oracle import verify

pytestmark = pytest.mark.django_db


CALLS: list[tuple[Any, str]] = []


def email_verified(user: Any, config_id: str) -> bool:
    CALLS.append((user, config_id))
    return user.last_name == "Verified"


def refusal(user: Any, vendor_id: str = "sleekplan") -> str:
    with pytest.raises(FeedbackSSORefused) as excinfo:
        issue_token_for(user, vendor_id)
    return excinfo.value.reason


def test_anonymous_user_is_refused() -> None:
    assert refusal(AnonymousUser()) == "anonymous"
    assert refusal(None) == "anonymous"


def test_inactive_user_is_refused() -> None:
    assert refusal(UserFactory(is_active=False)) == "inactive"


def test_user_without_email_is_refused() -> None:
    assert refusal(UserFactory(email="")) == "no_email"


@pytest.mark.parametrize("vendor_id", ["sleekplan", "productlift", "feedbackchimp",
                                       "issuely", "boostgpt"])
@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_staff_and_superusers_are_refused_by_default(vendor_id: str, flag: str) -> None:
    assert refusal(UserFactory(**{flag: True}), vendor_id) == "staff"


def test_allow_staff_is_per_vendor(vendor_settings: Any, staff_user: Any) -> None:
    vendor_settings("boostgpt", ALLOW_STAFF=True)

    assert verify("boostgpt", issue_token_for(staff_user, "boostgpt").token)["email"]
    assert refusal(staff_user, "sleekplan") == "staff"


def test_user_passes_hook(vendor_settings: Any) -> None:
    vendor_settings(USER_PASSES="tests.test_policy.email_verified")
    unverified, verified = UserFactory(last_name="Unverified"), UserFactory(last_name="Verified")
    CALLS.clear()

    assert refusal(unverified) == "user_passes"
    assert verify("issuely", issue_token_for(verified, "issuely").token)["email"] == (
        verified.email)
    assert [(unverified, "sleekplan"), (verified, "issuely")] == CALLS


def test_refusal_message_names_vendor_and_reason_only() -> None:
    with pytest.raises(FeedbackSSORefused, match=r"^issuely: no token for this user \(staff\)$"):
        issue_token_for(UserFactory(is_staff=True), "issuely")
