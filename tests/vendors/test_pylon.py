"""Pylon's identity verification (https://docs.usepylon.com/pylon-docs/chat-widget/
identity-verification): email_hash is the hex HMAC-SHA256 of the email, keyed with the
bytes the hex secret spells ("the secret is a hex string and must be decoded"). Each hash
is recomputed here with hashlib, as Pylon's Python sample does, never with the app's
signatures module."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import render_tag
from tests.factories import UserFactory
from tests.html import elements
from tests.settings import SECRETS

pytestmark = pytest.mark.django_db


def email_hash(email: str, secret: str = SECRETS["pylon"]) -> str:
    """Pylon's sample: secret_bytes = bytes.fromhex(secret); hmac.new(secret_bytes,
    message.encode(), hashlib.sha256).hexdigest()."""
    return hmac.new(bytes.fromhex(secret), email.encode(), hashlib.sha256).hexdigest()


def module_attributes(html: str) -> dict[str, str]:
    (module,) = [attrs for tag, attrs, _ in elements(html)
                 if attrs.get("data-feedback-sso") == "pylon"]
    return module


def test_the_tag_hands_chat_settings_the_email_name_and_hash(user: Any) -> None:
    html = render_tag(user, "pylon")

    assert {name: module_attributes(html).get(name) for name in (
        "data-app-id", "data-widget-src", "data-email", "data-name", "data-token")} == {
        "data-app-id": "a3c5e7f9-1b2d-4e6f-8a0c-2e4f6a8c0e1b",
        "data-widget-src": "https://widget.usepylon.com/widget/"
                           "a3c5e7f9-1b2d-4e6f-8a0c-2e4f6a8c0e1b",
        "data-email": user.email, "data-name": "Jane Doe", "data-token": email_hash(user.email)}
    assert SECRETS["pylon"] not in html


def test_the_key_is_the_decoded_hex_not_its_text(user: Any) -> None:
    token = module_attributes(render_tag(user, "pylon"))["data-token"]
    as_text = hmac.new(SECRETS["pylon"].encode(), user.email.encode(), hashlib.sha256)

    assert token != as_text.hexdigest()


def test_an_upper_case_hex_secret_is_the_same_key(settings: Any, user: Any) -> None:
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "VENDORS": {
        **settings.FEEDBACK_SSO["VENDORS"],
        "pylon": {**settings.FEEDBACK_SSO["VENDORS"]["pylon"],
                  "SECRET": SECRETS["pylon"].upper()}}}

    assert module_attributes(render_tag(user, "pylon"))["data-token"] == email_hash(user.email)


def test_the_token_endpoint_answers_the_identity_and_its_hash(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(reverse("feedback_sso:token", args=["pylon"]))

    assert response.status_code == 200
    assert response.json() == {"token": email_hash(user.email),
                               "identity": {"email": user.email, "name": "Jane Doe"},
                               "expires_at": None}
    assert SECRETS["pylon"] not in response.content.decode()


def test_staff_get_no_hash(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(reverse("feedback_sso:token", args=["pylon"])).status_code == 403
    attrs = module_attributes(render_tag(staff_user, "pylon"))
    assert not {"data-email", "data-name", "data-token"} & set(attrs)


def test_a_hostile_name_stays_an_attribute_value(user: Any) -> None:
    user.first_name, user.last_name = '"><script>alert(1)</script>', ""

    html = render_tag(user, "pylon")

    assert "<script>alert" not in html
    assert module_attributes(html)["data-name"] == '"><script>alert(1)</script>'


def verify(identity: dict[str, Any], token: str) -> Any:
    return Client().post(reverse("feedback_sso_sandbox:verify", args=["pylon"]),
                         {"token": token, "identity": json.dumps(identity)})


def test_the_sandbox_recomputes_the_hash_from_the_email(user: Any) -> None:
    response = verify({"email": user.email, "name": "Jane Doe"}, email_hash(user.email))

    assert response.status_code == 200
    assert response.json()["user"] == {"email": user.email, "display_name": "Jane Doe"}


def test_the_sandbox_refuses_another_email_and_another_secret(user: Any) -> None:
    identity = {"email": user.email, "name": "Jane Doe"}

    tampered = {**identity, "email": "mallory@example.com"}
    assert verify(tampered, email_hash(user.email)).json()["reason"] == "bad_signature"
    assert verify(identity, email_hash(user.email, "ab" * 32)).json()["reason"] == "bad_signature"
    text_keyed = hmac.new(SECRETS["pylon"].encode(), user.email.encode(), hashlib.sha256)
    assert verify(identity, text_keyed.hexdigest()).json()["reason"] == "bad_signature"


def test_pylon_documents_no_sign_out_call() -> None:
    # Pylon's JavaScript API (https://docs.usepylon.com/pylon-docs/in-app-chat/javascript-api)
    # has show, hide, … but nothing that forgets the user: no sign-out script is added.
    client = Client()
    client.force_login(UserFactory())
    client.post("/test-logout/")

    assert 'data-feedback-sso="sign-out"' not in client.get("/page/pylon/").content.decode()
