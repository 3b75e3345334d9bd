"""The token endpoint and the redirect view, under WSGI and ASGI. What each vendor's token
and redirect must be is in the generated contract (tests/contract/)."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from asgiref.sync import async_to_sync
from django.http import HttpResponse
from django.test import AsyncClient, Client
from django.utils.cache import add_never_cache_headers
from django.utils.http import parse_http_date

from django_feedback_sso.views import never_cached
from tests.conftest import VENDORS
from tests.contract.token import assert_never_cached
from tests.oracle import verify

pytestmark = pytest.mark.django_db


def query(location: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(location).query)


# The token endpoint ---------------------------------------------------------------------


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_token_endpoint_anonymous_is_401_json_not_a_login_redirect(client: Client,
                                                                    vendor_id: str) -> None:
    response = client.get(f"/feedback-sso/{vendor_id}/token/")

    assert response.status_code == 401
    assert response.json() == {"error": "authentication_required"}
    assert_never_cached(response)


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_token_endpoint_refuses_staff_with_403(client: Client, staff_user: Any,
                                               vendor_id: str) -> None:
    client.force_login(staff_user)

    response = client.get(f"/feedback-sso/{vendor_id}/token/")

    assert response.status_code == 403
    assert response.json() == {"error": "refused", "reason": "staff"}


@pytest.mark.parametrize("vendor_id", ["launchnotes", "not-a-vendor"])
def test_token_endpoint_unknown_vendor_is_404(client: Client, user: Any,
                                              vendor_id: str) -> None:
    client.force_login(user)

    assert client.get(f"/feedback-sso/{vendor_id}/token/").status_code == 404


def test_token_endpoint_built_in_but_unconfigured_vendor_is_404(
    client: Client, user: Any, settings: Any
) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"boostgpt": settings.FEEDBACK_SSO["VENDORS"]
                                         ["boostgpt"]}}
    client.force_login(user)

    assert client.get("/feedback-sso/issuely/token/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_token_endpoint_other_methods_are_405(client: Client, user: Any, method: str) -> None:
    client.force_login(user)

    response = getattr(client, method)("/feedback-sso/sleekplan/token/")

    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {"error": "method_not_allowed"}


def test_token_endpoint_broken_vendor_is_a_json_error_and_others_keep_working(
    client: Client, user: Any, vendor_settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    vendor_settings("issuely", SECRET=None)
    client.force_login(user)

    with caplog.at_level(logging.ERROR, logger="django_feedback_sso"):
        broken = client.get("/feedback-sso/issuely/token/")

    assert broken.status_code == 503
    assert broken.json() == {"error": "vendor_unavailable"}
    assert "configuration for 'issuely' failed" in caplog.text
    assert client.get("/feedback-sso/boostgpt/token/").status_code == 200


# The redirect view ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vendor_id", "next_url", "expected_base", "token_param"),
    [
        ("productlift", None, "https://feedback.example.com", "sso"),
        ("productlift", "/roadmap?tab=new", "https://feedback.example.com/roadmap", "sso"),
        ("productlift", "https://feedback.example.com/p/42", "https://feedback.example.com/p/42",
         "sso"),
        ("sleekplan", "/changelog", "https://acme.sleekplan.app/changelog", "sso"),
    ],
)
def test_portal_redirect_appends_the_token_to_the_return_target(
    client: Client, user: Any, vendor_id: str, next_url: str | None, expected_base: str,
    token_param: str
) -> None:
    client.force_login(user)

    response = client.get(f"/feedback-sso/{vendor_id}/redirect/",
                          {"next": next_url} if next_url else {})

    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == expected_base
    assert verify(vendor_id, query(response["Location"])[token_param][0])


def test_a_return_targets_other_parameters_are_kept(client: Client, user: Any) -> None:
    client.force_login(user)

    response = client.get("/feedback-sso/productlift/redirect/", {"next": "/roadmap?tab=new"})

    assert sorted(query(response["Location"])) == ["sso", "tab"]
    assert query(response["Location"])["tab"] == ["new"]


HOSTILE_TARGETS = [
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "/%2F%2Fevil.example",
    "https://evil.example/",
    "https://feedback.example.com@evil.example/",
    "https://feedback.example.com.evil.example/",
    "https://evilfeedback.example.com/",
    "http://feedback.example.com/",
    "https://feedback.example.com:8443/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/roadmap\r\nSet-Cookie: x=1",
    "https://feedbаck.example.com/",  # Cyrillic а
    " https://evil.example/",
]


@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_hostile_return_targets_are_dropped(client: Client, user: Any, target: str) -> None:
    client.force_login(user)

    response = client.get("/feedback-sso/productlift/redirect/", {"next": target})

    location = urlsplit(response["Location"])
    assert (location.scheme, location.netloc, location.path) == ("https",
                                                                 "feedback.example.com", "")
    assert "evil" not in response["Location"]


def test_return_hosts_extend_the_allow_list(client: Client, user: Any,
                                            vendor_settings: Any) -> None:
    vendor_settings("productlift", RETURN_HOSTS=["roadmap.example.com"])
    client.force_login(user)

    response = client.get("/feedback-sso/productlift/redirect/",
                          {"next": "https://roadmap.example.com/ideas"})

    assert response["Location"].startswith("https://roadmap.example.com/ideas?sso=ey")


@pytest.mark.parametrize("target", ["/roadmap?sso=attacker-token", "/roadmap?SSO=attacker-token",
                                    "/roadmap?tab=new;sso[]=attacker-token"])
def test_a_target_with_a_token_parameter_is_dropped(client: Client, user: Any,
                                                    target: str) -> None:
    client.force_login(user)

    response = client.get("/feedback-sso/productlift/redirect/", {"next": target})

    location = urlsplit(response["Location"])
    assert (location.netloc, location.path) == ("feedback.example.com", "")
    (token,) = query(response["Location"])["sso"]
    assert verify("productlift", token)["email"] == user.email


def test_redirect_anonymous_goes_to_login_and_back(client: Client) -> None:
    response = client.get("/feedback-sso/issuely/redirect/?next=/x")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?")
    assert query(response["Location"])["next"] == ["/feedback-sso/issuely/redirect/?next=/x"]


def test_redirect_refused_user_keeps_a_safe_return_target(client: Client,
                                                          staff_user: Any) -> None:
    client.force_login(staff_user)

    response = client.get("/feedback-sso/productlift/redirect/", {"next": "/roadmap"})

    assert response["Location"] == "https://feedback.example.com/roadmap"


def test_redirect_unknown_vendor_is_404(client: Client, user: Any) -> None:
    client.force_login(user)

    assert client.get("/feedback-sso/launchnotes/redirect/").status_code == 404


def test_redirect_post_is_405(client: Client, user: Any) -> None:
    client.force_login(user)

    assert client.post("/feedback-sso/issuely/redirect/").status_code == 405


def test_redirect_broken_vendor_sends_to_the_portal_without_a_token(
    client: Client, user: Any, vendor_settings: Any
) -> None:
    vendor_settings(USER_CLAIMS="tests.test_views.exploding_hook")
    client.force_login(user)

    response = client.get("/feedback-sso/productlift/redirect/")

    assert response["Location"] == "https://feedback.example.com"


def exploding_hook(user: Any, vendor_id: str) -> dict[str, Any]:
    raise RuntimeError("the CRM is down")


# ASGI -----------------------------------------------------------------------------------


# Django's AsyncClient drives the ASGI handler; async_to_sync keeps the event loop on this
# thread, so the in-memory test database stays reachable without an async test plugin.


def test_async_token_endpoint(async_client: AsyncClient, user: Any) -> None:
    async def scenario() -> Any:
        await async_client.aforce_login(user)
        return await async_client.get("/feedback-sso/boostgpt/token/")

    response = async_to_sync(scenario)()

    assert response.status_code == 200
    assert verify("boostgpt", response.json()["token"])["email"] == user.email
    assert_never_cached(response)


def test_async_token_endpoint_anonymous(async_client: AsyncClient) -> None:
    response = async_to_sync(async_client.get)("/feedback-sso/boostgpt/token/")

    assert response.status_code == 401
    assert response.json() == {"error": "authentication_required"}


def test_async_redirect(async_client: AsyncClient, user: Any) -> None:
    async def scenario() -> Any:
        await async_client.aforce_login(user)
        return await async_client.get("/feedback-sso/issuely/redirect/")

    response = async_to_sync(scenario)()

    assert response.status_code == 302
    assert verify("issuely", query(response["Location"])["token"][0])["email"] == user.email


def test_redirect_misconfigured_vendor_is_503_without_a_token(
    client: Client, user: Any, vendor_settings: Any
) -> None:
    vendor_settings("issuely", SECRET=None)
    client.force_login(user)

    response = client.get("/feedback-sso/issuely/redirect/")

    assert response.status_code == 503
    assert "Location" not in response


def test_redirect_without_a_portal_is_404_and_mints_nothing(
    client: Client, user: Any, vendor_settings: Any
) -> None:
    from django_feedback_sso.signals import token_issued

    vendor_settings("sleekplan", PORTAL_URL=None)
    client.force_login(user)
    issued: list[Any] = []

    def listener(**kwargs: Any) -> None:
        issued.append(kwargs)

    token_issued.connect(listener)
    try:
        response = client.get("/feedback-sso/sleekplan/redirect/")
    finally:
        token_issued.disconnect(listener)

    assert response.status_code == 404
    assert issued == []


def test_never_cached_writes_what_django_writes() -> None:
    ours, django = never_cached(HttpResponse()), HttpResponse()
    add_never_cache_headers(django)
    django["Pragma"] = "no-cache"

    assert dict(ours.headers).keys() == dict(django.headers).keys()
    assert (ours["Cache-Control"], ours["Pragma"]) == (django["Cache-Control"], "no-cache")
    assert abs(parse_http_date(ours["Expires"]) - parse_http_date(django["Expires"])) <= 1


def test_never_cached_merges_caching_headers_already_there() -> None:
    response = HttpResponse()
    response["Cache-Control"] = "public, max-age=600"

    never_cached(response)

    parts = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate", "private", "max-age=0"} <= parts
    assert "public" not in parts
