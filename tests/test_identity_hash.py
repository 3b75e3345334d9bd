"""An identity hash as a kind of signature, whoever describes the vendor: a SPEC dict in
settings (as another package's vendor would be), checked by recomputing the HMAC here."""

from __future__ import annotations

import binascii
import hashlib
import hmac
import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from rest_framework.authtoken.models import Token

from django_feedback_sso.checks import check_settings
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.vendors.spec import VendorSpec
from tests.factories import UserFactory

SECRET = "acme-identity-verification-secret-0123456789"
HEX_SECRET = "4629de5d3c7e0d0f0a0b0c0d0e0f10111213141516171819202122232425de3e"


def acme(**spec: Any) -> dict[str, Any]:
    """A chat widget that hashes the email, as a project or another app describes it;
    a key given as ``None`` is left out."""
    described = {
        "NAME": "Acme Chat", "DOCS_URL": "https://acme.example/identity",
        "CLAIM_NAMES": {"email": "email", "name": "display_name"},
        "REQUIRED_CLAIMS": ["email"], "TOKEN_KIND": "identity_hash", "HASHED_CLAIM": "email",
        **spec}
    return {"SECRET": SECRET, "SPEC": {key: value for key, value in described.items()
                                       if value is not None}}


@pytest.fixture
def acme_chat(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": acme()}}


def recomputed(value: str, key: bytes = SECRET.encode()) -> str:
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


@pytest.mark.django_db
@pytest.mark.usefixtures("acme_chat")
def test_the_hash_is_the_hmac_of_the_hashed_claim(user: Any) -> None:
    issued = issue_token_for(user, "acme")

    assert issued.token == recomputed(user.email)
    assert dict(issued.claims) == {"email": user.email, "name": user.get_full_name()
                                   or user.get_username()}
    assert (issued.jti, issued.expires_at) == (None, None)


@pytest.mark.django_db
def test_a_hex_key_is_the_bytes_its_digits_spell(settings: Any, user: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {**acme(KEY_ENCODING="hex"),
                                                  "SECRET": HEX_SECRET}}}

    token = issue_token_for(user, "acme").token

    assert token == recomputed(user.email, binascii.unhexlify(HEX_SECRET))
    assert token != recomputed(user.email, HEX_SECRET.encode())


@pytest.mark.parametrize("secret", ["not hex at all", "abc", "zz" * 20])
def test_a_hex_key_that_is_not_hex_is_e004_without_the_value(settings: Any,
                                                              secret: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {**acme(KEY_ENCODING="hex"),
                                                  "SECRET": secret}}}

    (message,) = check_settings()

    assert message.id == "feedback_sso.E004"
    assert "must be hexadecimal" in message.msg
    assert secret not in f"{message.msg} {message.hint}"


@pytest.mark.parametrize(("spec", "problem"), [
    ({"HASHED_CLAIM": None}, "needs the hashed_claim"),
    ({"HASHED_CLAIM": "name"}, "must be a required claim"),
    ({"ALGORITHM": "RS256"}, "is an HMAC"),
    ({"TOKEN_KIND": "jwt"}, "for an identity_hash only"),
    ({"TOKEN_KIND": "saml"}, "token_kind must be one of"),
    ({"HANDSHAKE": "oauth"}, "handshake must be one of"),
])
def test_a_spec_that_cannot_hash_is_e013(settings: Any, spec: dict[str, Any],
                                         problem: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": acme(**spec)}}

    (message,) = check_settings()

    assert message.id == "feedback_sso.E013"
    assert problem in message.msg


def test_a_discourse_connect_token_needs_its_handshake() -> None:
    with pytest.raises(ValueError, match="goes with the discourse_connect handshake"):
        VendorSpec.from_flat(id="forum", name="Forum", docs_url="",
                             claim_names={"email": "email"}, token_kind="discourse_connect")


@pytest.mark.django_db
@pytest.mark.usefixtures("acme_chat")
def test_the_endpoint_gives_the_identity_and_its_hash_never_the_secret(
        client: Client, user: Any) -> None:
    client.force_login(user)

    response = client.get("/feedback-sso/acme/token/")

    assert response.status_code == 200
    assert response.json() == {"token": recomputed(user.email), "expires_at": None,
                               "identity": {"email": user.email,
                                            "name": user.get_full_name()
                                            or user.get_username()}}
    assert SECRET not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("acme_chat")
def test_a_hook_can_change_what_is_hashed(settings: Any, user: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": acme()},
                             "USER_CLAIMS": lambda u, config_id: {"email": "ada@work.example"}}

    assert issue_token_for(user, "acme").token == recomputed("ada@work.example")


@pytest.mark.django_db
@pytest.mark.usefixtures("acme_chat")
def test_staff_get_no_hash(staff_user: Any, client: Client) -> None:
    client.force_login(staff_user)

    response = client.get("/feedback-sso/acme/token/")

    assert (response.status_code, response.json()) == (
        403, {"error": "refused", "reason": "staff"})


def verify(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("feedback_sso_verify", "acme", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


@pytest.mark.usefixtures("acme_chat")
def test_verify_checks_a_hash_against_the_identity() -> None:
    identity = json.dumps({"email": "ada@example.com"})

    status, output = verify(recomputed("ada@example.com"), "--identity", identity)

    assert status == 0
    assert output.splitlines()[:5] == [
        "Token for acme (Acme Chat), checked offline:",
        "  PASS  signature: HMAC of 'email', the configured secret",
        "  PASS  required claims", "  PASS  claim values", "  PASS  account"]


@pytest.mark.usefixtures("acme_chat")
def test_verify_refuses_a_hash_of_another_identity() -> None:
    identity = json.dumps({"email": "mallory@example.com"})

    status, output = verify(recomputed("ada@example.com"), "--identity", identity)

    assert status == 1
    assert "  FAIL  signature: not the HMAC of 'email' with Acme Chat's secret" in output
    assert SECRET not in output


@pytest.mark.parametrize("identity", [None, "not json", "[1, 2]", '"ada"'])
@pytest.mark.usefixtures("acme_chat")
def test_verify_needs_the_identity_as_a_json_object(identity: str | None) -> None:
    status, output = verify(recomputed("ada@example.com"),
                            *(["--identity", identity] if identity is not None else []))

    assert status == 2
    assert "pass the identity the widget sends as --identity" in output


@pytest.mark.django_db
@pytest.mark.usefixtures("acme_chat")
def test_the_mint_command_prints_the_hash_and_no_expiry() -> None:
    ada = UserFactory(username="ada", email="ada@example.org", first_name="Ada",
                      last_name="Lovelace")
    out = io.StringIO()
    call_command("feedback_sso_token", "acme", "ada", "--json", stdout=out)
    answer = json.loads(out.getvalue())

    assert answer == {"config_id": "acme", "vendor": "acme",
                      "user": {"pk": str(ada.pk), "username": "ada"},
                      "token": recomputed("ada@example.org"),
                      "claims": {"email": "ada@example.org", "name": "Ada Lovelace"},
                      "expires_at": None, "delivery_url": None}
    out = io.StringIO()
    call_command("feedback_sso_token", "acme", "ada", stdout=out)
    assert "Expires:       (never: what is signed carries no expiry)\n" in out.getvalue()
    assert SECRET not in out.getvalue()


@pytest.mark.django_db
@pytest.mark.urls("tests.drf_urls")
@pytest.mark.usefixtures("acme_chat")
def test_the_rest_framework_view_gives_the_identity_and_its_hash(user: Any) -> None:
    key = Token.objects.create(user=user).key
    response = Client().get("/api/feedback-sso/acme/token/",
                            headers={"Authorization": f"Token {key}"})

    assert response.status_code == 200
    assert response.json()["token"] == recomputed(user.email)
    assert response.json()["identity"]["email"] == user.email
    assert response.json()["expires_at"] is None
    assert SECRET not in response.content.decode()
