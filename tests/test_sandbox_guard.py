"""The sandbox serves only under ``DEBUG`` or the test suites' opt-in.

Check E015 runs under ``manage.py``, not when gunicorn or uvicorn imports the site, so a
deploy that ships the sandbox by mistake must still not serve it: every one of its URLs
answers the 404 any unknown URL gets.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, resolve, reverse

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.sandbox import urls as sandbox_urls
from django_feedback_sso.shortcuts import issue_token_for
from tests.conftest import VENDORS
from tests.settings import SECRETS

#: The opt-in, by the name the docs give it.
OPT_IN = "FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG"
#: A value for each parameter the sandbox's URL patterns take.
URL_ARGUMENTS = {"page": "api/auth/sso", "client_id": "302836020429100183"}
PATTERNS = [pattern for pattern in sandbox_urls.urlpatterns if isinstance(pattern, URLPattern)]
#: Ways the sandbox may be left switched off; a string from the environment is not True.
OFF = {"no opt-in": {}, "opt-in False": {OPT_IN: False}, "opt-in 'True'": {OPT_IN: "True"}}
ON = {"DEBUG": {"DEBUG": True}, "opt-in": {OPT_IN: True}}


def sandbox_url(pattern: URLPattern, vendor_id: str) -> str:
    """The URL of ``pattern`` for ``vendor_id``, checked to be served by that pattern while
    the sandbox serves (while it doesn't, none of its URLs resolve)."""
    arguments = {"config_id": vendor_id, **URL_ARGUMENTS}
    url = reverse(f"{sandbox_urls.app_name}:{pattern.name}",
                  kwargs={name: arguments[name] for name in pattern.pattern.converters})
    with override_settings(DEBUG=True):
        assert resolve(url).route.endswith(str(pattern.pattern))
    return url


def every_request(client: Client, vendor_id: str, token: str,
                  patterns: list[URLPattern] = PATTERNS) -> list[tuple[str, Any]]:
    """A GET and a POST to every sandbox URL of ``vendor_id``, each carrying ``token``
    wherever the sandbox could read it: (description, response)."""
    param = get_vendor_config(vendor_id).spec.redirect.token_param
    answers = []
    for pattern in patterns:
        url = sandbox_url(pattern, vendor_id)
        answers.append((f"GET {url}", client.get(url, {param: token})))
        answers.append((f"POST {url}", client.post(url, {param: token, "token": token})))
    return answers


def configure(settings: Any, values: dict[str, Any]) -> None:
    """DEBUG off and no opt-in, as on a production site, changed by ``values``."""
    settings.DEBUG = False
    delattr(settings, OPT_IN)
    for name, value in values.items():
        setattr(settings, name, value)


def test_every_url_pattern_of_the_sandbox_is_requested() -> None:
    """None is an ``include()`` the requests below would skip."""
    assert sandbox_urls.urlpatterns == PATTERNS


@pytest.mark.parametrize("values", OFF.values(), ids=OFF.keys())
@pytest.mark.parametrize("vendor_id", VENDORS)
def test_with_debug_off_every_sandbox_url_answers_a_plain_404(
        vendor_id: str, values: dict[str, Any], settings: Any, user: Any) -> None:
    token = issue_token_for(user, vendor_id).token
    configure(settings, values)
    client = Client()
    unknown_url = client.get("/sandbox/")

    for request, response in every_request(client, vendor_id, token):
        assert (response.status_code, response.content) == (404, unknown_url.content), request
        assert "Access-Control-Allow-Origin" not in response.headers, request
        body = response.content.decode()
        assert not [secret for secret in SECRETS.values() if secret[:16] in body], request
        assert token not in body, request


@pytest.mark.parametrize("values", OFF.values(), ids=OFF.keys())
def test_with_debug_off_a_sandbox_url_without_its_slash_is_a_plain_404_too(
        values: dict[str, Any], settings: Any) -> None:
    """APPEND_SLASH redirects only to a URL that resolves: while the sandbox is off, none
    of its URLs do, so "…/verify" gets no 301 to "…/verify/" giving the sandbox away."""
    slashless = [url.rstrip("/") for url in (sandbox_url(pattern, "sleekplan")
                                             for pattern in PATTERNS) if url.endswith("/")]
    configure(settings, values)
    client = Client()
    unknown_url = client.get("/sandbox/")

    assert settings.APPEND_SLASH
    assert slashless
    for url in slashless:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert (response.status_code, response.content) == (404, unknown_url.content), (
                f"{method} {url}")


def test_with_the_opt_in_a_sandbox_url_without_its_slash_redirects(settings: Any) -> None:
    """What the test above rules out while the sandbox is off: APPEND_SLASH at work."""
    configure(settings, {OPT_IN: True})

    response = Client().get("/sandbox/sleekplan/verify")

    assert (response.status_code, response["Location"]) == (301, "/sandbox/sleekplan/verify/")


@pytest.mark.parametrize("values", ON.values(), ids=ON.keys())
def test_under_debug_or_with_the_opt_in_every_sandbox_url_serves(
        values: dict[str, Any], settings: Any, user: Any) -> None:
    """Sleekplan has every stand-in (portal, verify, widget), and Freshworks the implicit
    round trip's (oidc_*), so none of their URLs is a 404."""
    token = issue_token_for(user, "sleekplan").token
    configure(settings, values)
    oidc = [pattern for pattern in PATTERNS if str(pattern.name).startswith("oidc_")]
    others = [pattern for pattern in PATTERNS if pattern not in oidc]

    statuses = {request: response.status_code for request, response in [
        *every_request(Client(), "sleekplan", token, others),
        *every_request(Client(), "freshdesk", issue_token_for(user, "freshdesk").token, oidc)]}

    assert len(statuses) == 2 * len(PATTERNS)
    assert [request for request, status in statuses.items() if status == 404] == []


@pytest.mark.parametrize("values", ON.values(), ids=ON.keys())
def test_when_it_serves_the_verify_endpoint_signs_the_user_in(
        values: dict[str, Any], settings: Any, user: Any) -> None:
    token = issue_token_for(user, "issuely").token
    configure(settings, values)

    response = Client().post(reverse("feedback_sso_sandbox:verify", args=["issuely"]),
                             {"token": token})

    assert (response.status_code, response.json()["state"]) == (200, "signed-in")


def test_the_opt_in_is_read_at_each_request(settings: Any) -> None:
    url = reverse("feedback_sso_sandbox:verify", args=["issuely"])
    configure(settings, {})
    assert Client().get(url).status_code == 404

    setattr(settings, OPT_IN, True)

    assert Client().get(url).status_code == 200
