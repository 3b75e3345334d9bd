"""The rules a vendor documents, which its stand-in enforces: required claims, one claim or
another, a longest lifetime, replay protection."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import pytest
from django.test import Client

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.sandbox.replay import CacheReplayGuard
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.verification import verify_token
from tests.contract.base import Contract
from tests.contract.forge import forge, good_claims, portal, rejection


@pytest.mark.django_db
class RequiredClaims(Contract):
    """A vendor that documents required claims refuses a token without one."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        return {**super().parameters(), "required_claim": self.vendor.rules.required}

    def test_missing_required_claim(self, required_claim: str, user: Any) -> None:
        token = forge(self.vendor.id, good_claims(user, self.vendor.id, **{required_claim: None}))

        rejected = rejection(self.vendor.id, token)

        assert (rejected.reason, rejected.claim) == ("missing_claim", required_claim)
        assert repr(required_claim) in rejected.detail


@pytest.mark.django_db
class RequiredAnyClaim(Contract):
    """A vendor that takes one claim or another (an email or a user id)."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        return {**super().parameters(), "present": self.vendor.rules.required_any}

    def test_takes_any_one_of_its_claims(self, present: str, user: Any) -> None:
        absent = {name: None for name in self.vendor.rules.required_any if name != present}
        claims = good_claims(user, self.vendor.id, **absent)

        verified = verify_token(forge(self.vendor.id, claims), get_vendor_config(self.vendor.id))

        assert verified[present] == claims[present]

    def test_refuses_a_token_without_any_of_them(self, user: Any) -> None:
        names = self.vendor.rules.required_any
        token = forge(self.vendor.id,
                      good_claims(user, self.vendor.id, **dict.fromkeys(names)))

        rejected = rejection(self.vendor.id, token)

        assert (rejected.reason, rejected.claim, rejected.detail) == (
            "missing_claim", names[0], f"{self.vendor.spec.name} requires at least one of the "
                                       f"claims {', '.join(map(repr, names))}")


@pytest.mark.django_db
class LifetimeLimit(Contract):
    """A vendor that documents a longest lifetime refuses a longer one."""

    def test_lifetime_too_long(self, user: Any) -> None:
        limit = self.vendor.rules.max_lifetime
        assert limit is not None
        now = int(time.time())
        token = forge(self.vendor.id,
                      good_claims(user, self.vendor.id, iat=now, exp=now + limit + 1))

        rejected = rejection(self.vendor.id, token)

        assert rejected.reason == "lifetime_too_long"
        assert f"at most {limit} s" in rejected.detail

    def test_lifetime_at_the_limit_is_accepted(self, user: Any) -> None:
        limit = self.vendor.rules.max_lifetime
        assert limit is not None
        now = int(time.time())
        token = forge(self.vendor.id, good_claims(user, self.vendor.id, iat=now, exp=now + limit))

        verify_token(token, get_vendor_config(self.vendor.id))


@pytest.mark.django_db
class Replay(Contract):
    """A vendor with replay protection refuses a ``jti`` it has seen."""

    def test_refuses_a_replayed_jti(self, user: Any) -> None:
        token = issue_token_for(user, self.vendor.id).token
        verify_token(token, get_vendor_config(self.vendor.id), replay_guard=CacheReplayGuard())

        rejected = rejection(self.vendor.id, token)

        assert (rejected.reason, rejected.claim) == ("replayed", "jti")

    def test_checking_without_a_replay_guard_does_not_use_the_token_up(self, user: Any) -> None:
        token = issue_token_for(user, self.vendor.id).token
        config = get_vendor_config(self.vendor.id)
        verify_token(token, config)

        verify_token(token, config, replay_guard=CacheReplayGuard())

    def test_portal_refuses_a_replayed_token(self, user: Any, client: Client) -> None:
        token = issue_token_for(user, self.vendor.id).token

        first = portal(client, self.vendor, token)
        second = portal(client, self.vendor, token)

        assert first.status_code == 200
        assert second.status_code == 403
        assert b"<code data-sandbox-reason>replayed</code>" in second.content


@pytest.mark.django_db
class NoReplay(Contract):
    """A vendor without replay protection takes a token twice."""

    def test_accepts_a_token_twice(self, user: Any) -> None:
        token = issue_token_for(user, self.vendor.id).token
        config = get_vendor_config(self.vendor.id)

        for _ in range(2):
            verify_token(token, config, replay_guard=CacheReplayGuard())
