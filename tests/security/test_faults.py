"""A vendor that breaks at run time fails alone, loudly in development, quietly in production.

Each fault below breaks ProductLift only (``hooks.BROKEN``). The page and every other
vendor keep working; the tag logs and renders nothing (raises under DEBUG); the endpoint
answers a JSON 503; no token, whole or half-made, leaves the app for the broken vendor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from django_feedback_sso.exceptions import (
    FeedbackSSOClaimError,
    FeedbackSSOConfigurationError,
    FeedbackSSOHookError,
)
from django_feedback_sso.signals import token_issued
from tests.conftest import JWT_VENDORS, render_tag
from tests.oracle import verify
from tests.security.hooks import BROKEN

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls")]

HOOKS = "tests.security.hooks."

#: fault -> (settings change, the exception the tag raises under DEBUG).
FAULTS: dict[str, tuple[dict[str, Any], type[Exception]]] = {
    "secret removed": ({"vendor": {"SECRET": None}}, FeedbackSSOConfigurationError),
    "secret emptied": ({"vendor": {"SECRET": ""}}, FeedbackSSOConfigurationError),
    "claims hook raises": ({"USER_CLAIMS": HOOKS + "raising"}, RuntimeError),
    "claims hook returns a list": ({"USER_CLAIMS": HOOKS + "not_a_dict"},
                                   FeedbackSSOHookError),
    "passes hook answers a string": ({"USER_PASSES": HOOKS + "passes_a_string"},
                                     FeedbackSSOHookError),
    "claims hook returns NaN": ({"USER_CLAIMS": HOOKS + "nan"}, FeedbackSSOClaimError),
    "claims hook nests a date": ({"USER_CLAIMS": HOOKS + "nested_datetime"},
                                 FeedbackSSOClaimError),
    "claims hook sets exp": ({"USER_CLAIMS": HOOKS + "reserved"}, FeedbackSSOClaimError),
    "claims hook drops uid": ({"USER_CLAIMS": HOOKS + "drops_required"},
                              FeedbackSSOClaimError),
    "passes hook raises": ({"USER_PASSES": HOOKS + "passes_raising"}, RuntimeError),
}


@pytest.fixture(params=list(FAULTS))
def fault(request: Any, vendor_settings: Callable[..., Any]) -> type[Exception]:
    change, raised = FAULTS[request.param]
    vendor_settings(BROKEN, **change.get("vendor", {}))
    vendor_settings(**{k: v for k, v in change.items() if k != "vendor"})
    return raised


@pytest.fixture
def issued() -> Any:
    """Every token_issued signal sent during the test."""
    sent: list[dict[str, Any]] = []

    def receiver(**kwargs: Any) -> None:
        sent.append(kwargs)

    token_issued.connect(receiver)
    yield sent
    token_issued.disconnect(receiver)


def test_tag_renders_nothing_for_the_broken_vendor_and_logs_why(
    fault: type[Exception], user: Any, caplog: pytest.LogCaptureFixture, issued: Any
) -> None:
    with caplog.at_level(logging.ERROR, logger="django_feedback_sso"):
        assert render_tag(user, BROKEN) == ""
        assert render_tag(user, BROKEN, as_token=True) == ""

    errors = [r for r in caplog.records if r.name == "django_feedback_sso"]
    assert len(errors) == 2
    assert all(repr(BROKEN) in r.getMessage() and r.exc_info for r in errors)
    assert all(isinstance(r.exc_info[1], fault) for r in errors)  # type: ignore[index]
    assert not [event for event in issued if event["vendor_id"] == BROKEN]


def test_other_vendors_on_the_same_page_keep_working(fault: type[Exception], user: Any) -> None:
    client = Client()
    client.force_login(user)

    page = client.get("/page/").content.decode()

    assert "<main>content</main>" in page
    assert f"<section id='{BROKEN}'></section>" in page
    assert ' data-token="eyJ' in page  # Sleekplan's snippet still carries its token
    assert "data-user-token=" in page
    assert 'class="feedback-sso-link" data-feedback-sso="issuely"' in page


def test_under_debug_the_tag_raises_the_cause(
    fault: type[Exception], user: Any, settings: Any
) -> None:
    settings.DEBUG = True

    with pytest.raises(fault):
        render_tag(user, BROKEN)
    assert ' data-token="eyJ' in render_tag(user, "sleekplan")


def test_endpoint_answers_a_json_503_and_no_token(
    fault: type[Exception], user: Any, caplog: pytest.LogCaptureFixture, issued: Any
) -> None:
    client = Client()
    client.force_login(user)

    with caplog.at_level(logging.ERROR, logger="django_feedback_sso"):
        response = client.get(f"/feedback-sso/{BROKEN}/token/")

    assert response.status_code == 503
    assert response.json() == {"error": "vendor_unavailable"}
    assert "no-store" in response["Cache-Control"]
    assert any(repr(BROKEN) in r.getMessage() for r in caplog.records)
    assert not [event for event in issued if event["vendor_id"] == BROKEN]
    for vendor_id in JWT_VENDORS:
        if vendor_id != BROKEN:
            answer = client.get(f"/feedback-sso/{vendor_id}/token/")
            assert answer.status_code == 200, vendor_id
            if vendor_id in JWT_VENDORS:
                assert verify(vendor_id, answer.json()["token"])["jti"]


def test_redirect_view_never_sends_a_half_made_token(fault: type[Exception], user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(f"/feedback-sso/{BROKEN}/redirect/?next=/roadmap")

    # A vendor that can't even be configured is unavailable; one that can't mint for
    # this user sends them to the portal to sign in there, without a token.
    assert response.status_code in (302, 503)
    if response.status_code == 302:
        assert response["Location"] == "https://feedback.example.com/roadmap"
    assert "sso=" not in response.get("Location", "")
    assert client.get("/feedback-sso/issuely/redirect/")["Location"].startswith(
        "https://issuely.in/api/auth/sso?token=")


def test_under_debug_the_endpoint_raises_the_cause(
    fault: type[Exception], user: Any, settings: Any
) -> None:
    settings.DEBUG = True
    client = Client()
    client.force_login(user)

    with pytest.raises(fault):
        client.get(f"/feedback-sso/{BROKEN}/token/")


def test_a_broken_vendor_config_is_a_503_at_the_redirect_view(
    vendor_settings: Callable[..., Any], user: Any
) -> None:
    vendor_settings(BROKEN, SECRET=None)
    client = Client()
    client.force_login(user)

    response = client.get(f"/feedback-sso/{BROKEN}/redirect/")

    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["USER_CLAIMS", "USER_PASSES"])
def test_a_hook_module_that_fails_on_import_is_a_check_error_not_a_crash(
    vendor_settings: Callable[..., Any], user: Any, path: str
) -> None:
    from django_feedback_sso.checks import check_settings

    vendor_settings(**{path: "tests.security.broken_module.hook"})

    (error,) = check_settings()
    assert error.id == "feedback_sso.E010"
    assert "RuntimeError: this module has a bug at import time" in error.msg
    assert render_tag(user, "sleekplan") == ""  # logged, as any broken configuration


def test_a_vendor_class_that_fails_on_import_breaks_that_vendor_only(
    vendor_settings: Callable[..., Any], user: Any
) -> None:
    from django_feedback_sso.checks import check_settings

    vendor_settings(BROKEN, CLASS="tests.security.broken_module.Vendor")

    (error,) = check_settings()
    assert error.id == "feedback_sso.E010"
    assert render_tag(user, BROKEN) == ""
    assert ' data-token="eyJ' in render_tag(user, "sleekplan")
