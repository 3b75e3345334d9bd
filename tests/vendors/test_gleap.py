"""Gleap's identity verification (https://docs.gleap.io/documentation/guides/enforce-
identity-verification): the user hash is the hex HMAC-SHA256 of the user id as a string
with the project's secret. Each hash is recomputed here with hashlib, the vendor's
recipe, never with the app's own signatures module."""

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


def user_hash(user_id: Any, secret: str = SECRETS["gleap"]) -> str:
    """Gleap's Node sample: createHmac('sha256', secret).update(String(user.id))
    .digest('hex')."""
    return hmac.new(secret.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()


def module_attributes(html: str) -> dict[str, str]:
    (module,) = [attrs for tag, attrs, _ in elements(html)
                 if attrs.get("data-feedback-sso") == "gleap"]
    return module


def test_the_tag_hands_identify_the_user_id_and_its_hash(user: Any) -> None:
    html = render_tag(user, "gleap")
    attrs = module_attributes(html)

    assert {name: attrs.get(name) for name in ("data-user-id", "data-email", "data-name",
                                               "data-token")} == {
        "data-user-id": str(user.pk), "data-email": user.email, "data-name": "Jane Doe",
        "data-token": user_hash(user.pk)}
    assert SECRETS["gleap"] not in html


def numeric_user_id(user: Any, vendor_id: str) -> dict[str, Any]:
    """A project's USER_CLAIMS hook giving Gleap its own numeric user ids."""
    return {"userId": 19283} if vendor_id == "gleap" else {}


def test_a_hook_returning_a_number_is_hashed_as_its_string(vendor_settings: Any,
                                                           user: Any) -> None:
    # "Gleap handles the userId as STRING, please make sure to convert the user ID to a
    # string, before generating the hash."
    vendor_settings(USER_CLAIMS="tests.vendors.test_gleap.numeric_user_id")

    attrs = module_attributes(render_tag(user, "gleap"))

    assert (attrs["data-user-id"], attrs["data-token"]) == ("19283", user_hash("19283"))


def test_the_token_endpoint_answers_the_identity_and_its_hash(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(reverse("feedback_sso:token", args=["gleap"]))

    assert response.status_code == 200
    assert response.json() == {
        "token": user_hash(user.pk),
        "identity": {"userId": str(user.pk), "email": user.email, "name": "Jane Doe"},
        "expires_at": None}
    assert SECRETS["gleap"] not in response.content.decode()


def test_staff_get_no_hash(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(reverse("feedback_sso:token", args=["gleap"])).status_code == 403
    attrs = module_attributes(render_tag(staff_user, "gleap"))
    assert not {"data-user-id", "data-email", "data-name", "data-token"} & set(attrs)


def test_a_hostile_display_name_stays_an_attribute_value(user: Any) -> None:
    user.first_name, user.last_name = '"><script>alert(1)</script>', ""

    html = render_tag(user, "gleap")

    assert "<script>alert" not in html
    assert module_attributes(html)["data-name"] == '"><script>alert(1)</script>'


def verify(identity: dict[str, Any], token: str) -> Any:
    return Client().post(reverse("feedback_sso_sandbox:verify", args=["gleap"]),
                         {"token": token, "identity": json.dumps(identity)})


def test_the_sandbox_recomputes_the_hash_from_the_user_id(user: Any) -> None:
    identity = {"userId": str(user.pk), "email": user.email, "name": "Jane Doe"}

    response = verify(identity, user_hash(user.pk))

    assert response.status_code == 200
    assert response.json()["user"] == {"user_id": str(user.pk), "email": user.email,
                                       "display_name": "Jane Doe"}


def test_the_sandbox_refuses_another_user_id_and_another_secret(user: Any) -> None:
    identity = {"userId": str(user.pk), "email": user.email, "name": "Jane Doe"}
    tampered = {**identity, "userId": str(user.pk + 1)}

    assert verify(tampered, user_hash(user.pk)).json()["reason"] == "bad_signature"
    other = user_hash(user.pk, "another-project-secret")
    assert verify(identity, other).json()["reason"] == "bad_signature"


def test_after_log_out_the_next_page_clears_the_identity() -> None:
    # "We recommend to clear the identity once the user logs out": Gleap.clearIdentity()
    # (https://docs.gleap.io/javascript/user-identity).
    client = Client()
    client.force_login(UserFactory())
    client.post("/test-logout/")

    html = client.get("/page/gleap/").content.decode()

    assert 'data-feedback-sso="sign-out" data-call="[&quot;Gleap.clearIdentity&quot;]"' in html
