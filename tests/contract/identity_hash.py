"""The contract of an identity-hash vendor (Help Scout, Front, Chatwoot …): the hash is
the HMAC the vendor's documented recipe gives, recomputed here from the fixture (Python's
``hmac``, never the app's ``signatures``), and it travels beside the identity it signs.

What the vendor recomputes is the only check it makes: these tests hold the tag, the
endpoint and the sandbox's stand-in to that recipe, and to this app's own promises (no
hash for a refused user, no secret anywhere, user data escaped).
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
import json
from collections.abc import Sequence
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from django_feedback_sso.shortcuts import issue_token_for
from tests.conftest import VENDORS, render_tag
from tests.contract.base import Contract
from tests.contract.facts import VendorFacts, user_facts
from tests.contract.snippet import HOSTILE_NAMES
from tests.contract.token import assert_never_cached
from tests.factories import UserFactory
from tests.html import Parsed, elements
from tests.settings import SECRETS

_DIGESTS = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


def documented_hash(vendor: VendorFacts, value: str, *, secret: str | None = None) -> str:
    """The vendor's recipe, from its fixture: hex HMAC of ``value`` with the secret's text
    (or, for ``key_encoding`` ``hex``, the bytes its hex spells) as the key."""
    text = secret or SECRETS[vendor.id]
    key = binascii.unhexlify(text) if vendor.rules.key_encoding == "hex" else text.encode()
    return hmac.new(key, value.encode(), _DIGESTS[vendor.rules.algorithm]).hexdigest()


def hashed_value(vendor: VendorFacts, user: Any) -> str:
    """What the vendor hashes for ``user``, by the documents: the fact behind its claim."""
    hashed = str(vendor.rules.hashed)
    return user_facts(user)[vendor.rules.identity[hashed]]


#: In a fixture's ``SNIPPET``: ``TOKEN`` is the hash, ``IDENTITY.<claim>`` that claim of the
#: identity the vendor's documents describe, for the user who signed in.
IDENTITY = "IDENTITY."


def expected_snippet(vendor: VendorFacts, user: Any) -> list[Parsed]:
    """The fixture's whole snippet for ``user``: for a signed-in one, the hash and the
    identity where the fixture marks them; otherwise without those attributes."""
    claims = vendor.claims_for(user) if user.is_authenticated else None
    signed = vendor.expected_snippet(signed_in=True)
    if claims is None:
        return [(tag, {name: value for name, value in attrs.items()
                       if value != "TOKEN" and not value.startswith(IDENTITY)}, text)
                for tag, attrs, text in signed]
    digest = documented_hash(vendor, hashed_value(vendor, user))

    def filled(value: str) -> str:
        if value == "TOKEN":
            return digest
        return str(claims[value.removeprefix(IDENTITY)]) if value.startswith(IDENTITY) else value

    return [(tag, {name: filled(value) for name, value in attrs.items()}, text)
            for tag, attrs, text in signed]


def attribute_values(html: str) -> list[str]:
    """Every attribute value of the snippet, unescaped as the browser reads it."""
    return [value for _, attrs, _ in elements(html) for value in attrs.values()]


@pytest.mark.django_db
class IdentityHashContract(Contract):
    """Every identity-hash vendor."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        return {**super().parameters(), "who": ("anonymous", "staff", "inactive"),
                "hostile_name": HOSTILE_NAMES}

    def test_the_hash_is_the_documented_hmac(self, user: Any) -> None:
        issued = issue_token_for(user, self.vendor.id)

        assert issued.token == documented_hash(self.vendor, hashed_value(self.vendor, user))
        assert issued.expires_at is None
        assert issued.jti is None

    def test_the_identity_follows_the_vendors_documents(self, user: Any) -> None:
        expected = self.vendor.claims_for(user)

        claims = issue_token_for(user, self.vendor.id).claims

        assert {name: claims.get(name) for name in expected} == expected
        assert not {"iat", "exp", "jti"} & set(claims)

    def test_a_hash_for_one_vendor_is_not_another_vendors(self, user: Any) -> None:
        others = [vendor_id for vendor_id in VENDORS if vendor_id != self.vendor.id]
        value = hashed_value(self.vendor, user)
        token = issue_token_for(user, self.vendor.id).token

        assert all(token != documented_hash(self.vendor, value, secret=SECRETS[other])
                   for other in others if self.vendor.rules.key_encoding == "text")

    def test_whole_snippet_for_a_signed_in_user(self, user: Any) -> None:
        assert elements(render_tag(user, self.vendor.id)) == expected_snippet(self.vendor, user)

    def test_the_tag_carries_the_hash_beside_the_identity(self, user: Any) -> None:
        html = render_tag(user, self.vendor.id)
        values = attribute_values(html)

        assert documented_hash(self.vendor, hashed_value(self.vendor, user)) in values
        assert user.email in values or any(user.email in value for value in values)
        assert SECRETS[self.vendor.id] not in html

    def test_users_without_a_hash_get_none(self, who: str) -> None:
        user = {"anonymous": AnonymousUser, "staff": lambda: UserFactory(is_staff=True),
                "inactive": lambda: UserFactory(is_active=False)}[who]()
        html = render_tag(user, self.vendor.id)

        assert elements(html) == expected_snippet(self.vendor, AnonymousUser())
        assert render_tag(user, self.vendor.id, as_token=True) == ""
        if who != "anonymous":
            assert documented_hash(self.vendor, hashed_value(self.vendor, user)) not in html
            assert user.email not in html

    def test_hostile_display_names_stay_attribute_text(self, hostile_name: str) -> None:
        user = UserFactory(first_name=hostile_name, last_name="", username="hostile")
        html = render_tag(user, self.vendor.id)
        shown = [claim for claim, fact in self.vendor.rules.identity.items()
                 if fact == "display_name"]

        assert hostile_name.strip() not in html or not any(c in hostile_name for c in "<>\"'&")
        assert "<script>window.__xss" not in html
        if shown:  # as the browser reads it: an HTML parser turns NUL into U+FFFD
            read = hostile_name.strip().replace("\x00", "\ufffd")
            assert any(read in value for value in attribute_values(html))

    def test_token_endpoint(self, client: Client, user: Any) -> None:
        client.force_login(user)

        response = client.get(f"/feedback-sso/{self.vendor.id}/token/")

        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"token", "identity", "expires_at"}
        assert body["expires_at"] is None
        assert body["token"] == documented_hash(self.vendor, hashed_value(self.vendor, user))
        expected = self.vendor.claims_for(user)
        assert {name: body["identity"].get(name) for name in expected} == expected
        assert SECRETS[self.vendor.id] not in response.content.decode()
        assert_never_cached(response)


@pytest.mark.django_db
class IdentityHashStandIn(Contract):
    """The sandbox's stand-in recomputes the hash as the vendor does."""

    def post(self, client: Client, token: str, identity: dict[str, Any]) -> Any:
        return client.post(f"/sandbox/{self.vendor.id}/verify/",
                           {"token": token, "identity": json.dumps(identity)})

    def test_the_issued_hash_and_identity_are_accepted(self, client: Client, user: Any) -> None:
        issued = issue_token_for(user, self.vendor.id)

        response = self.post(client, issued.token, dict(issued.claims))

        assert response.status_code == 200
        assert response.json()["state"] == "signed-in"
        assert response.json()["user"]["email"] == user.email

    def test_another_identity_under_the_same_hash_is_refused(self, client: Client,
                                                             user: Any) -> None:
        issued = issue_token_for(user, self.vendor.id)
        hashed = str(self.vendor.rules.hashed)
        forged = {**issued.claims, hashed: f"{issued.claims[hashed]}0"}

        response = self.post(client, issued.token, forged)

        assert response.status_code == 403
        assert response.json()["reason"] == "bad_signature"

    def test_a_hash_made_with_another_secret_is_refused(self, client: Client,
                                                        user: Any) -> None:
        issued = issue_token_for(user, self.vendor.id)
        other = "ab" * 32 if self.vendor.rules.key_encoding == "hex" else "another-secret" * 3
        forged = documented_hash(self.vendor, hashed_value(self.vendor, user), secret=other)

        response = self.post(client, forged, dict(issued.claims))

        assert response.status_code == 403
        assert response.json()["reason"] == "bad_signature"

    def test_an_identity_without_the_hashed_claim_is_refused(self, client: Client,
                                                             user: Any) -> None:
        issued = issue_token_for(user, self.vendor.id)
        identity = {name: value for name, value in issued.claims.items()
                    if name != self.vendor.rules.hashed}

        response = self.post(client, issued.token, identity)

        assert response.status_code == 403
        assert response.json()["reason"] == "missing_claim"


def identity_hash_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the identity-hash contract that apply to ``vendor``."""
    return [IdentityHashContract, IdentityHashStandIn]
