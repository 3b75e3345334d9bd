"""The sandbox: its reasons, its pages, its URL options and its check. What each vendor's
stand-in accepts and refuses is in the generated contract (tests/contract/sandbox.py).

Bad tokens are forged with joserfc, not with the PyJWT the app mints and verifies with.
"""

from __future__ import annotations

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

from django_feedback_sso.exceptions import FeedbackSSOTokenRejected
from django_feedback_sso.sandbox.checks import check_debug_only
from django_feedback_sso.sandbox.vendor_urls import vendor_options
from django_feedback_sso.shortcuts import issue_token_for
from tests.contract.facts import VendorFacts
from tests.contract.forge import forge, good_claims, portal, rejection
from tests.settings import INSTALLED_APPS, SECRETS
from tests.test_commands import forge_json


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def test_garbage_is_an_invalid_token() -> None:
    assert rejection("sleekplan", "not-a-jwt").reason == "invalid_token"


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


def test_every_reason_is_distinct_and_documented() -> None:
    codes = [value for name, value in vars(FeedbackSSOTokenRejected).items() if name.isupper()]
    page = (Path(__file__).resolve().parent.parent / "docs" / "sandbox.md").read_text()
    table = page.split("| reason | the token … |", 1)[1].split("\n\n", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE)

    assert len(codes) == len(set(codes))
    assert sorted(documented) == sorted(codes)


# The views -------------------------------------------------------------------------------


def test_portal_shows_the_reason_it_refused(user: Any, client: Client) -> None:
    now = int(time.time())
    token = forge("issuely", good_claims(user, "issuely", iat=now, exp=now + 601))

    response = portal(client, VendorFacts.of("issuely"), token, "api/auth/sso")

    assert response.status_code == 403
    assert b"<code data-sandbox-reason>lifetime_too_long</code>" in response.content


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


def test_vendor_options_point_at_the_sandbox_urls() -> None:
    options = vendor_options("http://127.0.0.1:8000/sandbox/")

    assert options["sleekplan"]["WIDGET_SCRIPT_URL"].endswith(
        reverse("feedback_sso_sandbox:widget", args=["sleekplan"]))
    assert options["productlift"]["SDK_URL"].endswith(
        reverse("feedback_sso_sandbox:widget", args=["productlift"]))
    assert options["issuely"]["SSO_URL"].endswith(
        reverse("feedback_sso_sandbox:portal", args=["issuely", "api/auth/sso"]))
    for vendor_id, block in options.items():
        assert block.get("PORTAL_URL", "").endswith((
            reverse("feedback_sso_sandbox:portal", args=[vendor_id]).rstrip("/"),
            # Freshworks: its portal's sign-in starts the round trip.
            reverse("feedback_sso_sandbox:oidc_login", args=[vendor_id]),
        )) or "PORTAL_URL" not in block


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


