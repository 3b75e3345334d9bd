"""Several configurations of one vendor, side by side, on every surface.

``"sleekplan-eu": {"VENDOR": "sleekplan", ...}`` configures Sleekplan a second time: the key
is the configuration's id, which URLs, the tag, checks, signals and logs use.
"""

from __future__ import annotations

import copy
import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory

from django_feedback_sso.checks import check_settings
from django_feedback_sso.exceptions import FeedbackSSOConfigurationError
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.signals import token_issued
from tests.oracle import verify
from tests.settings import FEEDBACK_SSO, SECRETS

EU_SECRET = "sleekplan-eu-test-secret-0123456789abcdef"
BOT_TWO = "7d0c1e9a-2b3c-4d5e-8f70-1a2b3c4d5e6f"


@pytest.fixture
def two_of_each(settings: Any) -> dict[str, Any]:
    """A second Sleekplan product (another secret and board) and a second BoostGPT bot."""
    config = copy.deepcopy(FEEDBACK_SSO)
    config["VENDORS"]["sleekplan-eu"] = {
        "VENDOR": "sleekplan", "SECRET": EU_SECRET, "PRODUCT_ID": "777",
        "PORTAL_URL": "https://eu.sleekplan.app", "TOKEN_PARAM": "sso"}
    config["VENDORS"]["support-bot"] = {
        "VENDOR": "boostgpt", "SECRET": SECRETS["boostgpt"], "BOT_ID": BOT_TWO}
    settings.FEEDBACK_SSO = config
    return config


def test_both_configurations_pass_the_checks(two_of_each: Any) -> None:
    assert check_settings() == []


def test_each_configuration_signs_with_its_own_secret(two_of_each: Any, user: Any) -> None:
    eu = issue_token_for(user, "sleekplan-eu")
    main = issue_token_for(user, "sleekplan")

    assert eu.config_id == "sleekplan-eu"
    assert verify("sleekplan", eu.token, secret=EU_SECRET)["mail"] == user.email
    assert verify("sleekplan", main.token)["mail"] == user.email
    with pytest.raises(Exception, match="signature"):
        verify("sleekplan", eu.token)  # the main product's secret refuses it


def test_the_endpoint_and_redirect_use_the_configuration_id(two_of_each: Any,
                                                            user: Any) -> None:
    client = Client()
    client.force_login(user)

    token = client.get("/feedback-sso/sleekplan-eu/token/").json()["token"]
    location = client.get("/feedback-sso/sleekplan-eu/redirect/?next=/roadmap")["Location"]

    verify("sleekplan", token, secret=EU_SECRET)
    assert location.startswith("https://eu.sleekplan.app/roadmap?sso=")
    verify("sleekplan", parse_qs(urlsplit(location).query)["sso"][0], secret=EU_SECRET)


def test_the_tag_renders_each_configuration_with_its_own_options(two_of_each: Any,
                                                                 user: Any) -> None:
    request = RequestFactory().get("/")
    request.user = user
    html = Template('{% load feedback_sso %}{% feedback_sso_token "support-bot" %}').render(
        Context({"request": request}))

    assert f'data-bot-id="{BOT_TWO}"' in html
    token = html.split('data-user-token="')[1].split('"')[0]
    assert verify("boostgpt", token)["email"] == user.email


def test_the_signal_names_the_configuration_and_the_vendor(two_of_each: Any,
                                                           user: Any) -> None:
    received: list[dict[str, Any]] = []

    def receiver(**kwargs: Any) -> None:
        received.append(kwargs)

    token_issued.connect(receiver)
    try:
        issue_token_for(user, "support-bot")
    finally:
        token_issued.disconnect(receiver)

    assert [(r["config_id"], r["vendor_id"]) for r in received] == [("support-bot", "boostgpt")]


def test_logs_name_the_configuration(two_of_each: Any, vendor_settings: Any, user: Any,
                                     caplog: pytest.LogCaptureFixture) -> None:
    vendor_settings("support-bot", SECRET=None)
    client = Client()
    client.force_login(user)

    with caplog.at_level(logging.ERROR, logger="django_feedback_sso"):
        assert client.get("/feedback-sso/support-bot/token/").status_code == 503

    assert "configuration for 'support-bot' failed" in caplog.text
    assert client.get("/feedback-sso/boostgpt/token/").status_code == 200


def test_checks_name_the_configuration(two_of_each: Any, vendor_settings: Any) -> None:
    vendor_settings("sleekplan-eu", PRODUCT_ID="eu")

    [error] = check_settings()

    assert (error.id, error.msg) == (
        "feedback_sso.E012", "FEEDBACK_SSO['VENDORS']['sleekplan-eu']['PRODUCT_ID'] must be a "
        "number (digits only), not 'eu'.")


def test_an_unknown_vendor_is_e003_with_a_suggestion(two_of_each: Any,
                                                     vendor_settings: Any) -> None:
    vendor_settings("sleekplan-eu", VENDOR="sleekplna")

    [error] = check_settings()

    assert (error.id, error.msg) == (
        "feedback_sso.E003",
        "FEEDBACK_SSO['VENDORS']['sleekplan-eu']['VENDOR']: 'sleekplna' is not an installed "
        "vendor.")
    assert error.hint.startswith("Did you mean 'sleekplan'? ")


@pytest.mark.parametrize("config_id", ["Sleekplan-EU", "sleek plan", "-eu", "eu/1"])
def test_configuration_ids_are_url_safe(settings: Any, config_id: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {config_id: {"VENDOR": "boostgpt",
                                                     "SECRET": SECRETS["boostgpt"],
                                                     "BOT_ID": BOT_TWO}}}
    [error] = check_settings()

    assert (error.id, error.msg) == (
        "feedback_sso.E014", f"FEEDBACK_SSO['VENDORS'][{config_id!r}]: configuration ids are "
        "lowercase letters, digits, '-' and '_' (they appear in URLs).")


def test_two_configurations_with_page_globals_on_one_page_fail_loudly_under_debug(
        two_of_each: Any, settings: Any, user: Any) -> None:
    """Sleekplan's snippet sets window.SLEEK_USER: a second product would overwrite it."""
    settings.DEBUG = True
    request = RequestFactory().get("/")
    request.user = user
    page = Template('{% load feedback_sso %}{% feedback_sso_token "sleekplan" %}'
                    '{% feedback_sso_token "sleekplan-eu" %}')

    with pytest.raises(FeedbackSSOConfigurationError, match=(
            r"\{% feedback_sso_token 'sleekplan-eu' %\} on a page that already has "
            r"\{% feedback_sso_token 'sleekplan' %\}: both configure Sleekplan")):
        page.render(Context({"request": request}))


def test_one_configuration_per_page_is_fine_and_production_never_raises(
        two_of_each: Any, settings: Any, user: Any) -> None:
    request = RequestFactory().get("/")
    request.user = user
    page = Template('{% load feedback_sso %}{% feedback_sso_token "sleekplan" %}'
                    '{% feedback_sso_token "sleekplan-eu" %}')

    html = page.render(Context({"request": request}))  # DEBUG off: both render

    assert html.count("feedback-sso.js") == 2


def test_the_sandbox_serves_each_configuration_its_vendors_stand_in(two_of_each: Any) -> None:
    client = Client()

    for config_id in ("sleekplan-eu", "support-bot"):
        response = client.get(f"/sandbox/{config_id}/widget.js")
        assert response.status_code == 200
        assert f"/sandbox/{config_id}/verify/" in response.content.decode()
