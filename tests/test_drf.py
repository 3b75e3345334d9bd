"""The token endpoint as a REST framework view (``django_feedback_sso.contrib.drf``).

tests/settings.py sets REST framework's default authentication to token, then session;
these tests call the API with an ``Authorization: Token …`` header and no session cookie.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from django_feedback_sso.audit.models import AuditEntry
from tests.factories import StaffUserFactory, UserFactory
from tests.oracle import verify

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.drf_urls")]

API = "/api/feedback-sso/{}/token/"


def api_get(path: str, user: Any = None, **extra: Any) -> Any:
    """A GET with the user's API token and no session (a fresh client each time)."""
    headers = {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"} \
        if user is not None else {}
    client = Client()
    response = client.get(path, headers=headers, **extra)
    assert not client.cookies.get("sessionid")
    return response


@pytest.fixture(autouse=True)
def _fresh_throttles() -> None:
    cache.clear()


def test_url_names() -> None:
    assert reverse("feedback_sso_api:token", args=["sleekplan"]) == API.format("sleekplan")


@pytest.mark.parametrize("vendor_id", ["sleekplan", "feedbackchimp", "boostgpt"])
def test_token_authentication_without_a_session(vendor_id: str) -> None:
    user = UserFactory()
    response = api_get(API.format(vendor_id), user)
    assert response.status_code == 200
    body = response.json()
    claims = verify(vendor_id, body["token"])
    assert body == {"token": body["token"], "expires_at": claims["exp"]}
    assert "no-store" in response["Cache-Control"]
    assert response["Pragma"] == "no-cache"


def test_anonymous_gets_the_token_endpoints_401_with_a_challenge() -> None:
    response = api_get(API.format("sleekplan"))
    assert (response.status_code, response.json(), response["WWW-Authenticate"]) == (
        401, {"error": "authentication_required"}, "Token")


def test_a_bad_api_token_is_refused_by_rest_framework() -> None:
    response = Client().get(API.format("sleekplan"), headers={"Authorization": "Token nope"})
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})


def test_staff_are_refused_as_by_the_token_endpoint() -> None:
    response = api_get(API.format("sleekplan"), StaffUserFactory())
    assert (response.status_code, response.json()) == (
        403, {"error": "refused", "reason": "staff"})


def test_a_broken_configuration_is_unavailable(vendor_settings: Any) -> None:
    vendor_settings("issuely", COMPANY_ID=None)
    response = api_get(API.format("issuely"), UserFactory())
    assert (response.status_code, response.json()) == (503, {"error": "vendor_unavailable"})


def test_unknown_configuration_is_a_404() -> None:
    assert api_get(API.format("nosuchvendor"), UserFactory()).status_code == 404


def test_post_is_not_allowed() -> None:
    user = UserFactory()
    token = Token.objects.create(user=user).key
    response = Client().post(API.format("sleekplan"), headers={"Authorization": f"Token {token}"})
    assert response.status_code == 405


@pytest.mark.parametrize("who", ["anonymous", "user", "staff", "inactive"])
def test_same_status_and_json_as_the_token_endpoint(who: str) -> None:
    user = {"anonymous": None, "user": UserFactory(), "staff": StaffUserFactory(),
            "inactive": UserFactory(is_active=False)}[who]
    session = Client()
    if user is not None:
        session.force_login(user)
    answers = []
    for response in (session.get("/feedback-sso/sleekplan/token/"),
                     api_get(API.format("sleekplan"), user) if who != "inactive"
                     else _inactive_api_answer(user)):
        body = response.json()
        answers.append((response.status_code, sorted(body) if "token" in body else body))
    assert answers[0] == answers[1]


def _inactive_api_answer(user: Any) -> Any:
    """REST framework refuses an inactive user's API token itself; with a session (the
    other default class) the inactive user reaches our policy, as on the token endpoint."""
    client = Client()
    client.force_login(user)
    return client.get(API.format("sleekplan"))


def test_throttled_the_rest_framework_way() -> None:
    user = UserFactory()
    answers = [api_get("/throttled/sleekplan/token/", user).status_code for _ in range(3)]
    assert answers == [200, 200, 429]


def test_login_required_middleware_leaves_the_answer_to_rest_framework(settings: Any) -> None:
    settings.MIDDLEWARE = [*settings.MIDDLEWARE,
                           "django.contrib.auth.middleware.LoginRequiredMiddleware"]
    assert api_get(API.format("sleekplan"), UserFactory()).status_code == 200
    assert api_get(API.format("sleekplan")).status_code == 401


def test_the_audit_log_records_the_api_surface(audit_log: None) -> None:
    user = UserFactory(username="ada")
    api_get(API.format("sleekplan"), user)
    assert [(row.username, row.surface, row.path) for row in AuditEntry.objects.all()] == [
        ("ada", "api", "/api/feedback-sso/sleekplan/token/")]
