"""Crisp's user verification (https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/
identity-verification): the signature is the hex HMAC-SHA256 of the email with the
verification secret's text (public integrations; Crisp's stored page stops before its code
sample). Each hash is recomputed here with hashlib, never with the app's signatures module."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import render_tag
from tests.factories import UserFactory
from tests.html import elements
from tests.settings import SECRETS

pytestmark = pytest.mark.django_db


def signature(email: str, secret: str = SECRETS["crisp"]) -> str:
    """createHmac('sha256', secret).update(email).digest('hex')."""
    return hmac.new(secret.encode("utf-8"), email.encode("utf-8"), hashlib.sha256).hexdigest()


def module_attributes(html: str) -> dict[str, str]:
    (module,) = [attrs for tag, attrs, _ in elements(html)
                 if attrs.get("data-feedback-sso") == "crisp"]
    return module


def test_the_tag_hands_the_chatbox_the_email_its_signature_and_the_nickname(user: Any) -> None:
    html = render_tag(user, "crisp")

    assert {name: module_attributes(html).get(name) for name in (
        "data-website-id", "data-widget-src", "data-email", "data-nickname", "data-token")} == {
        "data-website-id": "7598bf86-9ebb-46bc-8d61-be8929bbf93d",
        "data-widget-src": "https://client.crisp.chat/l.js",
        "data-email": user.email, "data-nickname": "Jane Doe",
        "data-token": signature(user.email)}
    assert SECRETS["crisp"] not in html


def test_the_signature_is_lowercase_hex_of_the_email_only(user: Any) -> None:
    token = module_attributes(render_tag(user, "crisp"))["data-token"]

    assert re.fullmatch("[0-9a-f]{64}", token)
    assert token != signature("Jane Doe")


def test_the_token_endpoint_answers_the_identity_and_its_signature(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(reverse("feedback_sso:token", args=["crisp"]))

    assert response.status_code == 200
    assert response.json() == {"token": signature(user.email),
                               "identity": {"email": user.email, "nickname": "Jane Doe"},
                               "expires_at": None}
    assert SECRETS["crisp"] not in response.content.decode()


def test_staff_get_no_signature(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(reverse("feedback_sso:token", args=["crisp"])).status_code == 403
    attrs = module_attributes(render_tag(staff_user, "crisp"))
    assert not {"data-email", "data-nickname", "data-token"} & set(attrs)
    assert attrs["data-website-id"] == "7598bf86-9ebb-46bc-8d61-be8929bbf93d"


def test_a_hostile_nickname_stays_an_attribute_value(user: Any) -> None:
    user.first_name, user.last_name = '"><script>alert(1)</script>', ""

    html = render_tag(user, "crisp")

    assert "<script>alert" not in html
    assert module_attributes(html)["data-nickname"] == '"><script>alert(1)</script>'


def verify(identity: dict[str, Any], token: str) -> Any:
    return Client().post(reverse("feedback_sso_sandbox:verify", args=["crisp"]),
                         {"token": token, "identity": json.dumps(identity)})


def test_the_sandbox_recomputes_the_signature_from_the_email(user: Any) -> None:
    response = verify({"email": user.email, "nickname": "Jane Doe"}, signature(user.email))

    assert response.status_code == 200
    assert response.json()["user"] == {"email": user.email, "display_name": "Jane Doe"}


def test_the_sandbox_refuses_another_email_and_another_secret(user: Any) -> None:
    identity = {"email": user.email, "nickname": "Jane Doe"}

    tampered = {**identity, "email": "mallory@example.com"}
    assert verify(tampered, signature(user.email)).json()["reason"] == "bad_signature"
    other = signature(user.email, "another-crisp-verification-secret")
    assert verify(identity, other).json()["reason"] == "bad_signature"


def test_the_nickname_is_not_signed(user: Any) -> None:
    # Only the email is signed: Crisp takes the nickname as the visitor's, as it comes.
    response = verify({"email": user.email, "nickname": "Someone Else"}, signature(user.email))

    assert response.json()["user"]["display_name"] == "Someone Else"


def test_after_log_out_the_next_page_resets_the_session() -> None:
    # $crisp.push(["do", "session:reset"]): "This resets the chatbox session without
    # reloading the page" (help.crisp.chat/en/article/how-to-reset-a-crisp-conversation-
    # when-users-log-out-u2vkei/).
    client = Client()
    client.force_login(UserFactory())
    client.post("/test-logout/")

    html = client.get("/page/crisp/").content.decode()

    (call,) = [attrs["data-call"] for _, attrs, _ in elements(html)
               if attrs.get("data-feedback-sso") == "sign-out"]
    assert json.loads(call) == ["$crisp.push", ["do", "session:reset"]]
