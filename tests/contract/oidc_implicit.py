"""The contract of a vendor that starts an OpenID-style implicit round trip (Freshworks):
the answer goes to the configured SSO URL only, with the state back and the nonce signed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client

from django_feedback_sso.signals import token_issued
from tests.contract.base import Contract
from tests.contract.facts import VendorFacts, url_parts
from tests.contract.token import assert_never_cached
from tests.oracle import verify

#: What Freshworks sends to the Authorization URL (supportsandbox.freshdesk.com article
#: 11000000028069, quoted there as it stands), less the redirect_uri each test picks.
STATE = ("Y2xhc2h1bml2ZXJzYWxhc3Npc3QuZnJlc2h3b3Jrcy5jb207QVR5MUhESndrY3p2c3pqRFN4WjErb21l"
         "ZWFpT2tpWUxGeXVFbVNmWFFWTT07eGIyQ2U1QUdTREdoV1lRSQ==")
NONCE = "xb2Ce5AGSDGhWYQI"
REQUEST = {"response_type": "id_token", "client_id": "302836020429100183",
           "scope": "openid email profile", "state": STATE, "nonce": NONCE}

HOSTILE_REDIRECT_URIS = (
    "https://evil.example/sp/OIDC/302836020429100183/implicit",
    "https://acme.freshworks.com.evil.example/sp/OIDC/1/implicit",
    "//evil.example/implicit",
    "javascript:alert(1)",
)


@pytest.mark.django_db
class OIDCImplicitContract(Contract):
    """The redirect view answers the vendor's request, never anyone else's URL."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        return {**super().parameters(), "redirect_uri": HOSTILE_REDIRECT_URIS,
                "bad_state": ("https://evil.example/", "a&id_token=forged", "x y",
                              "<script>", "s" * 1025, "")}

    def ask(self, client: Client, **changes: str | None) -> Any:
        params = {**REQUEST, "redirect_uri": self.vendor.sso_url, **changes}
        query = urlencode({name: value for name, value in params.items() if value is not None})
        return client.get(f"/feedback-sso/{self.vendor.id}/redirect/?{query}")

    def answered(self, response: Any) -> tuple[Any, dict[str, list[str]]]:
        assert response.status_code == 302
        location = response["Location"]
        return url_parts(location, drop="id_token")[:3], parse_qs(urlsplit(location).query)

    def test_the_answer_carries_state_and_signed_nonce_to_the_sso_url(
            self, client: Client, user: Any) -> None:
        client.force_login(user)

        response = self.ask(client)

        where, query = self.answered(response)
        assert where == url_parts(self.vendor.sso_url)[:3]
        assert query["state"] == [STATE]
        (token,) = query["id_token"]
        claims = verify(self.vendor.id, token)
        assert claims["nonce"] == NONCE
        assert claims[self.vendor.rules.email_claim] == user.email
        assert {name: claims.get(name) for name in self.vendor.claims_for(user)} == (
            self.vendor.claims_for(user))
        assert_never_cached(response)

    def test_a_hostile_redirect_uri_is_never_followed(self, client: Client, user: Any,
                                                      redirect_uri: str) -> None:
        client.force_login(user)

        where, _ = self.answered(self.ask(client, redirect_uri=redirect_uri))

        assert where == url_parts(self.vendor.sso_url)[:3]
        assert "evil" not in str(where)

    def test_without_a_nonce_nothing_is_issued(self, client: Client, user: Any) -> None:
        client.force_login(user)
        issued: list[Any] = []
        token_issued.connect(issued.append, dispatch_uid="oidc-contract", weak=False)
        try:
            responses = [self.ask(client, nonce=None), self.ask(client, nonce=""),
                         self.ask(client, nonce="a&b"), self.ask(client, nonce="n" * 256)]
        finally:
            token_issued.disconnect(dispatch_uid="oidc-contract")

        assert [r.status_code for r in responses] == [400] * 4
        assert issued == []
        assert all("Location" not in r for r in responses)

    def test_a_state_that_is_not_a_plain_value_is_not_passed_back(
            self, client: Client, user: Any, bad_state: str) -> None:
        client.force_login(user)

        _, query = self.answered(self.ask(client, state=bad_state))

        assert "state" not in query
        assert len(query["id_token"]) == 1

    def test_anonymous_visitors_sign_in_first_and_come_back(self, client: Client) -> None:
        response = self.ask(client)

        assert response.status_code == 302
        login = urlsplit(response["Location"])
        assert login.path == "/accounts/login/"
        (back,) = parse_qs(login.query)["next"]
        assert back.startswith(f"/feedback-sso/{self.vendor.id}/redirect/?")
        assert parse_qs(urlsplit(back).query)["nonce"] == [NONCE]
        assert "id_token" not in parse_qs(urlsplit(back).query)

    def test_refused_users_get_no_token_and_a_clear_answer(self, client: Client,
                                                          staff_user: Any) -> None:
        client.force_login(staff_user)

        response = self.ask(client)

        assert response.status_code == 403
        assert "Location" not in response
        assert self.vendor.spec.name in response.content.decode()
        assert_never_cached(response)


def oidc_implicit_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the implicit round trip's contract that apply to ``vendor``."""
    return [OIDCImplicitContract]
