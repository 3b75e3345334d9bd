"""The contract every seed vendor keeps: tokens verify independently and follow its docs."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import jwt as pyjwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from joserfc.errors import BadSignatureError

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.tokens import _sign, header_fields, new_jti
from tests.conftest import VENDORS
from tests.oracle import DOCUMENTED, verify
from tests.settings import SECRETS


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_token_verifies_with_an_independent_library(vendor_id: str, user: Any) -> None:
    issued = issue_token_for(user, vendor_id)

    claims = verify(vendor_id, issued.token)

    assert claims[DOCUMENTED[vendor_id].email_claim] == user.email
    assert claims["jti"] == issued.jti
    assert claims["exp"] == issued.expires_at


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_token_is_short_lived_and_carries_iat_exp_jti(vendor_id: str, user: Any) -> None:
    before = int(time.time())
    claims = verify(vendor_id, issue_token_for(user, vendor_id).token)

    assert before <= claims["iat"] <= int(time.time())
    assert 0 < claims["exp"] - claims["iat"] <= 3600
    assert re.fullmatch(r"[0-9a-f-]{36}", claims["jti"])


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_every_token_has_a_fresh_jti(vendor_id: str, user: Any) -> None:
    jtis = {issue_token_for(user, vendor_id).jti for _ in range(20)}

    assert len(jtis) == 20


def test_jti_is_a_version_4_uuid() -> None:
    for _ in range(500):
        jti = new_jti()
        parsed = uuid.UUID(jti)
        assert str(parsed) == jti
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_token_signed_for_one_vendor_fails_with_another_vendors_secret(
    vendor_id: str, user: Any
) -> None:
    other = next(v for v in VENDORS if v != vendor_id)
    token = issue_token_for(user, vendor_id).token

    with pytest.raises(BadSignatureError):
        verify(vendor_id, token, secret=SECRETS[other])


def test_sleekplan_claims(user: Any) -> None:
    user.username = "Jane.Doe-42"
    claims = verify("sleekplan", issue_token_for(user, "sleekplan").token)

    assert claims["mail"] == user.email
    assert claims["id"] == str(user.pk)
    assert claims["full_name"] == "Jane Doe"
    assert claims["name"] == "janedoe42"  # lowercase letters and digits only
    assert "email" not in claims


def test_productlift_claims(user: Any) -> None:
    claims = verify("productlift", issue_token_for(user, "productlift").token)

    assert (claims["email"], claims["uid"], claims["name"]) == (user.email, str(user.pk),
                                                                 "Jane Doe")


def test_feedbackchimp_claims(user: Any) -> None:
    claims = verify("feedbackchimp", issue_token_for(user, "feedbackchimp").token)

    assert (claims["email"], claims["name"]) == (user.email, "Jane Doe")


def test_issuely_claims_and_ten_minute_cap(user: Any) -> None:
    claims = verify("issuely", issue_token_for(user, "issuely").token)

    assert claims["companyId"] == "acme"
    assert claims["email"] == user.email
    assert claims["exp"] - claims["iat"] == 300  # default 5 minutes, Issuely's own example
    assert "role" not in claims  # Issuely's default CUSTOMER applies


def test_boostgpt_claims_and_one_hour_cap(user: Any) -> None:
    claims = verify("boostgpt", issue_token_for(user, "boostgpt").token)

    assert (claims["email"], claims["name"], claims["external_id"]) == (
        user.email, "Jane Doe", str(user.pk))
    assert claims["exp"] - claims["iat"] == 3600


def test_time_is_injectable(user: Any) -> None:
    issued = issue_token_for(user, "issuely", now=1_700_000_000.7)

    assert issued.claims["iat"] == 1_700_000_000
    assert issued.expires_at == 1_700_000_300


@settings(max_examples=200, deadline=None)
@given(payload=st.dictionaries(
    st.text(max_size=8),
    st.none() | st.booleans() | st.integers() | st.text(max_size=30)
    | st.lists(st.integers() | st.text(max_size=5), max_size=3),
    max_size=6))
def test_signing_is_byte_for_byte_what_jwt_encode_writes(payload: dict[str, Any]) -> None:
    """The app signs with PyJWT's algorithm objects, key prepared once; the token must be
    exactly what ``jwt.encode`` makes of the same claims."""
    for vendor_id in VENDORS:
        config = get_vendor_config(vendor_id)
        assert _sign(payload, config) == pyjwt.encode(payload, config.secret,
                                                      algorithm=config.spec.token.algorithm,
                                                      headers=header_fields(config))


@pytest.mark.parametrize(("vendor_id", "expected"), [
    ("frill", {"email": "email", "id": "pk", "name": "name"}),
    ("nolt", {"id": "pk", "email": "email", "name": "name"}),
    ("intercom", {"user_id": "pk", "email": "email", "name": "name"}),
    ("announcekit", {"id": "pk", "name": "name", "email": "email"}),
    ("changelogfy", {"id": "pk", "name": "name", "email": "email"}),
])
def test_identity_claims_by_the_vendors_names(vendor_id: str, expected: dict[str, str],
                                              user: Any) -> None:
    claims = verify(vendor_id, issue_token_for(user, vendor_id).token)
    values = {"email": user.email, "pk": str(user.pk), "name": "Jane Doe"}

    assert {name: claims.get(name) for name in expected} == {
        name: values[source] for name, source in expected.items()}
    assert not {"iat", "exp", "jti"} & set(expected)


def test_uservoice_guid_is_the_user_id_never_the_email(user: Any) -> None:
    # "guid ... A unique identifier for the user -- do NOT use user email".
    claims = verify("uservoice", issue_token_for(user, "uservoice").token)

    assert (claims["guid"], claims["email"], claims["display_name"]) == (
        str(user.pk), user.email, "Jane Doe")
    assert not {"trusted", "admin", "owner"} & set(claims)  # nothing granted by default


def test_zendesk_messaging_claims_and_key_id_header(user: Any) -> None:
    # external_id is "the primary identification ... even when an email address is
    # included"; the header names the signing key (kid).
    token = issue_token_for(user, "zendesk_messaging").token

    claims = verify("zendesk_messaging", token)

    assert (claims["external_id"], claims["scope"], claims["email"], claims["name"]) == (
        str(user.pk), "user", user.email, "Jane Doe")
    assert "email_verified" not in claims  # the app doesn't know the email is verified


def test_featurebase_flat_custom_attributes_and_company_ids_pass_through(
        vendor_settings: Any, user: Any) -> None:
    # The newest JWT article
    # (https://help.featurebase.app/en/help/articles/5257986-creating-and-signing-a-jwt):
    # custom attributes are top-level keys (created in Featurebase first), not a
    # customFields object, and each company is named by companyId.
    extra = {"plan": "enterprise", "seats": 12, "companies": [
        {"companyId": "acme-1", "name": "Acme", "monthlySpend": 500, "industry": "Retail"}]}
    vendor_settings(USER_CLAIMS=lambda u, config_id: extra)

    claims = verify("featurebase", issue_token_for(user, "featurebase").token)

    assert {name: value for name, value in claims.items()
            if name not in ("iat", "exp", "jti")} == {
        "email": user.email, "userId": str(user.pk), "name": "Jane Doe", **extra}


def test_intercom_tokens_last_the_messenger_visit(user: Any) -> None:
    claims = verify("intercom", issue_token_for(user, "intercom").token)

    assert claims["exp"] - claims["iat"] == 3600  # Intercom's own example: now + 3600
