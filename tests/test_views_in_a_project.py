"""The views as a real project serves them: ``LoginRequiredMiddleware`` on, CSRF enforced.

Django's test client skips CSRF checks unless asked, and the test settings have no
``LoginRequiredMiddleware``; a project built with ``startproject`` has CSRF on, and many
add the middleware. These tests turn both on, so what the README promises is what such a
project answers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client, RequestFactory

from django_feedback_sso.views import TokenView, VendorView
from tests.settings import MIDDLEWARE, SECRETS

pytestmark = pytest.mark.django_db

LOGIN_REQUIRED = "django.contrib.auth.middleware.LoginRequiredMiddleware"
UNSAFE_METHODS = ["post", "put", "patch", "delete"]


@pytest.fixture
def login_required_site(settings: Any) -> None:
    """Every view needs a signed-in user unless it is marked ``login_not_required``."""
    settings.MIDDLEWARE = [*MIDDLEWARE, LOGIN_REQUIRED]


@pytest.fixture
def csrf_client() -> Client:
    """A browser as Django sees it: no CSRF cookie or token unless it fetched one."""
    return Client(enforce_csrf_checks=True)


def assert_json_405(response: Any) -> None:
    assert (response.status_code, response["Allow"]) == (405, "GET")
    assert response.json() == {"error": "method_not_allowed"}
    assert "no-store" in response["Cache-Control"]


# LoginRequiredMiddleware ----------------------------------------------------------------


@pytest.mark.usefixtures("login_required_site")
def test_token_endpoint_anonymous_is_401_json_under_login_required_middleware(
    client: Client,
) -> None:
    response = client.get("/feedback-sso/boostgpt/token/")

    assert response.status_code == 401
    assert response.json() == {"error": "authentication_required"}


@pytest.mark.usefixtures("login_required_site")
def test_token_endpoint_still_mints_for_a_signed_in_user_under_the_middleware(
    client: Client, user: Any
) -> None:
    client.force_login(user)

    response = client.get("/feedback-sso/boostgpt/token/")

    assert response.status_code == 200
    assert set(response.json()) == {"token", "expires_at"}


@pytest.mark.usefixtures("login_required_site")
def test_redirect_view_sends_anonymous_users_to_login_itself(client: Client) -> None:
    response = client.get("/feedback-sso/issuely/redirect/?next=/x")

    assert response.status_code == 302
    assert response["Location"] == ("/accounts/login/?next=/feedback-sso/issuely/redirect/"
                                    "%3Fnext%3D/x")


def forum_request(secret: str, return_sso_url: str) -> str:
    """A DiscourseConnect request as the forum signs it (strict base64, hex HMAC-SHA256)."""
    sso = base64.b64encode(urlencode({"nonce": "cb68251eefb5211e58c00ff1395f0c0b",
                                      "return_sso_url": return_sso_url}).encode()).decode()
    sig = hmac.new(secret.encode(), sso.encode(), hashlib.sha256).hexdigest()
    return urlencode({"sso": sso, "sig": sig})


@pytest.mark.usefixtures("login_required_site")
def test_handshakes_answer_under_login_required_and_csrf(csrf_client: Client, user: Any,
                                                         settings: Any) -> None:
    """DiscourseConnect and Freshworks' round trip as a project serves them: an anonymous
    visitor is sent to log in by the view itself and comes back; a signed-in one gets the
    answer, whatever the middleware."""
    forum = settings.FEEDBACK_SSO["VENDORS"]["discourse"]
    query = forum_request(SECRETS["discourse"], f"{forum['PORTAL_URL']}/session/sso_login")
    freshworks = "/feedback-sso/freshdesk/redirect/?state=c3RhdGU%3D&nonce=n0nce"
    discourse = f"/feedback-sso/discourse/redirect/?{query}"

    for path in (discourse, freshworks):
        anonymous = csrf_client.get(path)
        assert (anonymous.status_code, anonymous["Location"]) == (
            302, f"/accounts/login/?next={quote(path, safe='/')}")
    csrf_client.force_login(user)
    answered = csrf_client.get(discourse)
    assert answered.status_code == 302
    assert answered["Location"].startswith(f"{forum['PORTAL_URL']}/session/sso_login?sso=")
    token = csrf_client.get(freshworks)
    assert token.status_code == 302
    assert token["Location"].startswith(settings.FEEDBACK_SSO["VENDORS"]["freshdesk"]["SSO_URL"])
    assert "state=c3RhdGU%3D&id_token=" in token["Location"]


@pytest.mark.usefixtures("login_required_site")
def test_redirect_view_answers_its_own_404_to_anonymous_users(client: Client) -> None:
    """The view decides, not the middleware: an unknown vendor is a 404 for everyone."""
    assert client.get("/feedback-sso/launchnotes/redirect/").status_code == 404


@pytest.mark.usefixtures("login_required_site")
@pytest.mark.parametrize(("url", "expected"), [
    ("/sandbox/productlift/portal/roadmap", "text/html; charset=utf-8"),
    ("/sandbox/boostgpt/widget.js", "text/javascript; charset=utf-8"),
])
def test_sandbox_pages_are_public_like_the_vendor_sites_they_stand_in_for(
    client: Client, url: str, expected: str
) -> None:
    """An anonymous visitor's page loads the vendor's widget and links to its portal."""
    response = client.get(url)

    assert (response.status_code, response["Content-Type"]) == (200, expected)


@pytest.mark.usefixtures("login_required_site")
def test_sandbox_verify_endpoint_is_public(csrf_client: Client) -> None:
    response = csrf_client.post("/sandbox/issuely/verify/", {"token": "not-a-jwt"})

    assert response.status_code == 403
    assert response.json()["reason"] == "invalid_token"


# CSRF enforced --------------------------------------------------------------------------


@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_token_endpoint_other_methods_are_405_json_with_csrf_enforced(
    csrf_client: Client, user: Any, method: str
) -> None:
    csrf_client.force_login(user)

    assert_json_405(getattr(csrf_client, method)("/feedback-sso/sleekplan/token/"))


@pytest.mark.usefixtures("login_required_site")
@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_token_endpoint_anonymous_post_is_405_json_with_both_on(csrf_client: Client,
                                                                method: str) -> None:
    assert_json_405(getattr(csrf_client, method)("/feedback-sso/sleekplan/token/"))


@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_redirect_view_other_methods_are_405_with_csrf_enforced(
    csrf_client: Client, user: Any, method: str
) -> None:
    csrf_client.force_login(user)

    response = getattr(csrf_client, method)("/feedback-sso/issuely/redirect/")

    assert (response.status_code, response["Allow"]) == (405, "GET")
    assert "Location" not in response
    assert "no-store" in response["Cache-Control"]


def test_the_token_endpoint_still_answers_get_with_csrf_enforced(csrf_client: Client,
                                                                 user: Any) -> None:
    csrf_client.force_login(user)

    assert csrf_client.get("/feedback-sso/issuely/token/").status_code == 200


class PostingView(VendorView):
    """A view that changes state on POST: it must keep CSRF protection."""

    http_method_names = ["get", "post"]  # noqa: RUF012 - Django's own attribute, a list

    def post(self, request: HttpRequest, vendor_id: str) -> HttpResponse:
        return HttpResponse("changed")


@pytest.mark.parametrize(("view", "forbidden"), [
    (TokenView.as_view(), False),
    (PostingView.as_view(), True),
    (TokenView.as_view(http_method_names=["get", "post"]), True),
])
def test_only_views_serving_safe_methods_alone_are_csrf_exempt(view: Any,
                                                               forbidden: bool) -> None:
    csrf = CsrfViewMiddleware(lambda request: HttpResponse())

    answer = csrf.process_view(RequestFactory().post("/"), view, (), {"vendor_id": "x"})

    assert (answer is not None and answer.status_code == 403) == forbidden
