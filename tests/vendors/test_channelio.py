"""Channel Talk's member hash (https://developers.channel.io/docs/member-hash): the lowercase
hex HMAC-SHA256 of memberId with the secret key hex-decoded, recomputed here from that
recipe, and the page's own test vector."""

from __future__ import annotations

import binascii
import hashlib
import hmac
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from django_feedback_sso.shortcuts import issue_token_for
from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.factories import UserFactory
from tests.html import elements
from tests.settings import SECRETS

VENDOR = "channelio"


def member_hash(member_id: str, secret: str = SECRETS[VENDOR]) -> str:
    """Channel's Python sample: hmac.new(binascii.unhexlify(bytearray(secret_key, "utf-8")),
    msg=member_id.encode('utf-8'), digestmod=hashlib.sha256).hexdigest()."""
    return hmac.new(binascii.unhexlify(bytearray(secret, "utf-8")),
                    msg=member_id.encode("utf-8"), digestmod=hashlib.sha256).hexdigest()


def member_lucas(user: Any, config_id: str) -> dict[str, str]:
    """A USER_CLAIMS hook: the memberId of Channel's test vector."""
    return {"memberId": "lucas"}


def test_channels_own_test_vector(user: Any, vendor_settings: Any) -> None:
    # The member-hash page's test: memberId 'lucas' with this secret key gives expectedHash.
    member_id = "lucas"
    secret_key = "4629de5def93d6a2abea6afa9bd5476d9c6cbc04223f9a2f7e517b535dde3e25"
    expected_hash = "99427c7bba36a6902c5fd6383f2fb0214d19b81023296b4bd6b9e024836afea2"
    vendor_settings(VENDOR, SECRET=secret_key)
    vendor_settings(USER_CLAIMS="tests.vendors.test_channelio.member_lucas")

    assert member_hash(member_id, secret_key) == expected_hash
    assert issue_token_for(user, VENDOR).token == expected_hash
    assert verify({"memberId": member_id}, expected_hash).json()["state"] == "signed-in"


def test_the_key_is_the_bytes_the_secret_spells_not_its_text(user: Any) -> None:
    text_key = hmac.new(SECRETS[VENDOR].encode(), str(user.pk).encode(),
                        hashlib.sha256).hexdigest()

    assert issue_token_for(user, VENDOR).token == member_hash(str(user.pk)) != text_key


def module_tag(user: Any) -> dict[str, str]:
    """The attributes of the tag's module script."""
    return elements(render_tag(user, VENDOR))[1][1]


def test_the_tag_carries_the_identity_and_the_hash_of_member_id(user: Any) -> None:
    facts = VendorFacts.of(VENDOR)

    assert elements(render_tag(user, VENDOR)) == [
        ("script", {"src": facts.expand("{helper}")}, ""),
        ("script", {"src": facts.module_url, "data-feedback-sso": VENDOR,
                    "data-plugin-key": "1e2a3b4c-5d6e-7f80-91a2-b3c4d5e6f708",
                    "data-widget-src": "https://cdn.channel.io/plugin/ch-plugin-web.js",
                    "data-member-id": str(user.pk), "data-name": user.get_full_name(),
                    "data-email": user.email, "data-token": member_hash(str(user.pk))}, ""),
    ]


def test_the_token_endpoint_answers_the_identity_and_its_hash(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(f"/feedback-sso/{VENDOR}/token/")

    assert response.json() == {
        "token": member_hash(str(user.pk)), "expires_at": None,
        "identity": {"memberId": str(user.pk), "name": user.get_full_name(),
                     "email": user.email}}
    assert SECRETS[VENDOR] not in response.content.decode()


def test_staff_get_no_identity(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(f"/feedback-sso/{VENDOR}/token/").status_code == 403
    assert not {"data-member-id", "data-name", "data-email", "data-token"} & set(
        module_tag(staff_user))


def test_a_hostile_display_name_stays_an_attribute_value(db: None) -> None:
    hostile = '"><script>window.__xss=1</script>'
    user = UserFactory(first_name=hostile, last_name="")

    assert hostile not in render_tag(user, VENDOR)
    assert module_tag(user)["data-name"] == hostile


def verify(identity: dict[str, str], token: str) -> Any:
    return Client().post(reverse("feedback_sso_sandbox:verify", args=[VENDOR]),
                         {"token": token, "identity": json.dumps(identity)})


def test_the_sandbox_recomputes_the_hash_as_channel_does(user: Any) -> None:
    identity = {"memberId": str(user.pk), "name": "Jane Doe", "email": user.email}

    response = verify(identity, member_hash(str(user.pk)))

    assert response.status_code == 200
    assert response.json()["user"] == {"user_id": str(user.pk), "display_name": "Jane Doe",
                                       "email": user.email}


@pytest.mark.parametrize(("identity", "token"), [
    ({"memberId": "2"}, member_hash("1")),
    ({"memberId": "1"}, member_hash("1", "a" * 64)),
    # The secret's text as the key, as for most vendors: not Channel's recipe.
    ({"memberId": "1"}, hmac.new(SECRETS[VENDOR].encode(), b"1", hashlib.sha256).hexdigest()),
    ({"name": "Jane"}, member_hash("")),
], ids=["tampered memberId", "another secret", "text key", "no memberId"])
def test_the_sandbox_refuses_what_channel_would(identity: dict[str, str], token: str,
                                                db: None) -> None:
    response = verify(identity, token)

    assert response.status_code == 403
    assert response.json()["state"] == "refused"
