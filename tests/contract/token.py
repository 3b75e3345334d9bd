"""The token: it verifies with joserfc, not the PyJWT the app mints with, by the vendor's
documented rules (``tests/oracle.py``), and says what the vendor's documents say it says."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

import pytest
from django.test import Client
from joserfc.errors import BadSignatureError

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.shortcuts import issue_token_for
from tests.conftest import VENDORS
from tests.contract.base import Contract
from tests.contract.facts import VendorFacts
from tests.oracle import verify
from tests.settings import SECRETS


def assert_never_cached(response: Any) -> None:
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "private", "max-age=0"} <= cache_control
    assert response["Pragma"] == "no-cache"


@pytest.mark.django_db
class TokenContract(Contract):
    """Every vendor's tokens."""

    def test_token_verifies_with_an_independent_library(self, user: Any) -> None:
        issued = issue_token_for(user, self.vendor.id)

        claims = verify(self.vendor.id, issued.token)

        assert claims[self.vendor.rules.email_claim] == user.email
        assert claims["jti"] == issued.jti
        assert claims["exp"] == issued.expires_at

    def test_claims_follow_the_vendors_documents(self, user: Any) -> None:
        expected = self.vendor.claims_for(user)

        claims = verify(self.vendor.id, issue_token_for(user, self.vendor.id).token)

        assert {name: claims.get(name) for name in expected} == expected

    def test_token_is_short_lived_and_carries_iat_exp_jti(self, user: Any) -> None:
        before = int(time.time())
        claims = verify(self.vendor.id, issue_token_for(user, self.vendor.id).token)

        assert before <= claims["iat"] <= int(time.time())
        assert 0 < claims["exp"] - claims["iat"] <= 3600
        assert re.fullmatch(r"[0-9a-f-]{36}", claims["jti"])

    def test_every_token_has_a_fresh_jti(self, user: Any) -> None:
        jtis = {issue_token_for(user, self.vendor.id).jti for _ in range(20)}

        assert len(jtis) == 20

    def test_token_signed_for_one_vendor_fails_with_another_vendors_secret(
            self, user: Any) -> None:
        other = next(vendor_id for vendor_id in VENDORS if vendor_id != self.vendor.id)
        token = issue_token_for(user, self.vendor.id).token

        with pytest.raises(BadSignatureError):
            verify(self.vendor.id, token, secret=SECRETS[other])

    def test_token_endpoint(self, client: Client, user: Any) -> None:
        client.force_login(user)

        response = client.get(f"/feedback-sso/{self.vendor.id}/token/")

        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert set(body) == {"token", "expires_at"}
        claims = verify(self.vendor.id, body["token"])
        assert claims[self.vendor.rules.email_claim] == user.email
        assert body["expires_at"] == claims["exp"]
        assert_never_cached(response)


@pytest.mark.django_db
class GrantsRights(Contract):
    """A vendor whose claims can grant rights there (admins, agents, team members)."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        return {**super().parameters(), "granting_claim": tuple(self.vendor.rules.grants)}

    def test_role_granting_claims_come_from_hooks_never_from_user_fields(
            self, granting_claim: str, vendor_settings: Any, user: Any) -> None:
        vendor_id, value = self.vendor.id, self.vendor.rules.grants[granting_claim]
        assert granting_claim in get_vendor_config(vendor_id).spec.claims.roles
        assert granting_claim not in issue_token_for(user, vendor_id).claims
        vendor_settings(USER_CLAIMS=lambda u, config_id: {granting_claim: value}
                        if config_id == vendor_id else {})

        assert verify(vendor_id, issue_token_for(user, vendor_id).token)[granting_claim] == value


def token_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the token's contract that apply to ``vendor``."""
    return [TokenContract, *([GrantsRights] if vendor.rules.grants else [])]
