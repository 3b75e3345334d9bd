"""Vendors from another installed app (its ``feedback_sso_vendors`` module), on every surface.

``tests/vendor_apps/acme`` ships Acme Board as a package would: the SPEC dict in
``VENDORS``, its snippet among its own templates. A project installs the app and configures
the vendor like a built-in one, with no ``SPEC`` key. The token is checked with joserfc
against Acme Board's contract as written in that module, not with the app's PyJWT.
"""

from __future__ import annotations

import io
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from joserfc import jwt
from joserfc.jwk import OctKey

from django_feedback_sso.checks import check_discovered_vendors, check_settings
from django_feedback_sso.vendors import registry
from django_feedback_sso.vendors.docs import generated_page
from tests.conftest import render_tag
from tests.oracle import check_conventions
from tests.settings import FEEDBACK_SSO, INSTALLED_APPS

SECRET = "acme-board-sso-secret-of-forty-characters"
BOARD = "https://feedback.acme.example"


@pytest.fixture
def acme(settings: Any) -> None:
    """The app installed, and the vendor configured like a built-in one (no SPEC)."""
    settings.INSTALLED_APPS = [*INSTALLED_APPS, "tests.vendor_apps.acme"]
    settings.FEEDBACK_SSO = {**FEEDBACK_SSO, "VENDORS": {
        **FEEDBACK_SSO["VENDORS"], "acmeboard": {"SECRET": SECRET, "BOARD_URL": BOARD}}}


def acme_claims(token: str) -> dict[str, Any]:
    """Acme Board's contract: HS256 with the shared secret; email and uid required."""
    decoded = jwt.decode(token, OctKey.import_key(SECRET), algorithms=["HS256"])
    claims: dict[str, Any] = decoded.claims
    assert claims["email"]
    assert claims["uid"]
    check_conventions(dict(decoded.header), claims)
    return claims


def test_it_is_discovered_and_passes_the_checks(acme: None) -> None:
    assert registry().apps["acmeboard"] == "tests.vendor_apps.acme"
    assert registry().apps["canny"] == "django_feedback_sso"  # the same mechanism
    assert check_discovered_vendors() == []
    assert check_settings() == []


def test_the_tag_renders_its_apps_snippet_with_a_token(acme: None, user: Any) -> None:
    html = render_tag(user, "acmeboard")

    prefix = f'<div id="acme-board" data-board="{BOARD}" data-token="'
    assert html.startswith(prefix)
    assert acme_claims(html[len(prefix):html.index('"', len(prefix))])["email"] == user.email


def test_the_token_endpoint(acme: None, user: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.get(reverse("feedback_sso:token", args=["acmeboard"]))

    assert response.status_code == 200
    assert acme_claims(response.json()["token"])["uid"] == str(user.pk)


def test_the_redirect_view_keeps_to_its_hosts(acme: None, user: Any) -> None:
    client = Client()
    client.force_login(user)
    url = reverse("feedback_sso:redirect", args=["acmeboard"])

    inside = urlsplit(client.get(url, {"return_to": f"{BOARD}/posts/1"})["Location"])
    outside = urlsplit(client.get(url, {"return_to": "https://evil.example/"})["Location"])

    assert (inside.scheme, inside.netloc, inside.path) == ("https", "feedback.acme.example",
                                                            "/sso")
    query = parse_qs(inside.query)
    assert query["return_to"] == [f"{BOARD}/posts/1"]
    assert acme_claims(query["jwt"][0])["email"] == user.email
    assert "return_to" not in parse_qs(outside.query)


def test_the_rest_framework_view(acme: None, user: Any, settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.drf_urls"
    client = Client()
    client.force_login(user)

    response = client.get(reverse("feedback_sso_api:token", args=["acmeboard"]))

    assert acme_claims(response.json()["token"])["email"] == user.email


def test_the_commands_mint_and_verify(acme: None, user: Any) -> None:
    out = io.StringIO()
    call_command("feedback_sso_token", "acmeboard", user.email, "--json", stdout=out)
    token = json.loads(out.getvalue())["token"]
    verified = io.StringIO()
    call_command("feedback_sso_verify", "acmeboard", token, stdout=verified)

    assert acme_claims(token)["email"] == user.email
    assert "signature" in verified.getvalue()


def test_the_audit_log_records_its_tokens(acme: None, user: Any, audit_log: None,
                                          transactional_db: None) -> None:
    from django_feedback_sso.audit.models import AuditEntry

    render_tag(user, "acmeboard")

    assert list(AuditEntry.objects.values_list("config_id", "vendor_id")) == [
        ("acmeboard", "acmeboard")]


def test_the_sandbox_verifies_its_tokens(acme: None, user: Any) -> None:
    client = Client()
    client.force_login(user)
    token = client.get(reverse("feedback_sso:token", args=["acmeboard"])).json()["token"]

    answer = client.post(reverse("feedback_sso_sandbox:verify", args=["acmeboard"]),
                         {"token": token})
    forged = client.post(reverse("feedback_sso_sandbox:verify", args=["acmeboard"]),
                         {"token": token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]})

    assert (answer.status_code, answer.json()["state"]) == (200, "signed-in")
    assert forged.status_code == 403


def test_the_docs_generator_writes_its_page(acme: None) -> None:
    page = generated_page(registry().specs["acmeboard"])

    assert "| `BOARD_URL` | yes | https URL (the portal) | Your board. |" in page
    assert ("- **Redirect view**: `/feedback-sso/acmeboard/redirect/` answers a 302 to "
            "`SSO_URL` with `?jwt=`; a return target goes along as `return_to`.") in page


@pytest.mark.parametrize(("app", "message"), [
    ("broken_import", "tests.vendor_apps.broken_import.feedback_sso_vendors failed to load "
                      "(RuntimeError: acme vendors could not start)."),
    ("not_a_dict", "tests.vendor_apps.not_a_dict.feedback_sso_vendors.VENDORS must be a dict "
                   "of vendor id to SPEC dict or VendorSpec, not list."),
    ("bad_spec", "Vendor 'halfboard' from tests.vendor_apps.bad_spec: "
                 "tests.vendor_apps.bad_spec.feedback_sso_vendors.VENDORS['halfboard']: "
                 "algorithm 'none' is not allowed."),
    ("claims_canny", "Vendor 'canny' from tests.vendor_apps.claims_canny: vendor id 'canny' is "
                     "already provided by django_feedback_sso (the app listed first in "
                     "INSTALLED_APPS keeps it)."),
])
def test_a_broken_app_is_e019_naming_it(settings: Any, app: str, message: str) -> None:
    settings.INSTALLED_APPS = [*INSTALLED_APPS, f"tests.vendor_apps.{app}"]

    [error] = check_discovered_vendors()

    assert (error.id, error.msg, error.obj) == ("feedback_sso.E019", message,
                                                f"tests.vendor_apps.{app}")
    assert registry().specs["canny"].name == "Canny"  # the rest keep working


def test_a_block_naming_a_broken_vendor_says_why(settings: Any) -> None:
    settings.INSTALLED_APPS = [*INSTALLED_APPS, "tests.vendor_apps.bad_spec"]
    settings.FEEDBACK_SSO = {"VENDORS": {"halfboard": {"SECRET": SECRET}}}

    [error] = check_settings()

    assert (error.id, error.msg) == (
        "feedback_sso.E003", "FEEDBACK_SSO['VENDORS']['halfboard']: vendor 'halfboard' from "
        "tests.vendor_apps.bad_spec can't be used: tests.vendor_apps.bad_spec."
        "feedback_sso_vendors.VENDORS['halfboard']: algorithm 'none' is not allowed.")
