"""The sandbox refuses what each vendor refuses, each time with its own reason.

Bad tokens are forged with joserfc, not with the PyJWT the app mints and verifies with.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.checks import ERROR
from django.test import Client
from django.urls import reverse
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.exceptions import FeedbackSSOTokenRejected
from django_feedback_sso.sandbox.checks import check_debug_only
from django_feedback_sso.sandbox.replay import CacheReplayGuard
from django_feedback_sso.sandbox.vendor_urls import vendor_options
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.vendors import BUILTIN_SPECS
from django_feedback_sso.verification import verify_token
from tests.conftest import VENDORS
from tests.oracle import DOCUMENTED, check_conventions, check_documented
from tests.settings import INSTALLED_APPS, SECRETS
from tests.test_commands import forge_json

REQUIRED = [(vendor_id, claim) for vendor_id in VENDORS
            for claim in DOCUMENTED[vendor_id].required]
HOSTILE = 'Zoë "</script><b>'


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def forge(vendor_id: str, claims: dict[str, Any], *, secret: str | None = None,
          algorithm: str = "HS256", header: dict[str, Any] | None = None) -> str:
    """A token signed with joserfc; the header the vendor documents unless given."""
    key = OctKey.import_key(secret or SECRETS[vendor_id])
    fields = dict(DOCUMENTED[vendor_id].header) if header is None else header
    return jwt.encode({**fields, "alg": algorithm}, claims, key, algorithms=[algorithm])


def good_claims(user: Any, vendor_id: str, **changes: Any) -> dict[str, Any]:
    """A real token's claims, changed; ``None`` drops a claim."""
    claims = dict(issue_token_for(user, vendor_id).claims)
    for name, value in changes.items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return claims


def rejection(vendor_id: str, token: str) -> FeedbackSSOTokenRejected:
    with pytest.raises(FeedbackSSOTokenRejected) as caught:
        verify_token(token, get_vendor_config(vendor_id), replay_guard=CacheReplayGuard())
    return caught.value


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_a_real_token_is_accepted(vendor_id: str, user: Any) -> None:
    token = issue_token_for(user, vendor_id).token

    claims = verify_token(token, get_vendor_config(vendor_id), replay_guard=CacheReplayGuard())

    assert claims[DOCUMENTED[vendor_id].email_claim] == user.email


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_wrong_signature(vendor_id: str, user: Any) -> None:
    token = forge(vendor_id, good_claims(user, vendor_id), secret="another-secret-" * 3)

    assert rejection(vendor_id, token).reason == "bad_signature"


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_token_for_another_vendor_is_a_wrong_signature(vendor_id: str, user: Any) -> None:
    other = next(v for v in VENDORS if v != vendor_id)
    # A vendor that picks its key by a header field (Zendesk Messaging's kid) finds none.
    expected = "invalid_header" if DOCUMENTED[vendor_id].header else "bad_signature"

    assert rejection(vendor_id, issue_token_for(user, other).token).reason == expected


@pytest.mark.parametrize("header", [{}, {"kid": "app_another_key"}])
def test_zendesk_messaging_refuses_a_token_for_another_signing_key(
        header: dict[str, Any], user: Any) -> None:
    token = forge("zendesk_messaging", good_claims(user, "zendesk_messaging"), header=header)

    rejected = rejection("zendesk_messaging", token)

    assert (rejected.reason, rejected.detail) == (
        "invalid_header", "header 'kid' does not name this Zendesk Messaging key (KEY_ID); "
        "Zendesk Messaging looks the secret up by it")


def test_zendesk_messaging_tokens_name_the_signing_key(user: Any) -> None:
    token = issue_token_for(user, "zendesk_messaging").token

    header = jwt.decode(token, OctKey.import_key(SECRETS["zendesk_messaging"]),
                        algorithms=["HS256"]).header

    assert header == {"alg": "HS256", "typ": "JWT", "kid": "app_64f0c0ffee0123456789abcd"}


@pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
def test_wrong_algorithm(algorithm: str, user: Any) -> None:
    token = forge("boostgpt", good_claims(user, "boostgpt"), algorithm=algorithm)

    rejected = rejection("boostgpt", token)

    assert rejected.reason == "wrong_algorithm"
    assert rejected.detail == f"signed with {algorithm}; BoostGPT accepts only HS256"


def test_unsigned_token_is_a_wrong_algorithm(user: Any) -> None:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    token = f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(good_claims(user, 'issuely'))}."

    assert rejection("issuely", token).reason == "wrong_algorithm"


def test_garbage_is_an_invalid_token() -> None:
    assert rejection("sleekplan", "not-a-jwt").reason == "invalid_token"


@pytest.mark.parametrize(("vendor_id", "claim"), REQUIRED)
def test_missing_required_claim(vendor_id: str, claim: str, user: Any) -> None:
    token = forge(vendor_id, good_claims(user, vendor_id, **{claim: None}))

    rejected = rejection(vendor_id, token)

    assert (rejected.reason, rejected.claim) == ("missing_claim", claim)
    assert repr(claim) in rejected.detail


@pytest.mark.parametrize(("vendor_id", "limit"), [("issuely", 600), ("boostgpt", 3600)])
def test_lifetime_too_long(vendor_id: str, limit: int, user: Any) -> None:
    now = int(time.time())
    token = forge(vendor_id, good_claims(user, vendor_id, iat=now, exp=now + limit + 1))

    rejected = rejection(vendor_id, token)

    assert rejected.reason == "lifetime_too_long"
    assert f"at most {limit} s" in rejected.detail


@pytest.mark.parametrize(("vendor_id", "limit"), [("issuely", 600), ("boostgpt", 3600)])
def test_lifetime_at_the_limit_is_accepted(vendor_id: str, limit: int, user: Any) -> None:
    now = int(time.time())
    token = forge(vendor_id, good_claims(user, vendor_id, iat=now, exp=now + limit))

    verify_token(token, get_vendor_config(vendor_id))


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_expired(vendor_id: str, user: Any) -> None:
    now = int(time.time())
    token = forge(vendor_id, good_claims(user, vendor_id, iat=now - 120, exp=now - 60))

    assert rejection(vendor_id, token).reason == "expired"


def test_issued_in_the_future(user: Any) -> None:
    now = int(time.time())
    token = forge("issuely", good_claims(user, "issuely", iat=now + 300, exp=now + 600))

    assert rejection("issuely", token).reason == "not_yet_valid"


@pytest.mark.parametrize("exp", ["Infinity", "NaN", "1" + "0" * 400])
def test_a_time_claim_that_is_no_finite_number_is_an_invalid_claim(exp: str,
                                                                   client: Client) -> None:
    """PyJWT reads NaN, Infinity and integers of any size: Infinity was a 500, NaN a token
    that never expires."""
    token = forge_json("issuely", f'{{"companyId": "acme", "email": "ada@example.org", '
                                  f'"iat": {int(time.time())}, "exp": {exp}}}')

    response = client.post(reverse("feedback_sso_sandbox:verify", args=["issuely"]),
                           {"token": token})

    assert (response.status_code, response.json()) == (403, {
        "state": "refused", "reason": "invalid_claim",
        "detail": "claim 'exp' must be a number of seconds"})


@pytest.mark.parametrize(("vendor_id", "claim", "value"), [
    ("sleekplan", "weight", 11),  # "User weighting from 1 to 10"
    ("issuely", "role", "ADMIN"),  # CUSTOMER or AGENT
    ("issuely", "companyId", "someone-else"),  # not this account's COMPANY_ID
])
def test_invalid_claim_value(vendor_id: str, claim: str, value: Any, user: Any) -> None:
    token = forge(vendor_id, good_claims(user, vendor_id, **{claim: value}))

    rejected = rejection(vendor_id, token)

    assert (rejected.reason, rejected.claim) == ("invalid_claim", claim)


@pytest.mark.parametrize("vendor_id", [v for v in VENDORS if DOCUMENTED[v].rejects_replay])
def test_vendors_with_replay_protection_refuse_a_replayed_jti(vendor_id: str,
                                                              user: Any) -> None:
    token = issue_token_for(user, vendor_id).token
    config = get_vendor_config(vendor_id)
    verify_token(token, config, replay_guard=CacheReplayGuard())

    rejected = rejection(vendor_id, token)

    assert (rejected.reason, rejected.claim) == ("replayed", "jti")


@pytest.mark.parametrize("vendor_id", [v for v in VENDORS
                                       if not DOCUMENTED[v].rejects_replay])
def test_vendors_without_replay_protection_accept_a_token_twice(vendor_id: str,
                                                                user: Any) -> None:
    token = issue_token_for(user, vendor_id).token
    config = get_vendor_config(vendor_id)

    for _ in range(2):
        verify_token(token, config, replay_guard=CacheReplayGuard())


@pytest.mark.parametrize("present", ["email", "userId"])
def test_featurebase_takes_an_email_or_a_user_id(present: str, user: Any) -> None:
    """https://help.featurebase.app/articles/5257986: "at least one of email or userId"."""
    absent = {"email": "userId", "userId": "email"}[present]
    claims = good_claims(user, "featurebase", **{absent: None})

    verified = verify_token(forge("featurebase", claims), get_vendor_config("featurebase"))

    assert verified[present] == claims[present]


def test_featurebase_refuses_a_token_without_email_and_user_id(user: Any) -> None:
    token = forge("featurebase", good_claims(user, "featurebase", email=None, userId=None))

    rejected = rejection("featurebase", token)

    assert (rejected.reason, rejected.claim) == ("missing_claim", "email")
    assert rejected.detail == ("Featurebase requires at least one of the claims 'email', "
                               "'userId'")


def test_checking_without_a_replay_guard_does_not_use_the_token_up(user: Any) -> None:
    token = issue_token_for(user, "feedbackchimp").token
    config = get_vendor_config("feedbackchimp")
    verify_token(token, config)

    verify_token(token, config, replay_guard=CacheReplayGuard())


def test_every_reason_is_distinct_and_documented() -> None:
    codes = [value for name, value in vars(FeedbackSSOTokenRejected).items() if name.isupper()]
    page = (Path(__file__).resolve().parent.parent / "docs" / "sandbox.md").read_text()
    table = page.split("| reason | the token … |", 1)[1].split("\n\n", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE)

    assert len(codes) == len(set(codes))
    assert sorted(documented) == sorted(codes)


# The views -------------------------------------------------------------------------------


def portal(client: Client, vendor_id: str, token: str, page: str = "") -> Any:
    """The stand-in portal, given the token where the vendor takes it (Zendesk: POST)."""
    spec = BUILTIN_SPECS[vendor_id]
    url = (reverse("feedback_sso_sandbox:portal", args=[vendor_id, page]) if page
           else reverse("feedback_sso_sandbox:portal", args=[vendor_id]))
    send = client.post if spec.redirect.method == "post" else client.get
    return send(url, {spec.redirect.token_param: token})


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_portal_shows_who_signed_in_escaped(vendor_id: str, user: Any, client: Client) -> None:
    user.first_name, user.last_name = HOSTILE, "<img src=x onerror=alert(1)>"
    token = issue_token_for(user, vendor_id).token

    response = portal(client, vendor_id, token)
    html = response.content.decode()

    assert response.status_code == 200
    assert 'data-sandbox-state="signed-in"' in html
    assert "Zoë &quot;&lt;/script&gt;&lt;b&gt; &lt;img src=x onerror=alert(1)&gt;" in html
    assert "</script><b>" not in html
    assert "<img src=x" not in html
    assert token not in html
    assert SECRETS[vendor_id] not in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


def test_portal_shows_the_reason_it_refused(user: Any, client: Client) -> None:
    now = int(time.time())
    token = forge("issuely", good_claims(user, "issuely", iat=now, exp=now + 601))

    response = portal(client, "issuely", token, "api/auth/sso")

    assert response.status_code == 403
    assert b"<code data-sandbox-reason>lifetime_too_long</code>" in response.content


def test_portal_refuses_a_replayed_feedbackchimp_token(user: Any, client: Client) -> None:
    token = issue_token_for(user, "feedbackchimp").token

    first = portal(client, "feedbackchimp", token, "api/v1/auth/access/jwt")
    second = portal(client, "feedbackchimp", token, "api/v1/auth/access/jwt")

    assert first.status_code == 200
    assert second.status_code == 403
    assert b"<code data-sandbox-reason>replayed</code>" in second.content


def test_anonymous_portal_links_to_the_sites_redirect_view(client: Client) -> None:
    response = client.get(reverse("feedback_sso_sandbox:portal", args=["feedbackchimp"]))

    assert b'data-sandbox-state="anonymous"' in response.content
    assert b'href="/feedback-sso/feedbackchimp/redirect/?return_to=%2F"' in response.content


def test_zendesk_portal_reads_the_token_from_the_post_body_only(user: Any,
                                                                client: Client) -> None:
    """Zendesk: "Do not place the JWT directly in the URL"; its stand-in ignores one there."""
    token = issue_token_for(user, "zendesk").token
    url = reverse("feedback_sso_sandbox:portal", args=["zendesk", "access/jwt"])

    in_url = client.get(url, {"jwt": token})
    in_body = client.post(f"{url}?brand_id=360001&return_to=/hc", {"jwt": token})

    assert b'data-sandbox-state="anonymous"' in in_url.content
    assert b'data-sandbox-state="signed-in"' in in_body.content
    assert (b"<p data-sandbox-passed-back>Zendesk Help Center got back: "
            b"<code>brand_id=360001</code>.</p>") in in_body.content


def test_portal_of_a_get_vendor_refuses_a_post(user: Any, client: Client) -> None:
    token = issue_token_for(user, "productlane").token
    url = reverse("feedback_sso_sandbox:portal", args=["productlane"])

    assert client.post(url, {"token": token}).status_code == 405


def test_verify_endpoint(user: Any, client: Client) -> None:
    url = reverse("feedback_sso_sandbox:verify", args=["boostgpt"])
    token = issue_token_for(user, "boostgpt").token

    ok = client.post(url, {"token": token}).json()
    bad = client.post(url, {"token": token + "x"})

    assert ok["state"] == "signed-in"
    assert ok["user"] == {"email": user.email, "display_name": "Jane Doe",
                          "user_id": str(user.pk)}
    assert bad.status_code == 403
    assert bad.json()["reason"] == "bad_signature"
    assert client.post(url).status_code == 400
    assert client.put(url, {"token": token}).status_code == 405


def test_verify_page_offers_a_form_and_never_reads_a_token_from_the_url(
        user: Any, client: Client) -> None:
    token = issue_token_for(user, "issuely").token

    response = client.get(reverse("feedback_sso_sandbox:verify", args=["issuely"]),
                          {"token": token})
    html = response.content.decode()

    assert response.status_code == 200
    assert 'data-sandbox-state="anonymous"' in html
    assert '<textarea id="sandbox-token" name="token" rows="6" required></textarea>' in html
    assert '<input type="hidden" name="format" value="html">' in html
    assert token not in html


def test_verify_form_shows_the_verdict_on_a_pasted_token(user: Any, client: Client) -> None:
    url = reverse("feedback_sso_sandbox:verify", args=["sleekplan"])
    token = issue_token_for(user, "sleekplan").token

    ok = client.post(url, {"token": f"  {token}\n", "format": "html"})
    bad = client.post(url, {"token": token + "x", "format": "html"})
    html = ok.content.decode()

    assert ok.status_code == 200
    assert ('<p class="sandbox-status">Signed in as <span data-sandbox-user>Jane Doe</span> '
            f'(<span data-sandbox-email>{user.email}</span>)</p>') in html
    assert f"<dt>mail</dt><dd>{user.email}</dd>" in html
    assert token not in html
    assert SECRETS["sleekplan"] not in html
    assert bad.status_code == 403
    assert b"<code data-sandbox-reason>bad_signature</code>" in bad.content
    assert b'<textarea id="sandbox-token"' in bad.content


@pytest.mark.parametrize(("referer", "back"), [
    ("http://testserver/vendors/issuely/?sso=leaked", "/vendors/issuely/"),
    ("http://testserver", "/"),
    ("", "/"),
    ("https://elsewhere.example/vendors/issuely/", "/"),
    ("http://testserver//elsewhere.example/", "/"),
    ("http://testserver/\\elsewhere.example/", "/"),
    ("javascript:alert(1)", "/"),
])
def test_sandbox_pages_link_back_to_the_site_page_that_sent_the_user(
        referer: str, back: str, client: Client) -> None:
    portal = client.get(reverse("feedback_sso_sandbox:portal", args=["issuely"]),
                        headers={"referer": referer})
    form = client.get(reverse("feedback_sso_sandbox:verify", args=["issuely"]),
                      headers={"referer": referer})

    for response in (portal, form):
        assert f'<a href="{back}" data-sandbox-back>← Back to the site</a>' in (
            response.content.decode())


@pytest.mark.parametrize(("vendor_id", "status"), [
    ("sleekplan", 200), ("productlift", 200), ("boostgpt", 200),
    ("feedbackchimp", 404), ("issuely", 404), ("nosuchvendor", 404),
    ("canny", 200), ("featurebase", 200), ("featureos", 200), ("zendesk", 404),
])
def test_widget_scripts(vendor_id: str, status: int, client: Client) -> None:
    response = client.get(reverse("feedback_sso_sandbox:widget", args=[vendor_id]))

    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "text/javascript; charset=utf-8"
        assert b'"http://testserver/sandbox/' in response.content
        assert b"innerHTML" not in response.content


def test_vendor_options_point_at_the_sandbox_urls() -> None:
    options = vendor_options("http://127.0.0.1:8000/sandbox/")

    assert options["sleekplan"]["WIDGET_SCRIPT_URL"].endswith(
        reverse("feedback_sso_sandbox:widget", args=["sleekplan"]))
    assert options["productlift"]["SDK_URL"].endswith(
        reverse("feedback_sso_sandbox:widget", args=["productlift"]))
    assert options["issuely"]["SSO_URL"].endswith(
        reverse("feedback_sso_sandbox:portal", args=["issuely", "api/auth/sso"]))
    for vendor_id, block in options.items():
        assert block.get("PORTAL_URL", "").endswith(
            reverse("feedback_sso_sandbox:portal", args=[vendor_id]).rstrip("/")
        ) or "PORTAL_URL" not in block


E015_HINT = (
    "The sandbox shows the claims of any token signed with your vendor secrets: add it to "
    "INSTALLED_APPS, and include its URLs, in development settings only. While DEBUG is off "
    "its views answer 404 unless FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG = True, which is for "
    "test suites only (Django's test runner and pytest-django force DEBUG off).")
WITHOUT_THE_APP = [app for app in INSTALLED_APPS if app != "django_feedback_sso.sandbox"]


def test_e015_sandbox_with_debug_off(settings: Any) -> None:
    settings.DEBUG = False
    del settings.FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG
    (error,) = check_debug_only()

    assert (error.id, error.obj) == ("feedback_sso.E015", "INSTALLED_APPS")
    assert error.msg == ("django_feedback_sso.sandbox is installed while DEBUG is False; it "
                         "answers 404 at every URL (FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG is "
                         "not True).")
    assert error.hint == E015_HINT


def test_e015_still_an_error_with_the_test_suites_opt_in(settings: Any) -> None:
    """The opt-in is for test suites, which don't run the check (or silence it)."""
    settings.DEBUG = False
    settings.FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG = True
    (error,) = check_debug_only()

    assert (error.id, error.level) == ("feedback_sso.E015", ERROR)
    assert error.msg == ("django_feedback_sso.sandbox is installed while DEBUG is False; it "
                         "serves anyway: FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG is True.")
    assert error.hint == E015_HINT


def test_e015_quiet_under_debug(settings: Any) -> None:
    settings.DEBUG = True

    assert check_debug_only() == []


@pytest.mark.parametrize(("opt_in", "state"), [
    (True, "serves anyway: FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG is True"),
    (False, "answers 404 at every URL (FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG is not True)"),
])
def test_e015_sandbox_urls_included_without_the_app(settings: Any, opt_in: bool,
                                                    state: str) -> None:
    settings.DEBUG = False
    settings.FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG = opt_in
    settings.INSTALLED_APPS = WITHOUT_THE_APP

    (error,) = check_debug_only()

    assert (error.id, error.level, error.obj) == ("feedback_sso.E015", ERROR, "ROOT_URLCONF")
    assert error.msg == ("ROOT_URLCONF includes the URLs of django_feedback_sso.sandbox while "
                         f"DEBUG is False; the sandbox {state}.")
    assert error.hint == E015_HINT


def test_e015_quiet_without_the_app_or_its_urls(settings: Any) -> None:
    settings.DEBUG = False
    settings.INSTALLED_APPS = WITHOUT_THE_APP
    settings.ROOT_URLCONF = "tests.security.urls"

    assert check_debug_only() == []


def test_e015_is_reported_without_the_sandbox_app() -> None:
    """Registered by the main app, not only in the sandbox app's ready(): a project that
    includes the sandbox's URLs but not its app (opted in, DEBUG off) used to pass."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("DJANGO_SETTINGS_MODULE", None)

    result = subprocess.run(
        [sys.executable, "-m", "django", "check",
         "--settings=tests.sandbox_urls_without_the_app"],
        capture_output=True, text=True, env=env, cwd=root, check=False, timeout=120)

    assert result.returncode == 1, result.stderr
    assert ("ROOT_URLCONF: (feedback_sso.E015) ROOT_URLCONF includes the URLs of "
            "django_feedback_sso.sandbox while DEBUG is False; the sandbox serves anyway: "
            "FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG is True.\n") in result.stderr


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_the_sandbox_asks_what_the_vendor_documents_not_the_apps_conventions(
        vendor_id: str, user: Any) -> None:
    """A token with only the documented claims passes the stand-in, as it would the vendor:
    ``iat``/``jti`` on every token are this app's promise, not every vendor's rule."""
    now = int(time.time())
    values = {"mail": user.email, "email": user.email, "uid": "7", "name": "Jane",
              "jti": "any-random-value", "companyId": "acme", "iat": now, "exp": now + 60,
              "id": "7", "guid": "7", "external_id": "7", "user_id": "7", "scope": "user"}
    rules = DOCUMENTED[vendor_id]
    minimal = {name: values[name] for name in (*rules.required, *rules.required_any[:1])}
    token = forge(vendor_id, minimal)

    claims = verify_token(token, get_vendor_config(vendor_id), replay_guard=CacheReplayGuard())

    assert claims == minimal
    check_documented(vendor_id, claims)
    if not {"iat", "jti"} <= set(minimal):
        with pytest.raises((AssertionError, JoseError)):
            check_conventions({"alg": "HS256", "typ": "JWT"}, claims)
