"""Intercom's identity verification (https://developers.intercom.com/installing-intercom/docs/
enable-identity-verification-on-your-web-product): user_hash is the lowercase hex
HMAC-SHA256 of user_id with the secret's text, recomputed here from that recipe."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.browser.support import Page, expect, log_in, panel
from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.factories import UserFactory
from tests.html import elements
from tests.settings import SECRETS

VENDOR = "intercom_hmac"


def user_hash(user_id: str, secret: str = SECRETS[VENDOR]) -> str:
    """Intercom's recipe: OpenSSL::HMAC.hexdigest('sha256', secret, user_id)."""
    return hmac.new(secret.encode(), user_id.encode(), hashlib.sha256).hexdigest()


def module_tag(user: Any) -> dict[str, str]:
    """The attributes of the tag's module script."""
    return elements(render_tag(user, VENDOR))[1][1]


def test_the_tag_carries_the_identity_and_the_hash_of_user_id(user: Any) -> None:
    facts = VendorFacts.of(VENDOR)

    assert elements(render_tag(user, VENDOR)) == [
        ("script", {"src": facts.expand("{helper}")}, ""),
        ("script", {"src": facts.module_url, "data-feedback-sso": VENDOR,
                    "data-app-id": "abc123de",
                    "data-widget-src": "https://widget.intercom.io/widget/abc123de",
                    "data-user-id": str(user.pk), "data-email": user.email,
                    "data-name": user.get_full_name(),
                    "data-token": user_hash(str(user.pk))}, ""),
    ]


def test_the_hash_is_of_user_id_even_with_an_email(user: Any) -> None:
    # "If you're sending both user_id and email, then make sure your HMAC is generated
    # with the user_id value."
    attrs = module_tag(user)

    assert attrs["data-token"] == user_hash(str(user.pk)) != user_hash(user.email)


def test_the_token_endpoint_answers_the_identity_and_its_hash(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get(f"/feedback-sso/{VENDOR}/token/")

    assert response.json() == {
        "token": user_hash(str(user.pk)), "expires_at": None,
        "identity": {"user_id": str(user.pk), "email": user.email,
                     "name": user.get_full_name()}}
    assert SECRETS[VENDOR] not in response.content.decode()


def test_staff_and_anonymous_visitors_get_no_identity(staff_user: Any) -> None:
    client = Client()
    client.force_login(staff_user)

    assert client.get(f"/feedback-sso/{VENDOR}/token/").status_code == 403
    attrs = module_tag(staff_user)
    assert not {"data-user-id", "data-email", "data-name", "data-token"} & set(attrs)


def test_a_hostile_display_name_stays_an_attribute_value(db: None) -> None:
    hostile = '"><script>window.__xss=1</script>'
    user = UserFactory(first_name=hostile, last_name="")

    html = render_tag(user, VENDOR)

    assert hostile not in html
    assert module_tag(user)["data-name"] == hostile


def verify(identity: dict[str, str], token: str) -> Any:
    return Client().post(reverse("feedback_sso_sandbox:verify", args=[VENDOR]),
                         {"token": token, "identity": json.dumps(identity)})


def test_the_sandbox_recomputes_the_hash_from_user_id(user: Any) -> None:
    identity = {"user_id": str(user.pk), "email": user.email, "name": "Jane Doe"}

    response = verify(identity, user_hash(str(user.pk)))

    assert response.status_code == 200
    assert response.json()["user"] == {"user_id": str(user.pk), "email": user.email,
                                       "display_name": "Jane Doe"}


@pytest.mark.parametrize(("identity", "token"), [
    ({"user_id": "2", "email": "a@example.com"}, user_hash("1")),  # another user's hash
    ({"user_id": "1"}, user_hash("1", "another-secret-0123456789abcdef-0123")),
    ({"user_id": "1"}, user_hash("1").upper()[:-1]),
    ({"email": "a@example.com"}, user_hash("a@example.com")),  # no user_id: nothing hashed
], ids=["tampered user_id", "another secret", "truncated", "no user_id"])
def test_the_sandbox_refuses_what_intercom_would(identity: dict[str, str], token: str,
                                                 db: None) -> None:
    response = verify(identity, token)

    assert response.status_code == 403
    assert response.json()["state"] == "refused"


@pytest.mark.browser
def test_an_update_with_another_users_hash_is_verified_as_sent(page: Page) -> None:
    """A single-page app signs a user in with Intercom('update', {...identity, user_hash})
    from the token endpoint: the stand-in checks the hash against that identity."""
    log_in(page, "zoe")
    page.goto(f"/vendors/{VENDOR}/")
    expect(panel(page, VENDOR, "intercomSettings")).to_have_attribute("data-sandbox-state",
                                                                      "signed-in")

    page.evaluate("""() => fetch("/feedback-sso/intercom_hmac/token/").then(r => r.json())
        .then(d => window.Intercom("update", Object.assign({}, d.identity,
            {user_id: d.identity.user_id + "0", user_hash: d.token})))""")

    expect(panel(page, VENDOR, "update")).to_have_attribute("data-sandbox-state", "refused")
