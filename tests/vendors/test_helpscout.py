"""Help Scout Beacon 2 in secure mode (https://developer.helpscout.com/beacon-2/web/secure-
mode/): the signature is the lowercase-hex HMAC-SHA256 of the email, keyed with the Beacon's
secret key as text, recomputed here from that recipe."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from django_feedback_sso.vendors.helpscout.fixture import TEST_SECRET
from tests.browser.support import ZOE_NAME, Page, expect, log_in, panel
from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.html import elements

HOSTILE = '"><script>alert(1)</script>'


def signature(email: str, secret: str = TEST_SECRET) -> str:
    """Help Scout's recipe: OpenSSL::HMAC.hexdigest('sha256', secret_key, user.email)."""
    return hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()


def module(**identity: str) -> tuple[str, dict[str, str], str]:
    attrs = {"src": VendorFacts.of("helpscout").module_url, "data-feedback-sso": "helpscout",
             "data-beacon-id": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
             "data-widget-src": "https://beacon-v2.helpscout.net"}
    if identity:
        attrs.update({"data-email": identity["email"], "data-name": identity["name"],
                      "data-token": signature(identity["email"])})
    return ("script", attrs, "")


def test_the_tag_hands_the_beacon_the_identity_and_the_email_s_hmac(user: Any) -> None:
    found = elements(render_tag(user, "helpscout"))

    assert found == [("script", {"src": "/static/feedback_sso/feedback-sso.js"}, ""),
                     module(email=user.email, name="Jane Doe")]


def test_staff_get_the_beacon_without_an_identity(staff_user: Any) -> None:
    assert elements(render_tag(staff_user, "helpscout"))[1] == module()


def test_a_hostile_name_stays_an_attribute_value(user: Any) -> None:
    user.first_name, user.last_name = HOSTILE, ""
    html = render_tag(user, "helpscout")

    assert "<script>alert" not in html
    assert elements(html)[1] == module(email=user.email, name=HOSTILE)


def test_the_token_endpoint_answers_the_hash_and_what_it_signs(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(reverse("feedback_sso:token", args=["helpscout"]))

    assert response.json() == {"token": signature(user.email),
                               "identity": {"email": user.email, "name": "Jane Doe"},
                               "expires_at": None}
    assert TEST_SECRET not in response.content.decode()


def test_the_token_endpoint_refuses_staff(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(reverse("feedback_sso:token", args=["helpscout"])).status_code == 403


def verify(token: str, identity: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """What the sandbox's stand-in for Help Scout makes of ``identify`` with this."""
    response = Client().post(reverse("feedback_sso_sandbox:verify", args=["helpscout"]),
                             {"token": token, "identity": json.dumps(identity)})
    return response.status_code, response.json()


def test_the_sandbox_recomputes_the_signature_from_the_email() -> None:
    identity = {"email": "ada@example.org", "name": "Ada"}

    status, answer = verify(signature("ada@example.org"), identity)

    assert (status, answer["state"], answer["user"]) == (
        200, "signed-in", {"email": "ada@example.org", "display_name": "Ada"})


@pytest.mark.parametrize(("token", "identity"), [
    (signature("ada@example.org"), {"email": "eve@example.org", "name": "Ada"}),
    (signature("ada@example.org", secret="another-beacon-key-0123456789"),
     {"email": "ada@example.org", "name": "Ada"}),
])
def test_the_sandbox_refuses_another_email_or_key(token: str, identity: dict[str, str]
                                                  ) -> None:
    status, answer = verify(token, identity)

    assert (status, answer["state"], answer["reason"]) == (403, "refused", "bad_signature")


@pytest.mark.browser
def test_the_beacon_is_identified_with_the_hash(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/helpscout/")

    beacon = panel(page, "helpscout", "identify")
    expect(beacon).to_have_attribute("data-sandbox-state", "signed-in")
    expect(beacon.locator(".sandbox-status")).to_have_text(
        f"Signed in as {ZOE_NAME} <zoe@example.com>")
