"""Zendesk Help Center's quirks (https://github.com/zendesk/zendesk_jwt_sso_examples): the
redirect view hands the token over in the body of a POST form, never in a URL, and passes
Zendesk's own parameters back. Its contract is generated (tests/contract/)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from django_feedback_sso.shortcuts import issue_token_for
from tests.browser.support import Page, expect, log_in
from tests.html import Snippet
from tests.oracle import verify

ZENDESK_PARAMS = {"return_to": "https://acme.zendesk.com/hc/en-us/requests",
                  "brand_id": "360001", "locale_id": "1", "timestamp": "1700000000"}


def redirect(client: Client, **params: str) -> Any:
    return client.get(f"/feedback-sso/zendesk/redirect/?{urlencode(params)}")


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def form_of(response: Any) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The form's attributes and its hidden input's."""
    elements = Snippet(response.content.decode()).elements
    (form,) = [element.attrs for element in elements if element.tag == "form"]
    (field,) = [element.attrs for element in elements if element.tag == "input"]
    return form, field


@pytest.fixture
def signed_in(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def test_zendesk_gets_the_token_in_a_post_body_never_a_url(signed_in: Client,
                                                            user: Any) -> None:
    response = redirect(signed_in, **ZENDESK_PARAMS)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert not response.has_header("Location")
    form, field = form_of(response)
    assert form["method"] == "post"
    action = urlsplit(str(form["action"]))
    assert f"{action.scheme}://{action.netloc}{action.path}" == (
        "https://acme.zendesk.com/access/jwt")
    assert query(str(form["action"])) == {name: [value] for name, value in ZENDESK_PARAMS.items()}
    assert (field["type"], field["name"]) == ("hidden", "jwt")
    assert verify("zendesk", str(field["value"]))["email"] == user.email
    assert "jwt=" not in str(form["action"])


def test_zendesk_form_page_is_never_cached_and_sends_no_referrer(signed_in: Client) -> None:
    response = redirect(signed_in)

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "private", "max-age=0"} <= cache_control
    assert response["Pragma"] == "no-cache"
    assert response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert '<meta name="referrer" content="no-referrer">' in html
    assert "<noscript><button type=\"submit\">Continue to Zendesk Help Center</button>" in html
    (script,) = Snippet(html).scripts()
    assert script.attrs == {"src": "/static/feedback_sso/post-form.js"}


@pytest.mark.parametrize(("name", "value"), [
    ("brand_id", "1&jwt=forged"), ("locale_id", "https://evil.example/"),
    ("timestamp", "1 2"), ("brand_id", ""), ("locale_id", "/x"),
])
def test_zendesk_drops_pass_through_values_that_are_not_plain(signed_in: Client, name: str,
                                                              value: str) -> None:
    response = redirect(signed_in, **{**ZENDESK_PARAMS, name: value})

    form, _ = form_of(response)
    expected = {key: [val] for key, val in ZENDESK_PARAMS.items() if key != name}
    assert query(str(form["action"])) == expected


@pytest.mark.django_db
def test_anonymous_users_log_in_first_and_keep_the_vendors_parameters(client: Client) -> None:
    response = redirect(client, **ZENDESK_PARAMS)

    assert response.status_code == 302
    back = query(response["Location"])["next"][0]
    assert back == "/feedback-sso/zendesk/redirect/?" + urlencode(ZENDESK_PARAMS)


def test_zendesk_portal_reads_the_token_from_the_post_body_only(user: Any,
                                                                client: Client) -> None:
    """Zendesk: "Do not place the JWT directly in the URL"; its stand-in ignores one there."""
    token = issue_token_for(user, "zendesk").token
    url = reverse("feedback_sso_sandbox:portal", args=["zendesk", "access/jwt"])

    in_url = client.get(url, {"jwt": token})
    in_body = client.post(f"{url}?brand_id=360001&return_to=/hc", {"jwt": token})

    assert b'data-sandbox-state="anonymous"' in in_url.content
    assert b'data-sandbox-state="signed-in"' in in_body.content
    assert (b"<p data-sandbox-passed-back>Zendesk Help Center got back: "
            b"<code>brand_id=360001</code>.</p>") in in_body.content


@pytest.mark.browser
def test_zendesk_gets_its_parameters_back_and_the_token_by_post(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/zendesk/")

    with page.expect_request(lambda r: "/sandbox/zendesk/portal/access/jwt" in r.url) as sent:
        page.click("[data-demo-vendor-initiated]")

    assert sent.value.method == "POST"
    assert "jwt=" not in sent.value.url
    assert sent.value.post_data.startswith("jwt=")
    main = page.locator(".sandbox-portal")
    expect(main).to_have_attribute("data-sandbox-state", "signed-in")
    expect(main.locator("[data-sandbox-passed-back]")).to_have_text(
        "Zendesk Help Center got back: brand_id=360001, locale_id=1, timestamp=1700000000.")
    expect(main).to_contain_text("would now continue to")
