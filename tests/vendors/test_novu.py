"""Novu Inbox's subscriber hash (https://docs.novu.co/platform/inbox/prepare-for-production):
"HMAC-SHA256(secretKey, subscriberId) as a lowercase hex string", recomputed here from
Novu's Python sample."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.factories import UserFactory
from tests.html import elements
from tests.settings import SECRETS

VENDOR = "novu"


def subscriber_hash(subscriber_id: str, secret: str = SECRETS[VENDOR]) -> str:
    """Novu's sample: hmac.new(NOVU_SECRET_KEY.encode(), subscriber_id.encode(),
    hashlib.sha256).hexdigest()."""
    return hmac.new(secret.encode(), subscriber_id.encode(), hashlib.sha256).hexdigest()


def module_tag(user: Any) -> dict[str, str]:
    """The attributes of the tag's module script."""
    return elements(render_tag(user, VENDOR))[1][1]


def test_the_tag_carries_the_subscriber_and_the_hash_of_its_id(user: Any) -> None:
    facts = VendorFacts.of(VENDOR)

    assert elements(render_tag(user, VENDOR)) == [
        ("script", {"src": facts.expand("{helper}")}, ""),
        ("script", {"src": facts.module_url, "data-feedback-sso": VENDOR,
                    "data-application-identifier": "AbCdEf123456",
                    "data-subscriber-id": str(user.pk), "data-email": user.email,
                    "data-first-name": user.get_full_name(),
                    "data-token": subscriber_hash(str(user.pk))}, ""),
    ]


def test_the_site_may_name_its_own_inbox_script(user: Any, vendor_settings: Any) -> None:
    vendor_settings(VENDOR, INBOX_SCRIPT_URL="https://example.com/static/inbox.js")

    assert module_tag(user)["data-widget-src"] == "https://example.com/static/inbox.js"


def test_the_token_endpoint_answers_the_identity_and_its_hash(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(f"/feedback-sso/{VENDOR}/token/")

    assert response.json() == {
        "token": subscriber_hash(str(user.pk)), "expires_at": None,
        "identity": {"subscriberId": str(user.pk), "email": user.email,
                     "firstName": user.get_full_name()}}
    assert SECRETS[VENDOR] not in response.content.decode()


def test_staff_get_no_subscriber(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(f"/feedback-sso/{VENDOR}/token/").status_code == 403
    assert not {"data-subscriber-id", "data-email", "data-first-name", "data-token"} & set(
        module_tag(staff_user))


def test_a_hostile_display_name_stays_an_attribute_value(db: None) -> None:
    hostile = '"><script>window.__xss=1</script>'
    user = UserFactory(first_name=hostile, last_name="")

    assert hostile not in render_tag(user, VENDOR)
    assert module_tag(user)["data-first-name"] == hostile


def verify(identity: dict[str, str], token: str) -> Any:
    return Client().post(reverse("feedback_sso_sandbox:verify", args=[VENDOR]),
                         {"token": token, "identity": json.dumps(identity)})


def test_the_sandbox_recomputes_the_hash_from_the_subscriber_id(user: Any) -> None:
    identity = {"subscriberId": str(user.pk), "email": user.email, "firstName": "Jane Doe"}

    response = verify(identity, subscriber_hash(str(user.pk)))

    assert response.status_code == 200
    assert response.json()["user"] == {"user_id": str(user.pk), "email": user.email,
                                       "display_name": "Jane Doe"}


@pytest.mark.parametrize(("identity", "token"), [
    ({"subscriberId": "2"}, subscriber_hash("1")),
    ({"subscriberId": "1"}, subscriber_hash("1", "another-secret-0123456789abcdef-0123")),
    ({"email": "a@example.com"}, subscriber_hash("a@example.com")),
], ids=["tampered subscriberId", "another secret", "no subscriberId"])
def test_the_sandbox_refuses_what_novu_would(identity: dict[str, str], token: str,
                                             db: None) -> None:
    response = verify(identity, token)

    assert response.status_code == 403
    assert response.json()["state"] == "refused"
