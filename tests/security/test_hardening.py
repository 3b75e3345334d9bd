"""Findings of the outside review (issue 9): each reproduced here, and refused since."""

from __future__ import annotations

import logging
import warnings
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from django_feedback_sso.checks import check_settings
from django_feedback_sso.exceptions import FeedbackSSOHookError, FeedbackSSORefused
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.tokens import MAX_TOKEN_LENGTH, MAX_URL_LENGTH
from tests.factories import UserFactory
from tests.oracle import verify
from tests.security.hooks import EXTRA

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls")]

HOOKS = "tests.security.hooks."


@pytest.mark.parametrize("url", [
    "https:user:hunter2@feedback.example.com",
    "https:/user:hunter2@feedback.example.com",
    "https:\\\\user:hunter2@feedback.example.com",
    "https://user:hunter2@feedback.example.com",
    "https://a@b:hunter2@feedback.example.com/",
])
def test_e009_never_quotes_a_password_however_the_url_is_written(settings: Any,
                                                                  url: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"productlift": {
        "SECRET": "x" * 40, "PORTAL_URL": url}}}
    errors = check_settings()
    assert {error.id for error in errors} == {"feedback_sso.E009"}
    assert errors[0].msg.startswith(
        "FEEDBACK_SSO['VENDORS']['productlift']['PORTAL_URL'] is 'https:***@")
    for error in errors:  # SDK_URL, built from PORTAL_URL, is reported too
        assert "hunter2" not in error.msg + error.hint


def test_warnings_as_errors_never_escape_signing_with_the_secret(vendor_settings: Any,
                                                                 settings: Any) -> None:
    """``python -W error`` turns PyJWT's short-key warning into an exception mid-signing."""
    secret = "short-secret-never-shown"
    vendor_settings("issuely", SECRET=secret)
    settings.DEBUG = True
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        response = client.get("/feedback-sso/issuely/token/")

    page = response.content.decode()
    assert response.status_code == 500
    assert "FeedbackSSOSigningError" in page
    assert "issuely: signing failed (InsecureKeyLengthWarning)" in page
    assert secret not in page


def short_key_token(vendor_settings: Any, secret: str) -> str:
    """A token signed with ``secret``, now Issuely's: shorter than HS256's 32 bytes."""
    vendor_settings("issuely", SECRET=secret)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyJWT warns of the short key once per key
        return issue_token_for(UserFactory(), "issuely").token


@pytest.mark.urls("tests.urls")
@pytest.mark.parametrize(("surface", "method", "url", "data"), [
    ("portal", "get", "/sandbox/issuely/portal/", {}),
    ("verify page", "post", "/sandbox/issuely/verify/", {"format": "html"}),
    ("verify JSON", "post", "/sandbox/issuely/verify/", {}),
])
def test_warnings_as_errors_never_escape_verifying_with_the_secret(
        vendor_settings: Any, settings: Any, surface: str, method: str, url: str,
        data: dict[str, str]) -> None:
    """Verifying with a short key under ``python -W error``: PyJWT's decode warns too."""
    secret = "short-secret-never-shown"
    token = short_key_token(vendor_settings, secret)
    settings.DEBUG = True
    client = Client(raise_request_exception=False)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        response = getattr(client, method)(url, {"token": token, **data})

    page = response.content.decode()
    assert response.status_code == 500, surface
    assert secret not in page
    assert "FeedbackSSOSigningError" in page
    assert "issuely: verifying failed (InsecureKeyLengthWarning)" in page


@pytest.mark.parametrize("email", ["victim@example.org\u00a0", "\u2003victim@example.org",
                                   "victim@example.org\n", " victim@example.org"])
def test_an_email_with_surrounding_space_is_refused_never_trimmed(email: str) -> None:
    user = UserFactory(email=email)

    with pytest.raises(FeedbackSSORefused) as refused:
        issue_token_for(user, "sleekplan")

    assert refused.value.reason == "invalid_email"


def test_the_stored_email_is_the_one_signed() -> None:
    user = UserFactory(email="Jane.Doe+sso@Example.org")
    assert verify("sleekplan", issue_token_for(user, "sleekplan").token)["mail"] == (
        "Jane.Doe+sso@Example.org")


@pytest.mark.parametrize("answer", [1, "yes", None, [True], object()])
def test_user_passes_must_answer_a_bool(settings: Any, answer: Any) -> None:
    EXTRA["passes"] = answer
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "USER_PASSES": HOOKS + "passes"}
    try:
        with pytest.raises(FeedbackSSOHookError, match=(
                f"sleekplan: USER_PASSES returned {type(answer).__name__}, not True or False")):
            issue_token_for(UserFactory(), "sleekplan")
    finally:
        EXTRA.clear()


def test_a_non_bool_user_passes_gives_no_token_and_is_logged(
        settings: Any, caplog: pytest.LogCaptureFixture) -> None:
    EXTRA["passes"] = "yes"
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "USER_PASSES": HOOKS + "passes"}
    client = Client()
    client.force_login(UserFactory())
    try:
        with caplog.at_level(logging.ERROR, logger="django_feedback_sso"):
            response = client.get("/feedback-sso/sleekplan/token/")
    finally:
        EXTRA.clear()

    assert (response.status_code, response.json()) == (503, {"error": "vendor_unavailable"})
    assert "USER_PASSES returned str" in caplog.text


def test_a_huge_display_name_is_cut_not_a_broken_redirect() -> None:
    user = UserFactory(first_name="N" * 12_000, last_name="")

    claims = verify("productlift", issue_token_for(user, "productlift").token)

    assert claims["name"] == "N" * 255


def test_a_token_too_large_for_a_url_is_refused_with_its_own_reason(
        settings: Any, caplog: pytest.LogCaptureFixture) -> None:
    EXTRA["sleekplan"] = {"meta": {"notes": "x" * 10_000}}
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "USER_CLAIMS": HOOKS + "extra_claims"}
    client = Client()
    client.force_login(UserFactory())
    try:
        with caplog.at_level(logging.WARNING, logger="django_feedback_sso"):
            response = client.get("/feedback-sso/sleekplan/token/")
    finally:
        EXTRA.clear()

    assert (response.status_code, response.json()) == (
        403, {"error": "refused", "reason": "token_too_large"})
    assert f"over the {MAX_TOKEN_LENGTH} limit" in caplog.text


def test_a_return_target_that_would_pass_8_kib_is_dropped(settings: Any) -> None:
    EXTRA["sleekplan"] = {"meta": {"notes": "x" * 4_500}}
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "USER_CLAIMS": HOOKS + "extra_claims"}
    client = Client()
    client.force_login(UserFactory())
    target = "/board/" + "p" * 2000
    try:
        response = client.get(f"/feedback-sso/sleekplan/redirect/?next={target}")
    finally:
        EXTRA.clear()

    location = response["Location"]
    assert len(location) <= MAX_URL_LENGTH
    # The portal's front page, not the target.
    assert location.startswith("https://acme.sleekplan.app?sso=")
    verify("sleekplan", parse_qs(urlsplit(location).query)["sso"][0])


@pytest.mark.parametrize(("value", "expected"), [
    ("12345", None), (12345, None),
    ("12a45", "must be a number (digits only), not '12a45'."),
    ("", None),  # unset: the tag then doesn't load the widget
    ("1</script>", "must be a number (digits only), not '1</script>'."),
    (-1, "must be a number (digits only), not -1."),
    (True, "must be a number (digits only), not True."),
    ("١٢٣", "must be a number (digits only), not '١٢٣'."),
])
def test_sleekplan_product_id_is_digits(vendor_settings: Any, value: Any,
                                        expected: str | None) -> None:
    vendor_settings("sleekplan", PRODUCT_ID=value)
    messages = [(m.id, m.msg) for m in check_settings()]
    if expected is None:
        assert messages == []
    else:
        assert messages == [("feedback_sso.E012",
                             f"FEEDBACK_SSO['VENDORS']['sleekplan']['PRODUCT_ID'] {expected}")]


@pytest.mark.parametrize(("vendor_id", "claims"), [
    ("sleekplan", {"img": "http://cdn.example/a.png", "id": 42}),
    ("sleekplan", {"img": "https://cdn.example/a.png", "id": "u-42"}),
    ("productlift", {"avatar_url": "http://cdn.example/a.png"}),
])
def test_documented_claim_forms_are_accepted(settings: Any, vendor_id: str,
                                             claims: dict[str, Any]) -> None:
    EXTRA[vendor_id] = claims
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "USER_CLAIMS": HOOKS + "extra_claims"}
    try:
        token = issue_token_for(UserFactory(), vendor_id).token
    finally:
        EXTRA.clear()
    assert {name: verify(vendor_id, token)[name] for name in claims} == claims


def test_a_claim_that_is_not_json_leaves_no_frame_holding_the_key(vendor_settings: Any,
                                                                 user: Any) -> None:
    """A CLASS building its own claims can hand the signer a date; the traceback's frames
    (Django's DEBUG page, Sentry) must not hold the key, in any repr."""
    import traceback

    vendor_settings("issuely", CLASS="tests.test_conf.DatedIssuely")
    try:
        issue_token_for(user, "issuely")
    except Exception as error:
        frames = traceback.TracebackException.from_exception(error, capture_locals=True)
        text = "".join(frames.format())
    else:
        raise AssertionError("a date claim was signed")

    assert "FeedbackSSOClaimError" in text
    assert "issuely-test-secret" not in text
