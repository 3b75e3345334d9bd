"""Claims from the user: defaults, custom user models, static claims and hooks."""

from __future__ import annotations

import datetime
import enum
import math
from typing import Any

import pytest
from django.utils.safestring import mark_safe

from django_feedback_sso.exceptions import FeedbackSSOClaimError, FeedbackSSOHookError
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.vendors.base import is_plain_json
from tests.factories import EmailUserFactory, UserFactory
from tests.oracle import verify

pytestmark = pytest.mark.django_db

HOOKS: dict[str, Any] = {}


def user_claims_hook(user: Any, vendor_id: str) -> Any:
    """Stands in for a project's USER_CLAIMS hook; each test sets what it returns."""
    return HOOKS["result"](user, vendor_id)


@pytest.fixture
def hook(vendor_settings: Any) -> Any:
    vendor_settings(USER_CLAIMS="tests.test_claims.user_claims_hook")

    def returns(result: Any) -> None:
        HOOKS["result"] = result if callable(result) else (lambda user, vendor_id: result)

    yield returns
    HOOKS.clear()


def test_display_name_falls_back_to_username_when_no_full_name() -> None:
    user = UserFactory(first_name="", last_name="", username="solo")

    claims = verify("productlift", issue_token_for(user, "productlift").token)

    assert claims["name"] == "solo"


def test_custom_user_model_email_login_no_names_uuid_pk() -> None:
    member = EmailUserFactory(email="Ada.Lovelace@example.org")

    sleek = verify("sleekplan", issue_token_for(member, "sleekplan").token)
    lift = verify("productlift", issue_token_for(member, "productlift").token)

    assert sleek["mail"] == "Ada.Lovelace@example.org"
    assert sleek["id"] == str(member.pk)
    assert len(sleek["id"]) == 36
    assert sleek["full_name"] == "Ada.Lovelace@example.org"
    assert sleek["name"] == "adalovelace"  # the local part, made lowercase alphanumeric
    assert lift["uid"] == str(member.pk)


def test_sleekplan_name_is_left_out_when_nothing_alphanumeric_remains() -> None:
    user = UserFactory(username="@-_.+")

    claims = verify("sleekplan", issue_token_for(user, "sleekplan").token)

    assert "name" not in claims


def test_static_claims_from_settings(vendor_settings: Any, user: Any) -> None:
    vendor_settings("issuely", CLAIMS={"projectId": "proj_abc123"}, ROLE="AGENT")

    claims = verify("issuely", issue_token_for(user, "issuely").token)

    assert claims["projectId"] == "proj_abc123"
    assert claims["role"] == "AGENT"


def test_project_id_option_fills_the_claim(vendor_settings: Any, user: Any) -> None:
    vendor_settings("issuely", PROJECT_ID="proj_1")

    assert verify("issuely", issue_token_for(user, "issuely").token)["projectId"] == "proj_1"


def test_hook_adds_per_user_claims(hook: Any, user: Any) -> None:
    hook(lambda u, vendor_id: {"mrr": "10.99", "company": "ABC", "segment_1": vendor_id}
         if vendor_id == "productlift" else {"weight": 7, "meta": {"plan": "pro"}})

    lift = verify("productlift", issue_token_for(user, "productlift").token)
    sleek = verify("sleekplan", issue_token_for(user, "sleekplan").token)

    assert (lift["mrr"], lift["company"], lift["segment_1"]) == ("10.99", "ABC", "productlift")
    assert (sleek["weight"], sleek["meta"]) == (7, {"plan": "pro"})


def test_hook_can_drop_a_default_claim(hook: Any, user: Any) -> None:
    hook({"full_name": None})

    assert "full_name" not in verify("sleekplan", issue_token_for(user, "sleekplan").token)


def test_hook_can_grant_a_role(hook: Any, user: Any) -> None:
    hook({"role": "AGENT"})

    assert verify("issuely", issue_token_for(user, "issuely").token)["role"] == "AGENT"


@pytest.mark.parametrize(
    ("vendor_id", "result", "claim", "problem"),
    [
        ("sleekplan", {"weight": 11}, "weight", "at most 10"),
        ("sleekplan", {"weight": 0}, "weight", "at least 1"),
        ("sleekplan", {"weight": "5"}, "weight", "an integer"),
        ("sleekplan", {"weight": True}, "weight", "boolean"),
        ("sleekplan", {"name": "Jane Doe"}, "name", "must match"),
        ("sleekplan", {"img": "javascript:alert(1)"}, "img", "must match"),
        ("sleekplan", {"meta": ["x"]}, "meta", "an object"),
        ("issuely", {"role": "ADMIN"}, "role", "CUSTOMER, AGENT"),
        ("productlift", {"mrr": [1]}, "mrr", "a string or an integer"),
        ("productlift", {"when": object()}, "when", "JSON-serialisable"),
        ("productlift", {"exp": 9999999999}, "exp", "set by the app"),
        ("boostgpt", {"jti": "fixed"}, "jti", "set by the app"),
    ],
)
def test_hook_values_breaking_vendor_rules_are_errors_naming_vendor_and_claim(
    hook: Any, user: Any, vendor_id: str, result: Any, claim: str, problem: str
) -> None:
    hook(result)

    with pytest.raises(FeedbackSSOClaimError) as excinfo:
        issue_token_for(user, vendor_id)

    assert excinfo.value.config_id == vendor_id
    assert excinfo.value.claim == claim
    assert str(excinfo.value).startswith(f"{vendor_id}: claim {claim!r}")
    assert problem in str(excinfo.value)


def test_hook_returning_a_non_dict_is_an_error(hook: Any, user: Any) -> None:
    hook(["mrr"])

    with pytest.raises(FeedbackSSOHookError,
                       match="productlift: USER_CLAIMS returned list, not a dict"):
        issue_token_for(user, "productlift")


def test_hook_removing_a_required_claim_is_an_error(hook: Any, user: Any) -> None:
    hook({"uid": None})

    with pytest.raises(FeedbackSSOClaimError, match="'uid' is required by ProductLift"):
        issue_token_for(user, "productlift")


def test_role_is_never_taken_from_user_fields(user: Any) -> None:
    user.first_name, user.last_name, user.username = "AGENT", "", "AGENT"

    claims = verify("issuely", issue_token_for(user, "issuely").token)

    assert "role" not in claims


class Seats(enum.IntEnum):
    TEN = 10


@pytest.mark.parametrize(("value", "plain"), [
    ("text", True), (mark_safe("safe"), True), (7, True), (Seats.TEN, True), (True, True),
    (None, True), (1.5, True), (math.nan, False), (-math.inf, False),
    ({"a": [1, "b", None]}, True), ({"a": [1.5, math.nan]}, False),
    ({"since": datetime.date(2020, 1, 1)}, False), (object(), False), ({1, 2}, False),
])
def test_plain_json_answers_as_strict_json_dumps_does(value: Any, plain: bool) -> None:
    assert is_plain_json(value) is plain


def test_claims_nest_at_most_32_deep_on_every_python() -> None:
    """Python 3.13's JSON encoder nests deeper than 3.12's before a RecursionError: the
    bound is the app's, so the answer is the same on every supported Python."""
    def nested(depth: int) -> Any:
        value: Any = "leaf"
        for _ in range(depth):
            value = {"k": value}
        return value

    assert is_plain_json(nested(32))
    assert not is_plain_json(nested(33))
    assert not is_plain_json(nested(5000))
    assert not is_plain_json({1: "non-string key"})
