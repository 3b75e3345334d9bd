"""The threats of SECURITY.md not covered by a file of their own: algorithm confusion,
replay, clock skew, admin takeover at the vendor, token leakage through caches and CORS."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import jwt as pyjwt
import pytest
from django.test import Client
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, InvalidClaimError
from joserfc.jwk import OctKey

from django_feedback_sso.checks import check_settings
from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.exceptions import FeedbackSSOConfigurationError, FeedbackSSOTokenRejected
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.tokens import verify_signature
from django_feedback_sso.vendors import BUILTIN_SPECS
from django_feedback_sso.vendors.spec import VendorSpec
from tests.conftest import JWT_VENDORS, REDIRECT_VENDORS, VENDORS
from tests.factories import UserFactory
from tests.oracle import DOCUMENTED, decode, verify
from tests.settings import SECRETS

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls")]

TOKEN_IN_PAGE = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


# Algorithm confusion ---------------------------------------------------------------------

#: Keys a project might reach for to change the algorithm: each is refused, never obeyed.
ALGORITHM_ATTEMPTS = [{"ALGORITHM": "none"}, {"ALGORITHM": "HS512"}, {"ALG": "none"},
                      {"CLAIMS": {"alg": "none"}}, {"CLAIMS": {"header": {"alg": "none"}}}]


@pytest.mark.parametrize("attempt", ALGORITHM_ATTEMPTS, ids=str)
@pytest.mark.parametrize("vendor_id", JWT_VENDORS)
def test_every_token_is_hs256_whatever_the_settings_say(
        vendor_id: str, attempt: dict[str, Any], vendor_settings: Any, user: Any) -> None:
    vendor_settings(vendor_id, **attempt)
    problems = [(m.id, m.msg) for m in check_settings() if m.level >= 40]
    try:
        token = issue_token_for(user, vendor_id).token
    except FeedbackSSOConfigurationError:
        assert problems, "a configuration that can't mint must be a check error"
        return
    # The settings took: the extra claim is just a claim; the header is still pinned (to
    # HS256, or a key-pair vendor's documented RS256).
    assert json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "==")) == {
        "alg": DOCUMENTED[vendor_id].algorithm, "typ": "JWT",
        **dict(DOCUMENTED[vendor_id].header)}


@pytest.mark.parametrize("algorithm", ["none", "None", "PS256", "EdDSA", "HS1"])
def test_a_spec_cannot_choose_an_unsigned_or_unlisted_algorithm(
    settings: Any, algorithm: str
) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": "x" * 40, "SPEC": {
        "CLAIM_NAMES": {"email": "email"}, "ALGORITHM": algorithm}}}}

    assert [m.id for m in check_settings()] == ["feedback_sso.E013"]


@pytest.mark.parametrize("algorithm", ["RS256", "ES256"])
def test_a_key_pair_algorithm_never_signs_with_a_shared_secret(
    settings: Any, algorithm: str
) -> None:
    # RS256 "signed" with an HMAC secret is the algorithm-confusion attack's other half:
    # a key-pair spec takes PRIVATE_KEY only, and a SECRET beside it is an error.
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": "x" * 40, "SPEC": {
        "CLAIM_NAMES": {"email": "email"}, "ALGORITHM": algorithm}}}}

    messages = check_settings()
    assert {m.id for m in messages} == {"feedback_sso.E020"}
    assert any("takes no shared secret" in m.msg for m in messages)
    assert not any("x" * 8 in f"{m.msg} {m.hint}" for m in messages)


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_verification_pins_the_algorithm(user: Any) -> None:
    config = get_vendor_config("issuely")
    claims = {"companyId": "acme", "email": "mallory@example.com", "exp": 4_102_444_800}
    unsigned = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."
    other_hmac = pyjwt.encode(claims, SECRETS["issuely"], algorithm="HS512")

    for forged in (unsigned, other_hmac):
        with pytest.raises(FeedbackSSOTokenRejected) as excinfo:
            verify_signature(forged, config)
        assert excinfo.value.reason == FeedbackSSOTokenRejected.WRONG_ALGORITHM
    assert verify_signature(issue_token_for(user, "issuely").token, config)["email"] == user.email


# Replay and clock skew -------------------------------------------------------------------

@pytest.mark.parametrize("vendor_id", JWT_VENDORS)
def test_a_token_expires_after_its_lifetime_and_not_before(vendor_id: str, user: Any) -> None:
    minted_at = 1_700_000_000.999
    issued = issue_token_for(user, vendor_id, now=minted_at)
    claims = decode(vendor_id, issued.token).claims  # joserfc, the documented algorithm
    lifetime = get_vendor_config(vendor_id).lifetime.total_seconds()

    # iat is rounded down, never up: a verifier with no leeway at the very same instant
    # must not see a token "issued in the future".
    jwt.JWTClaimsRegistry(now=int(minted_at), iat={"essential": True}).validate(claims)
    jwt.JWTClaimsRegistry(now=int(minted_at + lifetime) - 1).validate(claims)
    with pytest.raises(ExpiredTokenError):
        jwt.JWTClaimsRegistry(now=int(minted_at + lifetime) + 1).validate(claims)


def test_a_clock_ahead_of_the_vendors_is_caught_by_its_iat_check(user: Any) -> None:
    """Why servers must keep NTP time: a vendor that checks iat strictly refuses tokens
    from a server whose clock runs ahead, which is the failure mode SECURITY.md names."""
    token = issue_token_for(user, "issuely", now=1_700_000_060).token
    claims = jwt.decode(token, OctKey.import_key(SECRETS["issuely"]), algorithms=["HS256"]).claims

    with pytest.raises(InvalidClaimError):
        jwt.JWTClaimsRegistry(now=1_700_000_000, iat={"essential": True}).validate(claims)


def tokens_on_page(page: str, vendor_id: str) -> list[str]:
    section = page.split(f"<section id='{vendor_id}'>")[1].split("</section>")[0]
    return TOKEN_IN_PAGE.findall(section)


@pytest.mark.parametrize("vendor_id", JWT_VENDORS)
def test_every_surface_mints_a_fresh_jti_each_time(vendor_id: str, user: Any) -> None:
    client = Client()
    client.force_login(user)

    tokens = [client.get(f"/feedback-sso/{vendor_id}/token/").json()["token"]
              for _ in range(5)]
    for _ in range(5):
        tokens += tokens_on_page(client.get("/page/").content.decode(), vendor_id)
    jtis = [verify(vendor_id, token)["jti"] for token in tokens]

    assert len(jtis) == (10 if BUILTIN_SPECS[vendor_id].delivery.embeds_token else 5)
    assert len(set(jtis)) == len(jtis)


# Admin takeover at the vendor -------------------------------------------------------------

@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_staff_get_no_token_from_any_surface(flag: str) -> None:
    admin = UserFactory(**{flag: True})
    client = Client()
    client.force_login(admin)

    for vendor_id in VENDORS:
        response = client.get(f"/feedback-sso/{vendor_id}/token/")
        assert response.status_code == 403
        assert response.json() == {"error": "refused", "reason": "staff"}
    for vendor_id in REDIRECT_VENDORS:
        # Freshworks' round trip answers a request without its nonce with a 400, no Location.
        response = client.get(f"/feedback-sso/{vendor_id}/redirect/?nonce=n&state=s")
        assert not TOKEN_IN_PAGE.search(response.get("Location", ""))
        assert not TOKEN_IN_PAGE.search(response.content.decode())
    assert not TOKEN_IN_PAGE.search(client.get("/page/").content.decode())


def test_role_claims_cannot_come_from_user_fields() -> None:
    with pytest.raises(ValueError, match="role claims may not come from user fields"):
        VendorSpec.from_flat(id="acme", name="Acme", docs_url="", claim_names={"role": "username"},
                   role_claims=frozenset({"role"}))


def test_a_user_named_agent_is_still_a_customer_at_issuely(user: Any) -> None:
    user.username = user.first_name = "AGENT"
    user.email = "AGENT@example.com"

    claims = verify("issuely", issue_token_for(user, "issuely").token)

    assert "role" not in claims  # Issuely's default, CUSTOMER


@pytest.mark.parametrize(("vendor_id", "role_claims"), [
    # Nolt: "noltUserRole ... 'ADMIN' or 'MODERATOR'" (https://nolt.io/help/single-sign-on).
    ("nolt", {"noltUserRole"}),
    # UserVoice: trusted, admin:accept, owner:accept (help article 360035554813).
    ("uservoice", {"trusted", "admin", "owner"}),
    ("issuely", {"role"}),
])
def test_no_role_claim_comes_from_anything_a_user_can_edit(
        vendor_id: str, role_claims: set[str], user: Any) -> None:
    user.username = user.first_name = user.last_name = "ADMIN"
    user.email = "ADMIN@example.com"

    claims = verify(vendor_id, issue_token_for(user, vendor_id).token)

    assert BUILTIN_SPECS[vendor_id].claims.roles == role_claims
    assert not role_claims & set(claims)
    assert not role_claims & set(BUILTIN_SPECS[vendor_id].claims.names)


# Token leakage: caches, other origins, our own URLs ---------------------------------------

def test_a_per_site_cache_never_serves_one_users_token_to_another(settings: Any) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "feedback-sso-cache-test"}}
    settings.MIDDLEWARE = ["django.middleware.cache.UpdateCacheMiddleware",
                           *settings.MIDDLEWARE,
                           "django.middleware.cache.FetchFromCacheMiddleware"]
    alice, bob = UserFactory(), UserFactory()
    pages = {}
    for who in (alice, bob, None):
        client = Client()
        if who is not None:
            client.force_login(who)
        response = client.get("/page/")
        assert "Cookie" in response["Vary"]
        pages[who] = response.content.decode()

    for who in (alice, bob):
        (token,) = tokens_on_page(pages[who], "boostgpt")
        assert verify("boostgpt", token)["email"] == who.email
    assert not TOKEN_IN_PAGE.search(pages[None])


def test_the_token_endpoint_is_uncacheable_and_same_origin_only(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get("/feedback-sso/boostgpt/token/", HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 200
    assert {"no-store", "no-cache", "private"} <= {
        part.strip() for part in response["Cache-Control"].split(",")}
    assert response["Pragma"] == "no-cache"
    assert not [name for name in response.headers if name.lower().startswith("access-control")]


def test_the_redirect_is_uncacheable_and_tokens_never_sit_in_our_own_urls(user: Any) -> None:
    client = Client()
    client.force_login(user)

    response = client.get("/feedback-sso/issuely/redirect/?next=/x")

    assert "no-store" in response["Cache-Control"]
    # The token travels only to the vendor; our URLs (what access logs and Referer
    # headers carry) never hold one: not the page, not the endpoint, not the redirect.
    assert TOKEN_IN_PAGE.search(response["Location"])
    assert not TOKEN_IN_PAGE.search(response.request["PATH_INFO"] + response.request.get(
        "QUERY_STRING", ""))


def test_no_token_reaches_any_log(user: Any, all_logs: Any) -> None:
    client = Client()
    client.force_login(user)
    tokens = [client.get(f"/feedback-sso/{vendor_id}/token/").json()["token"]
              for vendor_id in JWT_VENDORS]
    tokens += TOKEN_IN_PAGE.findall(client.get("/page/").content.decode())
    for vendor_id in REDIRECT_VENDORS:  # a Location, or the body of Zendesk's POST form
        response = client.get(f"/feedback-sso/{vendor_id}/redirect/")
        tokens += TOKEN_IN_PAGE.findall(response.get("Location", "") + response.content.decode())

    assert len(tokens) >= 12
    logged = all_logs.text()
    for token in tokens:  # a JWT's signature, or an identity hash whole
        assert token.rsplit(".", 1)[-1] not in logged
