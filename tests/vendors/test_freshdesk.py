"""Freshworks (Freshdesk)'s quirks: RS256 with the site's own PRIVATE_KEY, the public key
command, the implicit round trip through the sandbox's stand-in, and a private key that never
shows, whatever its value. Its contract is generated (tests/contract/, oidc_implicit.py)."""

from __future__ import annotations

import importlib.util
import logging
from io import StringIO
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from joserfc import jwt
from joserfc.jwk import RSAKey

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.sandbox.vendor_urls import vendor_options
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.tokens import public_key_pem
from tests.browser.support import Page, expect, log_in
from tests.conftest import render_tag
from tests.oracle import public_pem, verify
from tests.settings import FIXTURES

KEY = FIXTURES["freshdesk"].TEST_PRIVATE_KEY
SANDBOX = "http://localhost/sandbox"  # http only on localhost


def pem(key: Any, encryption: Any = None) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             encryption or serialization.NoEncryption()).decode()


@pytest.fixture
def in_sandbox(vendor_settings: Any) -> None:
    vendor_settings("freshdesk", **vendor_options(SANDBOX)["freshdesk"])


# The token --------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_token_is_rs256_and_verifies_with_the_public_key_alone(user: Any) -> None:
    """Recomputed by hand: joserfc, the public key from cryptography, nothing of the app's."""
    token = issue_token_for(user, "freshdesk").token

    decoded = jwt.decode(token, RSAKey.import_key(public_pem(KEY)), algorithms=["RS256"])

    assert dict(decoded.header) == {"alg": "RS256", "typ": "JWT"}
    assert decoded.claims["sub"] == str(user.pk)
    assert decoded.claims["email"] == user.email
    assert isinstance(decoded.claims["iat"], int)


@pytest.mark.django_db
def test_names_are_sent_only_when_a_hook_knows_them(user: Any, vendor_settings: Any) -> None:
    """No identity source splits a name reliably: given_name/family_name come from a hook."""
    assert {"given_name", "family_name"}.isdisjoint(issue_token_for(user, "freshdesk").claims)
    vendor_settings(USER_CLAIMS=lambda u, config_id: {"given_name": "Zoë",
                                                       "family_name": "van der Berg"})

    claims = verify("freshdesk", issue_token_for(user, "freshdesk").token)

    assert (claims["given_name"], claims["family_name"]) == ("Zoë", "van der Berg")


@pytest.mark.django_db
def test_the_tag_links_to_the_portal_which_starts_the_flow(user: Any) -> None:
    html = render_tag(user, "freshdesk")

    assert 'href="https://acme.freshdesk.com/support/login"' in html
    assert "/redirect/" not in html
    assert KEY.splitlines()[1] not in html


# The public key command -------------------------------------------------------------------

def test_the_public_key_command_prints_the_spki_pem() -> None:
    out = StringIO()

    call_command("feedback_sso_public_key", "freshdesk", stdout=out)

    assert out.getvalue() == public_pem(KEY)
    assert out.getvalue().startswith("-----BEGIN PUBLIC KEY-----\n")
    assert public_key_pem(get_vendor_config("freshdesk")) == public_pem(KEY)
    assert "PRIVATE" not in out.getvalue()


def test_the_public_key_command_suggests_a_configuration_for_a_typo() -> None:
    with pytest.raises(CommandError, match="Did you mean 'freshdesk'") as caught:
        call_command("feedback_sso_public_key", "freshdsk")

    assert caught.value.returncode == 2


def test_the_public_key_command_refuses_a_shared_secret_vendor() -> None:
    with pytest.raises(CommandError, match="shares a SECRET") as caught:
        call_command("feedback_sso_public_key", "sleekplan")

    assert caught.value.returncode == 2


# The round trip through the stand-in ------------------------------------------------------

def start(client: Client) -> Any:
    """The stand-in portal's sign-in: off to the site's redirect view with a nonce."""
    return client.get(reverse("feedback_sso_sandbox:oidc_login", args=["freshdesk"]))


def follow(client: Client, response: Any) -> Any:
    assert response.status_code == 302, response.content
    return client.get(response["Location"])


@pytest.mark.django_db
def test_the_stand_in_signs_the_user_in_through_the_round_trip(
        client: Client, user: Any, in_sandbox: None) -> None:
    client.force_login(user)

    asked = start(client)
    sent = parse_qs(urlsplit(asked["Location"]).query)
    answered = follow(client, asked)
    landed = follow(client, answered)

    assert set(sent) == {"response_type", "client_id", "scope", "state", "redirect_uri", "nonce"}
    assert urlsplit(answered["Location"]).path == (
        "/sandbox/freshdesk/oidc/sp/OIDC/302836020429100183/implicit")
    html = landed.content.decode()
    assert landed.status_code == 200
    assert 'data-sandbox-state="signed-in"' in html
    assert user.email in html
    assert KEY.splitlines()[1] not in html
    assert landed["Referrer-Policy"] == "no-referrer"


@pytest.mark.django_db
def test_the_stand_in_refuses_a_state_it_did_not_issue(
        client: Client, user: Any, in_sandbox: None) -> None:
    client.force_login(user)
    asked = start(client)
    query = parse_qs(urlsplit(asked["Location"]).query)
    tampered = {name: values[0] for name, values in query.items()}
    tampered["state"] = "b3RoZXI="

    answered = client.get(f"/feedback-sso/freshdesk/redirect/?{urlencode(tampered)}")
    landed = client.get(answered["Location"])

    assert landed.status_code == 403
    assert b"invalid_state" in landed.content


@pytest.mark.django_db
def test_the_stand_in_refuses_a_token_for_another_sign_in(
        client: Client, user: Any, in_sandbox: None) -> None:
    """An id_token answering another nonce (a replayed answer) is refused by its nonce."""
    client.force_login(user)
    old = follow(client, start(client))["Location"]
    asked = start(client)
    state = parse_qs(urlsplit(asked["Location"]).query)["state"][0]
    old_token = parse_qs(urlsplit(old).query)["id_token"][0]

    answer = urlencode({"state": state, "id_token": old_token})
    landed = client.get(f"{urlsplit(old).path}?{answer}")

    assert landed.status_code == 403
    assert b"invalid_nonce" in landed.content


@pytest.mark.django_db
def test_the_stand_in_refuses_an_answer_nobody_asked_for(client: Client, user: Any,
                                                         in_sandbox: None) -> None:
    token = issue_token_for(user, "freshdesk").token
    url = reverse("feedback_sso_sandbox:oidc_implicit", args=["freshdesk", "302836020429100183"])

    landed = client.get(f"{url}?{urlencode({'state': 'x', 'id_token': token})}")

    assert landed.status_code == 403
    assert b"invalid_state" in landed.content


# The private key is a secret --------------------------------------------------------------

def _rsa(bits: int) -> Any:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def _bad_keys() -> dict[str, Any]:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    short = _rsa(1024)
    return {
        "malformed PEM": KEY.replace("\n", "\n!", 3),
        "truncated PEM": KEY[:400],
        "a public key": public_pem(KEY),
        "an EC key for RS256": pem(ec_key),
        "1024-bit RSA": pem(short),
        "encrypted PEM": pem(_rsa(2048), serialization.BestAvailableEncryption(b"passphrase")),
        "no PEM at all": "hunter2-my-private-key-is-this-text",
        "bytes": KEY.encode(),
        "int": 12345678901234567890,
    }


BAD_KEYS = _bad_keys()


def _fragments(value: Any) -> list[str]:
    """Pieces of the value that must never show: its lines of key material, or itself."""
    text = value.decode() if isinstance(value, bytes) else str(value)
    lines = [line for line in text.splitlines() if line and not line.startswith("-----")]
    return [line[:24] for line in lines if len(line) >= 24] or [text]


@pytest.mark.django_db
@pytest.mark.parametrize("what", list(BAD_KEYS))
def test_a_bad_private_key_is_an_e020_that_never_quotes_it(
        what: str, vendor_settings: Any, client: Client, user: Any,
        caplog: pytest.LogCaptureFixture) -> None:
    value = BAD_KEYS[what]
    vendor_settings("freshdesk", PRIVATE_KEY=value)
    caplog.set_level(logging.DEBUG)

    messages = [m for m in run_checks() if "freshdesk" in m.msg or "freshdesk" in (m.hint or "")]
    client.force_login(user)
    responses = [client.get("/feedback-sso/freshdesk/token/"),
                 client.get("/feedback-sso/freshdesk/redirect/?nonce=n&state=s")]

    assert {m.id for m in messages} == {"feedback_sso.E020"}
    shown = "\n".join([*(f"{m.msg} {m.hint} {m!r}" for m in messages), caplog.text,
                       *(r.content.decode() for r in responses)])
    for fragment in _fragments(value):
        assert fragment not in shown, what
    assert [r.status_code for r in responses] == [503, 503]


@pytest.mark.django_db
def test_the_private_key_shows_in_no_response_log_or_repr(
        client: Client, user: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.force_login(user)
    config = get_vendor_config("freshdesk")
    issued = issue_token_for(user, "freshdesk")

    shown = "\n".join([
        client.get("/feedback-sso/freshdesk/token/").content.decode(),
        str(client.get("/feedback-sso/freshdesk/redirect/?nonce=n&state=s").headers),
        repr(config), str(config), repr(issued), caplog.text,
    ])

    for fragment in _fragments(KEY):
        assert fragment not in shown


@pytest.mark.django_db
def test_the_debug_page_of_a_signing_failure_never_shows_the_key(
        client: Client, user: Any, settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even with DEBUG on and RAISE_ERRORS, a failure inside signing shows no key."""
    from django_feedback_sso import tokens

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("signing backend broke")

    settings.DEBUG = True
    monkeypatch.setattr(tokens, "_signer", boom)
    client.raise_request_exception = False
    client.force_login(user)

    response = client.get("/feedback-sso/freshdesk/redirect/?nonce=n&state=s")

    body = response.content.decode()
    for fragment in _fragments(KEY):
        assert fragment not in body


def test_e021_names_the_extra_when_cryptography_is_missing(
        monkeypatch: pytest.MonkeyPatch, vendor_settings: Any) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "cryptography" else real(name, *a))
    vendor_settings("freshdesk", PRIVATE_KEY=KEY)  # read afresh, without cryptography

    messages = [m for m in run_checks() if m.id == "feedback_sso.E021"]

    assert len(messages) == 1
    assert "freshdesk" in messages[0].msg.lower() or "Freshworks" in messages[0].msg
    assert 'pip install "django-feedback-sso[keys]"' in messages[0].hint
    for fragment in _fragments(KEY):
        assert fragment not in f"{messages[0].msg} {messages[0].hint}"


def test_a_shared_secret_given_to_freshworks_is_an_e020(vendor_settings: Any) -> None:
    vendor_settings("freshdesk", SECRET="a-shared-secret-0123456789abcdef-0000")

    messages = [m for m in run_checks() if m.id == "feedback_sso.E020"]

    assert len(messages) == 1
    assert "SECRET" in messages[0].msg
    assert "a-shared-secret" not in f"{messages[0].msg} {messages[0].hint}"


# In Chromium ------------------------------------------------------------------------------

@pytest.mark.browser
def test_zoe_starts_at_freshworks_and_arrives_signed_in(page: Page) -> None:
    log_in(page, "zoe")
    page.goto("/sandbox/freshdesk/oidc/login")

    main = page.locator(".sandbox-portal")
    expect(main).to_have_attribute("data-sandbox-state", "signed-in")
    expect(main.locator("[data-sandbox-email]")).to_have_text("zoe@example.com")
    assert "/sandbox/freshdesk/oidc/sp/OIDC/" in page.url
    assert "state=" in page.url

