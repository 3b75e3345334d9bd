"""Front Chat (https://dev.frontapp.com/docs/identify-users): the userHash is the
lowercase-hex HMAC-SHA256 of the email, keyed with the verification secret as text,
recomputed here from that recipe."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from django_feedback_sso.vendors.front.fixture import TEST_SECRET
from tests.browser.support import ZOE_NAME, Page, expect, log_in, panel
from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.html import elements

HOSTILE = '"><script>alert(1)</script>'


def user_hash(email: str, secret: str = TEST_SECRET) -> str:
    """Front's recipe: createHmac('sha256', verificationSecret).update(userEmail)
    .digest('hex')."""
    return hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()


def module(**identity: str) -> tuple[str, dict[str, str], str]:
    attrs = {"src": VendorFacts.of("front").module_url, "data-feedback-sso": "front",
             "data-chat-id": "4f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c",
             "data-widget-src": "https://chat-assets.frontapp.com/v1/chat.bundle.js"}
    if identity:
        attrs.update({"data-email": identity["email"], "data-name": identity["name"],
                      "data-token": user_hash(identity["email"])})
    return ("script", attrs, "")


def test_the_tag_hands_front_chat_the_identity_and_the_email_s_hmac(user: Any) -> None:
    found = elements(render_tag(user, "front"))

    assert found == [("script", {"src": "/static/feedback_sso/feedback-sso.js"}, ""),
                     module(email=user.email, name="Jane Doe")]


def test_staff_get_the_chat_without_an_identity(staff_user: Any) -> None:
    assert elements(render_tag(staff_user, "front"))[1] == module()


def test_a_hostile_name_stays_an_attribute_value(user: Any) -> None:
    user.first_name, user.last_name = HOSTILE, ""
    html = render_tag(user, "front")

    assert "<script>alert" not in html
    assert elements(html)[1] == module(email=user.email, name=HOSTILE)


def test_the_token_endpoint_answers_the_hash_and_what_it_signs(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(reverse("feedback_sso:token", args=["front"]))

    assert response.json() == {"token": user_hash(user.email),
                               "identity": {"email": user.email, "name": "Jane Doe"},
                               "expires_at": None}
    assert TEST_SECRET not in response.content.decode()


def test_the_token_endpoint_refuses_staff(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(reverse("feedback_sso:token", args=["front"])).status_code == 403


def verify(token: str, identity: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """What the sandbox's stand-in for Front makes of ``init`` with this."""
    response = Client().post(reverse("feedback_sso_sandbox:verify", args=["front"]),
                             {"token": token, "identity": json.dumps(identity)})
    return response.status_code, response.json()


def test_the_sandbox_recomputes_the_user_hash_from_the_email() -> None:
    status, answer = verify(user_hash("ada@example.org"),
                            {"email": "ada@example.org", "name": "Ada"})

    assert (status, answer["state"], answer["user"]) == (
        200, "signed-in", {"email": "ada@example.org", "display_name": "Ada"})


@pytest.mark.parametrize(("token", "identity"), [
    (user_hash("ada@example.org"), {"email": "eve@example.org", "name": "Ada"}),
    (user_hash("ada@example.org", secret="another-verification-secret-0123"),
     {"email": "ada@example.org", "name": "Ada"}),
])
def test_the_sandbox_refuses_another_email_or_secret(token: str, identity: dict[str, str]
                                                     ) -> None:
    status, answer = verify(token, identity)

    assert (status, answer["state"], answer["reason"]) == (403, "refused", "bad_signature")


@pytest.mark.browser
def test_front_chat_is_initialised_with_the_hash(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/vendors/front/")

    chat = panel(page, "front", "init")
    expect(chat).to_have_attribute("data-sandbox-state", "signed-in")
    expect(chat.locator(".sandbox-status")).to_have_text(
        f"Signed in as {ZOE_NAME} <zoe@example.com>")
