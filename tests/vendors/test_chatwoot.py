"""Chatwoot's identity validation (https://www.chatwoot.com/docs/product/channels/live-chat/
sdk/identity-validation): identifier_hash is the hex HMAC-SHA256 of the identifier (the
user id, as text) with the inbox's HMAC token. Each hash is recomputed here with hashlib,
the vendor's recipe, never with the app's own signatures module."""

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


def identifier_hash(identifier: str, token: str = SECRETS["chatwoot"]) -> str:
    """Chatwoot's Python sample: hmac.new(bytes(token, 'utf-8'), bytes(identifier,
    'utf-8'), hashlib.sha256).hexdigest()."""
    return hmac.new(token.encode("utf-8"), identifier.encode("utf-8"), hashlib.sha256).hexdigest()


def module_attributes(html: str) -> dict[str, str]:
    (module,) = [attrs for tag, attrs, _ in elements(html)
                 if attrs.get("data-feedback-sso") == "chatwoot"]
    return module


def test_the_tag_hands_set_user_the_identifier_and_its_hash(user: Any) -> None:
    attrs = module_attributes(render_tag(user, "chatwoot"))

    assert {name: attrs.get(name) for name in ("data-identifier", "data-email", "data-name",
                                               "data-token")} == {
        "data-identifier": str(user.pk), "data-email": user.email, "data-name": "Jane Doe",
        "data-token": identifier_hash(str(user.pk))}
    assert SECRETS["chatwoot"] not in render_tag(user, "chatwoot")


def test_the_hash_is_of_the_identifier_not_the_email(user: Any) -> None:
    token = module_attributes(render_tag(user, "chatwoot"))["data-token"]

    assert token != identifier_hash(user.email)
    assert re.fullmatch("[0-9a-f]{64}", token)  # lowercase: the server compares with ==


def test_the_token_endpoint_answers_the_identity_and_its_hash(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(reverse("feedback_sso:token", args=["chatwoot"]))

    assert response.status_code == 200
    assert response.json() == {
        "token": identifier_hash(str(user.pk)),
        "identity": {"identifier": str(user.pk), "email": user.email, "name": "Jane Doe"},
        "expires_at": None}
    assert SECRETS["chatwoot"] not in response.content.decode()


def test_staff_get_no_hash(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(reverse("feedback_sso:token", args=["chatwoot"])).status_code == 403
    attrs = module_attributes(render_tag(staff_user, "chatwoot"))
    assert not {"data-identifier", "data-email", "data-name", "data-token"} & set(attrs)


def test_a_hostile_display_name_stays_an_attribute_value(user: Any) -> None:
    user.first_name, user.last_name = '"><script>alert(1)</script>', ""

    html = render_tag(user, "chatwoot")

    assert "<script>alert" not in html
    assert module_attributes(html)["data-name"] == '"><script>alert(1)</script>'


def verify(identity: dict[str, Any], token: str) -> Any:
    return Client().post(reverse("feedback_sso_sandbox:verify", args=["chatwoot"]),
                         {"token": token, "identity": json.dumps(identity)})


def test_the_sandbox_recomputes_the_hash_from_the_identifier(user: Any) -> None:
    identity = {"identifier": str(user.pk), "email": user.email, "name": "Jane Doe"}

    response = verify(identity, identifier_hash(str(user.pk)))

    assert response.status_code == 200
    assert response.json()["user"] == {"user_id": str(user.pk), "email": user.email,
                                       "display_name": "Jane Doe"}


def test_the_sandbox_refuses_another_identifier_and_another_token(user: Any) -> None:
    identity = {"identifier": str(user.pk), "email": user.email, "name": "Jane Doe"}
    tampered = {**identity, "identifier": str(user.pk + 1)}

    assert verify(tampered, identifier_hash(str(user.pk))).json()["reason"] == "bad_signature"
    other = identifier_hash(str(user.pk), "another-inbox-hmac-token")
    assert verify(identity, other).json()["reason"] == "bad_signature"


def test_after_log_out_the_next_page_resets_the_widget() -> None:
    # "Make sure that you reset the session when the user logs out of your app":
    # window.$chatwoot.reset() (https://www.chatwoot.com/docs/product/channels/live-chat/sdk/setup).
    client = Client()
    client.force_login(UserFactory())
    client.post("/test-logout/")

    html = client.get("/page/chatwoot/").content.decode()

    assert 'data-feedback-sso="sign-out" data-call="[&quot;$chatwoot.reset&quot;]"' in html
