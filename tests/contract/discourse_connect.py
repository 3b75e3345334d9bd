"""The contract of a DiscourseConnect vendor: the round trip, refusals and open redirects.

Every payload is built and checked here by the recipe of meta.discourse.org topic 13045
and ``lib/discourse_connect_base.rb`` (base64 of a form-encoded query, hex HMAC-SHA256 of
the base64 text as sent), with Python's ``base64`` and ``hmac``, never the app's helpers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from typing import Any
from urllib.parse import parse_qs, parse_qsl, quote, urlencode, urlsplit

import pytest
from django.test import Client

from django_feedback_sso.signals import token_issued
from tests.contract.base import Contract
from tests.contract.facts import VendorFacts, user_facts
from tests.contract.snippet import SnippetContract
from tests.contract.token import assert_never_cached
from tests.factories import StaffUserFactory, UserFactory
from tests.settings import SECRETS

NONCE = "cb68251eefb5211e58c00ff1395f0c0b"


def sign(fields: list[tuple[str, str]], secret: str, *, newlines: bool = False) -> dict[str, str]:
    """``sso`` and ``sig`` as Discourse makes them (``newlines``: Ruby's ``encode64``)."""
    raw = urlencode(fields).encode()
    sso = (base64.encodebytes(raw) if newlines else base64.b64encode(raw)).decode()
    return {"sso": sso, "sig": hmac.new(secret.encode(), sso.encode(), hashlib.sha256).hexdigest()}


def read_answer(location: str, secret: str) -> dict[str, str]:
    """The fields of the answer in ``location``, after checking its signature."""
    raw_query = urlsplit(location).query
    params = parse_qs(raw_query)
    (sso,), (sig,) = params["sso"], params["sig"]
    # Rack reads "+" as a space: the base64 must arrive percent-encoded (%2B, %2F, %3D).
    raw_sso = dict(pair.split("=", 1) for pair in raw_query.split("&"))["sso"]
    assert "+" not in raw_sso
    assert "/" not in raw_sso
    assert "=" not in raw_sso
    assert sig == hmac.new(secret.encode(), sso.encode(), hashlib.sha256).hexdigest()
    return dict(parse_qsl(base64.b64decode(sso, validate=True).decode(), strict_parsing=True))


class Issued:
    """Records ``token_issued``: a refusal must issue nothing."""

    def __init__(self) -> None:
        self.count = 0
        token_issued.connect(self.received)

    def received(self, **kwargs: Any) -> None:
        self.count += 1


@pytest.mark.django_db
class DiscourseConnectContract(Contract):
    """The redirect view answers the forum's signed request, and only that."""

    @property
    def secret(self) -> str:
        return SECRETS[self.vendor.id]

    @property
    def return_sso_url(self) -> str:
        return f"{self.vendor.portal}/session/sso_login"

    def ask(self, client: Client, params: dict[str, str] | None = None, **extra: str) -> Any:
        """The forum's request: ``params`` or a signed nonce and return_sso_url."""
        if params is None:
            params = sign([("nonce", NONCE), ("return_sso_url", self.return_sso_url)],
                          self.secret)
        query = urlencode({**params, **extra})
        return client.get(f"/feedback-sso/{self.vendor.id}/redirect/?{query}")

    def logged_in(self, user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    @pytest.fixture
    def issued(self) -> Any:
        recorder = Issued()
        yield recorder
        token_issued.disconnect(recorder.received)

    def test_the_answer_goes_back_signed_with_the_nonce_and_the_user(self) -> None:
        user = UserFactory(username="sam", first_name="Sam", last_name="Saffron")
        response = self.ask(self.logged_in(user))

        assert response.status_code == 302
        assert_never_cached(response)
        location = response["Location"]
        assert location.startswith(self.return_sso_url + "?")
        facts = user_facts(user)
        expected = {claim: facts[source] for claim, source in self.vendor.rules.identity.items()}
        expected.update({claim: self.vendor.example[option]
                         for claim, option in self.vendor.rules.option_claims.items()})
        assert read_answer(location, self.secret) == {"nonce": NONCE, **expected}

    def test_ruby_encode64_line_breaks_are_accepted(self) -> None:
        params = sign([("nonce", NONCE), ("return_sso_url", self.return_sso_url)],
                      self.secret, newlines=True)
        assert "\n" in params["sso"]
        response = self.ask(self.logged_in(UserFactory()), params)
        assert read_answer(response["Location"], self.secret)["nonce"] == NONCE

    @pytest.mark.parametrize("change", ["bad sig", "another secret", "tampered payload",
                                        "upper-case sig of another payload"])
    def test_a_request_the_forum_did_not_sign_is_refused(self, change: str, issued: Any,
                                                         caplog: Any) -> None:
        params = sign([("nonce", NONCE), ("return_sso_url", self.return_sso_url)], self.secret)
        if change == "bad sig":
            params["sig"] = "0" * 64
        elif change == "another secret":
            params = sign([("nonce", NONCE), ("return_sso_url", self.return_sso_url)],
                          "another-secret-0123456789abcdef")
        elif change == "tampered payload":
            params["sso"] = sign([("nonce", "f" * 32), ("return_sso_url", self.return_sso_url)],
                                 self.secret)["sso"]
        else:
            other = sign([("nonce", "f" * 32), ("return_sso_url", self.return_sso_url)],
                         self.secret)
            params["sig"] = other["sig"].upper()
        with caplog.at_level(logging.WARNING, "django_feedback_sso"):
            response = self.ask(self.logged_in(UserFactory()), params)

        assert response.status_code == 403
        assert "Location" not in response
        assert issued.count == 0
        assert caplog.records, "the refusal is logged"
        assert self.secret not in caplog.text
        assert params["sig"] not in caplog.text

    @pytest.mark.parametrize("params", [
        {"sso": "bm9uY2U9YWJj"}, {"sig": "0" * 64}, {"sso": "", "sig": ""},
        {"sso": "bm9uY2U9YWJj-_", "sig": "0" * 64},  # URL-safe base64: Discourse's regex says no
    ])
    def test_a_missing_or_malformed_parameter_is_refused(self, params: dict[str, str],
                                                         issued: Any) -> None:
        response = self.ask(self.logged_in(UserFactory()), params)

        assert response.status_code == 400
        assert issued.count == 0

    @pytest.mark.parametrize("fields", [
        [("return_sso_url", "https://{host}/session/sso_login")],  # no nonce
        [("nonce", "a&b=c"), ("return_sso_url", "https://{host}/session/sso_login")],
    ])
    def test_a_signed_payload_without_a_plain_nonce_is_refused(self, fields: Any,
                                                               issued: Any) -> None:
        host = self.vendor.own_host
        params = sign([(name, value.format(host=host)) for name, value in fields], self.secret)
        response = self.ask(self.logged_in(UserFactory()), params)

        assert response.status_code == 400
        assert issued.count == 0

    @pytest.mark.parametrize("return_sso_url", [
        "https://evil.example/session/sso_login", "http://{host}/session/sso_login",
        "//evil.example/session/sso_login", "https://{host}.evil.example/session/sso_login",
        "https://{host}@evil.example/", "https://evil.example\\@{host}/",
        "https://{host}:8443/session/sso_login", "javascript:alert(1)", "",
        "https://{host}/session/sso_login?sso=c29tZW9uZQ%3D%3D&sig=00",
        # On the forum's host, but not its sign-in endpoint: only that one is answered.
        "https://{host}/", "https://{host}/admin", "https://{host}/session/sso_login/",
        "https://{host}/session/../session/sso_login", "https://{host}/Session/sso_login",
    ])
    def test_a_return_sso_url_off_the_forum_is_refused(self, return_sso_url: str,
                                                       issued: Any) -> None:
        url = return_sso_url.format(host=self.vendor.own_host)
        params = sign([("nonce", NONCE), ("return_sso_url", url)], self.secret)
        response = self.ask(self.logged_in(UserFactory()), params)

        assert response.status_code == 403
        assert "Location" not in response
        assert issued.count == 0

    def test_an_anonymous_visitor_logs_in_and_comes_back(self, settings: Any) -> None:
        client = Client()
        params = sign([("nonce", NONCE), ("return_sso_url", self.return_sso_url)], self.secret)
        asked = f"/feedback-sso/{self.vendor.id}/redirect/?{urlencode(params)}"

        response = client.get(asked)
        assert response.status_code == 302
        assert response["Location"] == f"{settings.LOGIN_URL}?next={quote(asked, safe='/')}"

        user = UserFactory()
        client.force_login(user)
        (back,) = parse_qs(urlsplit(response["Location"]).query)["next"]
        answer = client.get(back)
        assert read_answer(answer["Location"], self.secret)["email"] == user.email

    def test_staff_get_a_refusal_page_and_no_answer(self, issued: Any) -> None:
        response = self.ask(self.logged_in(StaffUserFactory()))

        assert response.status_code == 403
        assert "Location" not in response
        assert issued.count == 0
        page = response.content.decode()
        assert f'data-feedback-sso-refused="{self.vendor.id}"' in page
        assert f'href="{self.vendor.portal}"' in page

    @pytest.mark.parametrize(("next_page", "return_path"), [
        (None, None), ("/latest", "/latest"), ("/t/welcome/1?page=2", "/t/welcome/1?page=2"),
        ("https://evil.example/", None), ("//evil.example", None),
    ])
    def test_the_tags_link_starts_the_round_trip_at_the_forum(self, next_page: str | None,
                                                              return_path: str | None) -> None:
        query = f"?{urlencode({'next': next_page})}" if next_page else ""
        response = self.logged_in(UserFactory()).get(
            f"/feedback-sso/{self.vendor.id}/redirect/{query}")

        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == (
            f"{self.vendor.portal}/session/sso")
        expected = [] if return_path is None else [("return_path", return_path)]
        assert parse_qsl(location.query) == expected


@pytest.mark.django_db
class DiscourseStandInContract(Contract):
    """The sandbox plays the forum: it signs the request and checks the answer once."""

    def round_trip(self, client: Client) -> str:
        """The forum's log-in, through the site: the stand-in's URL the answer goes to."""
        start = client.get(f"/sandbox/{self.vendor.id}/portal/session/sso")
        assert start.status_code == 302
        answer = client.get(start["Location"])
        assert answer.status_code == 302
        parts = urlsplit(answer["Location"])
        assert parts.path == urlsplit(self.vendor.portal).path + "/session/sso_login"
        return f"/sandbox/{self.vendor.id}/portal/session/sso_login?{parts.query}"

    def test_the_forum_signs_zoe_in_once(self) -> None:
        user = UserFactory()
        client = Client()
        client.force_login(user)
        landing = self.round_trip(client)

        page = client.get(landing)
        assert page.status_code == 200
        assert b'data-sandbox-state="signed-in"' in page.content
        assert user.email.encode() in page.content

        replayed = client.get(landing)
        assert replayed.status_code == 403
        assert b"replayed" in replayed.content

    def test_the_forum_refuses_an_answer_to_a_nonce_it_never_issued(self) -> None:
        params = sign([("nonce", NONCE), ("external_id", "1"), ("email", "a@example.com"),
                       ("require_activation", self.vendor.example["REQUIRE_ACTIVATION"])],
                      SECRETS[self.vendor.id])
        page = Client().get(f"/sandbox/{self.vendor.id}/portal/session/sso_login?"
                            f"{urlencode(params)}")
        assert page.status_code == 403
        assert b"replayed" in page.content

    def test_the_forum_refuses_a_bad_signature(self) -> None:
        client = Client()
        client.force_login(UserFactory())
        landing = self.round_trip(client)
        tampered = landing.replace("sig=", "sig=0", 1)

        page = client.get(tampered)
        assert page.status_code == 403
        assert b"bad_signature" in page.content


def discourse_connect_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the DiscourseConnect contract that apply to ``vendor``."""
    return [DiscourseConnectContract, DiscourseStandInContract, SnippetContract]
