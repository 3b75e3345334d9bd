"""Discourse's quirks: the meta.discourse.org test vectors, the encoding Discourse parses,
role claims, the offline check of an answer, and what never reaches a log."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import logging
from typing import Any
from urllib.parse import parse_qs, parse_qsl, quote, urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from django_feedback_sso.checks import check_settings
from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.signatures import discourse_signature, encode_discourse, hmac_key
from django_feedback_sso.tokens import issue_token
from tests.factories import UserFactory
from tests.settings import SECRETS

# https://meta.discourse.org/t/13045, copied verbatim by several independent test suites
# (research19/roundtrips.md §1.6); 1c88… once printed there is a known mistake.
META_SECRET = "d836444a9e4084d5b224a60c208dce14"
META_NONCE = "cb68251eefb5211e58c00ff1395f0c0b"
META_REQUEST_SSO = "bm9uY2U9Y2I2ODI1MWVlZmI1MjExZTU4YzAwZmYxMzk1ZjBjMGI=\n"
META_REQUEST_SIG = "2828aa29899722b35a2f191d34ef9b3ce695e0e6eeec47deb46d588d70c7cb56"
META_ANSWER_SSO = (
    "bm9uY2U9Y2I2ODI1MWVlZmI1MjExZTU4YzAwZmYxMzk1ZjBjMGImbmFtZT1zYW0mdXNlcm5hbWU9\n"
    "c2Ftc2FtJmVtYWlsPXRlc3QlNDB0ZXN0LmNvbSZleHRlcm5hbF9pZD1oZWxsbzEyMyZyZXF1aXJl\n"
    "X2FjdGl2YXRpb249dHJ1ZQ==\n")
META_ANSWER_SIG = "3a8dd1a73254003d616d610f66049cf741dfcb924c76b9e75efa01b2507ad0d0"
# HGGM DiscourseServiceTests.cs: the same answer in another field order, strict base64.
HGGM_SSO = ("bm9uY2U9Y2I2ODI1MWVlZmI1MjExZTU4YzAwZmYxMzk1ZjBjMGImZW1haWw9dGVzdCU0MHRlc3QuY29tJmV4"
            "dGVybmFsX2lkPWhlbGxvMTIzJnVzZXJuYW1lPXNhbXNhbSZuYW1lPXNhbSZyZXF1aXJlX2FjdGl2YXRpb249"
            "dHJ1ZQ==")
HGGM_SIG = "19d360ba4bb346c06ec7fd40702960bb60588c997ecdae14e65ffb6298cc33eb"

PORTAL = "https://forum.acme.test"


def discourse_roles(user: Any, config_id: str) -> dict[str, Any]:
    """A USER_CLAIMS hook giving forum rights to some users only."""
    if config_id != "discourse":
        return {}
    return {"admin": False, "moderator": True, "add_groups": "beta,testers"}


def hmac_hex(secret: str, text: str) -> str:
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()


def test_the_recipe_here_gives_the_documented_vectors() -> None:
    assert hmac_hex(META_SECRET, META_REQUEST_SSO) == META_REQUEST_SIG
    assert hmac_hex(META_SECRET, META_ANSWER_SSO) == META_ANSWER_SIG
    assert hmac_hex(META_SECRET, HGGM_SSO) == HGGM_SIG


@pytest.fixture
def meta_forum(vendor_settings: Any) -> None:
    vendor_settings("discourse", SECRET=META_SECRET, REQUIRE_ACTIVATION="true")


@pytest.mark.django_db
def test_the_app_signs_the_documented_answer_byte_for_byte(meta_forum: None) -> None:
    """The HGGM answer, from a user and hook giving its fields, in its field order."""
    user = UserFactory(pk=4242, username="samsam", email="test@test.com", first_name="sam",
                       last_name="")

    config = get_vendor_config("discourse")
    issued = issue_token(user, config, echo={"nonce": META_NONCE})
    fields = dict(parse_qsl(base64.b64decode(parse_qs(issued.token)["sso"][0]).decode()))
    assert fields == {"nonce": META_NONCE, "external_id": "4242", "email": "test@test.com",
                      "username": "samsam", "name": "sam", "require_activation": "true"}
    # The same recipe over the documented field order gives the documented sso and sig.
    ordered = urlencode([("nonce", META_NONCE), ("email", "test@test.com"),
                         ("external_id", "hello123"), ("username", "samsam"), ("name", "sam"),
                         ("require_activation", "true")])
    assert encode_discourse(dict(parse_qsl(ordered))) == HGGM_SSO
    assert discourse_signature(hmac_key(META_SECRET), HGGM_SSO) == HGGM_SIG


@pytest.mark.django_db
def test_the_documented_request_with_its_line_break_verifies(meta_forum: None,
                                                             caplog: Any) -> None:
    """The meta request (Ruby ``encode64``, trailing newline) passes the signature check;
    it is then refused only because that old example has no return_sso_url."""
    client = Client()
    client.force_login(UserFactory())
    with caplog.at_level(logging.WARNING, "django_feedback_sso"):
        response = client.get("/feedback-sso/discourse/redirect/?" + urlencode(
            {"sso": META_REQUEST_SSO, "sig": META_REQUEST_SIG}))
    assert response.status_code == 403
    assert "return_sso_url is not the forum's PORTAL_URL/session/sso_login" in caplog.text


@pytest.mark.parametrize(("answer", "valid"), [
    (f"sso={quote(META_ANSWER_SSO, safe='')}&sig={META_ANSWER_SIG}", True),
    (f"{PORTAL}/session/sso_login?sso={quote(HGGM_SSO, safe='')}&sig={HGGM_SIG}", True),
    (f"sso={quote(HGGM_SSO, safe='')}&sig={META_ANSWER_SIG}", False),
])
@pytest.mark.django_db
def test_verify_checks_a_documented_answer(meta_forum: None, answer: str, valid: bool) -> None:
    out = io.StringIO()
    if valid:
        call_command("feedback_sso_verify", "discourse", answer, "--json", stdout=out)
    else:
        with pytest.raises(CommandError):
            call_command("feedback_sso_verify", "discourse", answer, "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["valid"] is valid
    if valid:
        assert report["claims"]["external_id"] == "hello123"
        assert report["claims"]["nonce"] == META_NONCE
        assert [(r["rule"], r["outcome"]) for r in report["rules"]] == [
            ("signature", "passed"), ("required claims", "passed"), ("account", "passed")]
    else:
        assert report["claims"] is None
        assert report["rules"][0]["reason"] == "bad_signature"
    assert META_SECRET not in out.getvalue()


@pytest.mark.django_db
def test_verify_reports_an_answer_without_the_projects_activation_choice() -> None:
    raw = urlencode([("nonce", "abc"), ("external_id", "1"), ("email", "a@example.com"),
                     ("require_activation", "true")])  # the test settings say "false"
    sso = base64.b64encode(raw.encode()).decode()
    answer = urlencode({"sso": sso, "sig": hmac_hex(SECRETS["discourse"], sso)})
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("feedback_sso_verify", "discourse", answer, stdout=out)
    assert "FAIL  account" in out.getvalue()


@pytest.mark.django_db
def test_role_claims_from_the_hook_are_encoded_as_discourse_reads_them(
        vendor_settings: Any) -> None:
    vendor_settings("discourse", CLAIMS={"avatar_url": "https://cdn.example/a.png?x=1"})
    vendor_settings(None, USER_CLAIMS="tests.vendors.test_discourse.discourse_roles")
    user = UserFactory(first_name="Zoë", last_name="Ünal")
    sso = parse_qs(issue_token_for(user, "discourse").token)["sso"][0]
    fields = dict(parse_qsl(base64.b64decode(sso).decode()))
    assert fields["admin"] == "false"
    assert fields["moderator"] == "true"
    assert fields["add_groups"] == "beta,testers"
    assert fields["name"] == "Zoë Ünal"
    # Form encoding, as Rack::Utils.build_query: a space is "+", "@" is "%40".
    raw = base64.b64decode(sso).decode()
    assert "name=Zo%C3%AB+%C3%9Cnal" in raw
    assert "x%3D1" in raw
    assert "%40" in raw


@pytest.mark.parametrize("claims", [{"admin": True}, {"moderator": True},
                                    {"groups": "admins"}, {"add_groups": "staff-lounge"}])
def test_w006_when_settings_make_everyone_staff_at_the_forum(vendor_settings: Any,
                                                            claims: dict[str, Any]) -> None:
    vendor_settings("discourse", CLAIMS=claims)
    assert [m.id for m in check_settings()] == ["feedback_sso.W006"]


def test_w006_quiet_for_admin_false(vendor_settings: Any) -> None:
    vendor_settings("discourse", CLAIMS={"admin": False, "moderator": False})
    assert check_settings() == []


def test_require_activation_is_the_projects_choice(vendor_settings: Any) -> None:
    vendor_settings("discourse", REQUIRE_ACTIVATION=None)
    assert [m.id for m in check_settings()] == ["feedback_sso.E005"]
    vendor_settings("discourse", REQUIRE_ACTIVATION="yes")
    assert [m.id for m in check_settings()] == ["feedback_sso.E012"]


@pytest.mark.django_db
def test_no_answer_and_no_secret_reaches_a_log(caplog: Any) -> None:
    client = Client()
    client.force_login(UserFactory())
    raw = urlencode([("nonce", "abc"), ("return_sso_url", f"{PORTAL}/session/sso_login")])
    sso = base64.b64encode(raw.encode()).decode()
    good = {"sso": sso, "sig": hmac_hex(SECRETS["discourse"], sso)}
    caplog.set_level(logging.DEBUG)
    answer = client.get("/feedback-sso/discourse/redirect/?" + urlencode(good))
    client.get("/feedback-sso/discourse/redirect/?" + urlencode({**good, "sig": "f" * 64}))

    answered = parse_qs(urlsplit(answer["Location"]).query)
    logged = caplog.text
    assert "refused a DiscourseConnect request" in logged
    assert SECRETS["discourse"] not in logged
    assert answered["sig"][0] not in logged
    assert answered["sso"][0] not in logged
    assert "f" * 64 not in logged
