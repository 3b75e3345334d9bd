"""The sandbox's stand-in: it accepts the app's token and refuses what the vendor refuses,
each time with its own reason (the documented rules: tests/contract/rules.py)."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Sequence
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from joserfc.errors import JoseError

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.sandbox.replay import CacheReplayGuard
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.verification import verify_token
from tests.conftest import VENDORS
from tests.contract.base import Contract
from tests.contract.facts import VendorFacts, user_facts
from tests.contract.forge import forge, good_claims, portal, rejection
from tests.contract.rules import (
    LifetimeLimit,
    NoReplay,
    Replay,
    RequiredAnyClaim,
    RequiredClaims,
)
from tests.oracle import check_conventions, check_documented
from tests.settings import SECRETS

HOSTILE = 'Zoë "</script><b>'


@pytest.mark.django_db
class SandboxContract(Contract):
    """Every vendor's stand-in."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        others = [name for name in ("HS256", "HS384", "HS512", "RS256")
                  if name != self.vendor.rules.algorithm]
        return {**super().parameters(), "algorithm": others}

    def test_a_real_token_is_accepted(self, user: Any) -> None:
        token = issue_token_for(user, self.vendor.id).token

        claims = verify_token(token, get_vendor_config(self.vendor.id),
                              replay_guard=CacheReplayGuard())

        assert claims[self.vendor.rules.email_claim] == user.email

    def test_wrong_signature(self, user: Any) -> None:
        token = forge(self.vendor.id, good_claims(user, self.vendor.id),
                      secret="another-secret-" * 3)

        assert rejection(self.vendor.id, token).reason == "bad_signature"

    def test_token_for_another_vendor_is_a_wrong_signature(self, user: Any) -> None:
        other = next(vendor_id for vendor_id in VENDORS if vendor_id != self.vendor.id)
        # A vendor that picks its key by a header field (a kid) finds none; a key-pair
        # vendor's pinned algorithm refuses a shared secret's.
        expected = ("invalid_header" if self.vendor.rules.header else "bad_signature"
                    if self.vendor.rules.algorithm.startswith("HS") else "wrong_algorithm")

        assert rejection(self.vendor.id, issue_token_for(user, other).token).reason == expected

    def test_wrong_algorithm(self, algorithm: str, user: Any) -> None:
        token = forge(self.vendor.id, good_claims(user, self.vendor.id), algorithm=algorithm)

        rejected = rejection(self.vendor.id, token)

        assert (rejected.reason, rejected.detail) == (
            "wrong_algorithm", f"signed with {algorithm}; {self.vendor.spec.name} accepts only "
                               f"{self.vendor.rules.algorithm}")

    def test_unsigned_token_is_a_wrong_algorithm(self, user: Any) -> None:
        def part(data: dict[str, Any]) -> str:
            return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

        header = {**dict(self.vendor.rules.header), "alg": "none", "typ": "JWT"}
        token = f"{part(header)}.{part(good_claims(user, self.vendor.id))}."

        assert rejection(self.vendor.id, token).reason == "wrong_algorithm"

    def test_expired(self, user: Any) -> None:
        now = int(time.time())
        token = forge(self.vendor.id,
                      good_claims(user, self.vendor.id, iat=now - 120, exp=now - 60))

        assert rejection(self.vendor.id, token).reason == "expired"

    def test_the_sandbox_asks_what_the_vendor_documents_not_the_apps_conventions(
            self, user: Any) -> None:
        """A token with only the documented claims passes the stand-in, as it would the
        vendor: ``iat``/``jti`` on every token are this app's promise, not every vendor's."""
        now = int(time.time())
        values = {**self.vendor.claims_for(user), "iat": now, "exp": now + 60,
                  "jti": "any-random-value"}
        rules = self.vendor.rules
        minimal = {name: values[name] for name in (*rules.required, *rules.required_any[:1])}

        claims = verify_token(forge(self.vendor.id, minimal), get_vendor_config(self.vendor.id),
                              replay_guard=CacheReplayGuard())

        assert claims == minimal
        check_documented(self.vendor.id, claims)
        if not {"iat", "jti"} <= set(minimal):
            with pytest.raises((AssertionError, JoseError)):
                check_conventions({"alg": self.vendor.rules.algorithm, "typ": "JWT"}, claims)

    def test_portal_shows_who_signed_in_escaped(self, user: Any, client: Client) -> None:
        user.first_name, user.last_name = HOSTILE, "<img src=x onerror=alert(1)>"
        token = issue_token_for(user, self.vendor.id).token

        response = portal(client, self.vendor, token)
        html = response.content.decode()

        assert response.status_code == 200
        assert 'data-sandbox-state="signed-in"' in html
        if "display_name" in self.vendor.rules.identity.values():  # not Freshworks' sub/email
            assert "Zoë &quot;&lt;/script&gt;&lt;b&gt; &lt;img src=x onerror=alert(1)&gt;" in html
        assert "</script><b>" not in html
        assert "<img src=x" not in html
        assert token not in html
        assert SECRETS[self.vendor.id] not in html
        assert response["Referrer-Policy"] == "no-referrer"
        assert "no-store" in response["Cache-Control"]

    def test_verify_endpoint(self, user: Any, client: Client) -> None:
        url = reverse("feedback_sso_sandbox:verify", args=[self.vendor.id])
        token = issue_token_for(user, self.vendor.id).token
        facts = user_facts(user)
        expected = {fact: facts[fact] for fact in self.vendor.rules.identity.values()}

        ok = client.post(url, {"token": token}).json()
        bad = client.post(url, {"token": token + "x"})

        assert ok["state"] == "signed-in"
        assert {fact: ok["user"].get(fact) for fact in expected} == expected
        assert bad.status_code == 403
        # An RSA signature one character longer no longer decodes (PyJWT's padding check).
        rsa = self.vendor.rules.algorithm.startswith("RS")
        assert bad.json()["reason"] == ("invalid_token" if rsa else "bad_signature")
        assert client.post(url).status_code == 400
        assert client.put(url, {"token": token}).status_code == 405

    def test_widget_script(self, client: Client) -> None:
        """A stand-in loader for a vendor with a widget, none for the others."""
        response = client.get(reverse("feedback_sso_sandbox:widget", args=[self.vendor.id]))

        assert response.status_code == (200 if self.vendor.rules.widget else 404)
        assert response["Content-Type"] == "text/javascript; charset=utf-8"
        if self.vendor.rules.widget:
            assert b'"http://testserver/sandbox/' in response.content
            assert b"innerHTML" not in response.content


class TokenInTheQuery(Contract):
    """A vendor that takes its token in a URL takes no POST."""

    def test_portal_refuses_a_post(self, user: Any, client: Client) -> None:
        token = issue_token_for(user, self.vendor.id).token
        url = reverse("feedback_sso_sandbox:portal", args=[self.vendor.id])

        assert client.post(url, {"token": token}).status_code == 405


class SendsUsersToTheSite(Contract):
    """A vendor whose portal sends visitors to the site's SSO page, naming the page."""

    def test_anonymous_portal_links_to_the_sites_redirect_view(self, client: Client) -> None:
        param = self.vendor.rules.sends_return_in

        response = client.get(reverse("feedback_sso_sandbox:portal", args=[self.vendor.id]))

        assert b'data-sandbox-state="anonymous"' in response.content
        assert (f'href="/feedback-sso/{self.vendor.id}/redirect/?{param}=%2F"'.encode()
                in response.content)


def sandbox_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the stand-in's contract that apply to ``vendor``."""
    rules = vendor.rules
    return [SandboxContract, Replay if rules.rejects_replay else NoReplay,
            *([TokenInTheQuery] if rules.token_in == "query" else []),
            *([RequiredClaims] if rules.required else []),
            *([RequiredAnyClaim] if rules.required_any else []),
            *([LifetimeLimit] if rules.max_lifetime else []),
            *([SendsUsersToTheSite] if rules.sends_return_in else [])]
