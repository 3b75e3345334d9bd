"""The vendor secrets never leave the app: not in responses, logs, errors, checks or reprs.

Every test runs with fresh random secrets that exist nowhere but in FEEDBACK_SSO, so a
match anywhere is a leak. Scenarios run with DEBUG off and on: under DEBUG, Django's
technical 500 page shows settings (cleansed by name) and every frame's local variables
(never cleansed under DEBUG), so no frame that can fail may hold a secret.
"""

from __future__ import annotations

import copy
import io
import pprint
import secrets
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.views.debug import SafeExceptionReporterFilter

from django_feedback_sso.checks import check_settings
from django_feedback_sso.conf import Problem, get_config
from django_feedback_sso.shortcuts import issue_token_for
from tests.conftest import REDIRECT_VENDORS, VENDORS
from tests.factories import StaffUserFactory, UserFactory
from tests.security.test_faults import FAULTS, HOOKS
from tests.settings import FEEDBACK_SSO

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls")]


@pytest.fixture
def fresh_secrets(settings: Any) -> dict[str, str]:
    """A new random secret per vendor, present only in FEEDBACK_SSO."""
    config = copy.deepcopy(FEEDBACK_SSO)
    fresh = {vendor_id: secrets.token_urlsafe(48) for vendor_id in VENDORS}
    for vendor_id, secret in fresh.items():
        config["VENDORS"][vendor_id]["SECRET"] = secret
    settings.FEEDBACK_SSO = config
    return fresh


def assert_no_secret(text: str, fresh: dict[str, str], where: str) -> None:
    for vendor_id, secret in fresh.items():
        # A prefix too: a truncated repr or a log line cut short leaks just as well.
        assert secret[:16] not in text, f"{vendor_id}'s secret appears in {where}"


def exposed(response: Any) -> str:
    """Everything a response, and the exception behind it, would show anyone."""
    parts = [response.content.decode(errors="replace"),
             "\n".join(f"{name}: {value}" for name, value in response.headers.items())]
    exc_info = getattr(response, "exc_info", None)
    if exc_info:
        parts += [str(exc_info[1]), repr(exc_info[1]), "".join(traceback.format_exception(
            *exc_info))]
    return "\n".join(parts)


def visit_everything(client: Client) -> Iterator[tuple[str, Any]]:
    """Every surface of the app, as one user sees it."""
    yield "page", client.get("/page/")
    for vendor_id in VENDORS:
        yield f"{vendor_id} token", client.get(f"/feedback-sso/{vendor_id}/token/")
        yield f"{vendor_id} token POST", client.post(f"/feedback-sso/{vendor_id}/token/")
    for vendor_id in REDIRECT_VENDORS:
        yield f"{vendor_id} redirect", client.get(
            f"/feedback-sso/{vendor_id}/redirect/?next=https://evil.example/&return_to=/x")
    yield "unknown vendor", client.get("/feedback-sso/nosuch/token/")


USERS: dict[str, Callable[[], Any]] = {
    "anonymous": lambda: None,
    "user": UserFactory,
    "staff": StaffUserFactory,
}


@pytest.mark.parametrize("debug", [False, True], ids=["production", "DEBUG"])
@pytest.mark.parametrize("who", list(USERS))
def test_no_secret_in_any_response_header_or_log(
    fresh_secrets: dict[str, str], all_logs: Any, settings: Any, who: str, debug: bool
) -> None:
    settings.DEBUG = debug
    client = Client(raise_request_exception=False)
    user = USERS[who]()
    if user is not None:
        client.force_login(user)

    for where, response in visit_everything(client):
        assert_no_secret(exposed(response), fresh_secrets, f"{where} ({response.status_code})")
    assert_no_secret(all_logs.text(), fresh_secrets, "the logs")


@pytest.mark.parametrize("debug", [False, True], ids=["production", "DEBUG"])
@pytest.mark.parametrize("fault", [*FAULTS, "hook module broken", "vendor class broken"])
def test_no_secret_when_a_vendor_breaks(
    fresh_secrets: dict[str, str], vendor_settings: Callable[..., Any], all_logs: Any,
    settings: Any, user: Any, fault: str, debug: bool
) -> None:
    if fault == "hook module broken":
        vendor_settings(USER_CLAIMS="tests.security.broken_module.hook")
    elif fault == "vendor class broken":
        vendor_settings("productlift", CLASS="tests.security.broken_module.Vendor")
    else:
        change = FAULTS[fault][0]
        vendor_settings("productlift", **change.get("vendor", {}))
        vendor_settings(**{k: v for k, v in change.items() if k != "vendor"})
    settings.DEBUG = debug
    client = Client(raise_request_exception=False)
    client.force_login(user)

    for where, response in visit_everything(client):
        assert_no_secret(exposed(response), fresh_secrets, f"{where} ({response.status_code})")
    assert_no_secret(all_logs.text(), fresh_secrets, "the logs")


def test_no_secret_on_the_debug_page_when_signing_input_is_bad(
    fresh_secrets: dict[str, str], settings: Any, user: Any
) -> None:
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO,
                             "USER_CLAIMS": HOOKS + "sleekplan_meta_date"}
    settings.DEBUG = True
    client = Client(raise_request_exception=False)
    client.force_login(user)

    response = client.get("/feedback-sso/sleekplan/token/")

    assert response.status_code == 500
    assert "claim &#x27;meta&#x27; must be JSON-serialisable" in response.content.decode()
    assert_no_secret(exposed(response), fresh_secrets, "the technical 500 page")


def test_the_technical_500_page_is_what_we_think_it_is(
    fresh_secrets: dict[str, str], settings: Any, user: Any
) -> None:
    """Guards the tests above: under DEBUG a broken vendor does produce Django's technical
    500 page, with the settings section and frame locals that could have leaked."""
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO,
                             "USER_CLAIMS": HOOKS + "nested_datetime"}
    settings.DEBUG = True
    client = Client(raise_request_exception=False)
    client.force_login(user)

    page = client.get("/feedback-sso/productlift/token/").content.decode()

    assert "FeedbackSSOClaimError" in page
    assert "Local vars" in page
    assert "FEEDBACK_SSO" in page
    assert "&#x27;SECRET&#x27;: &#x27;********************&#x27;" in page
    assert_no_secret(page, fresh_secrets, "the technical 500 page")


def test_settings_cleansing_hides_every_nested_secret(fresh_secrets: dict[str, str]) -> None:
    safe = SafeExceptionReporterFilter().get_safe_settings()["FEEDBACK_SSO"]

    for vendor_id in VENDORS:
        assert safe["VENDORS"][vendor_id]["SECRET"] == "********************"
    assert_no_secret(pprint.pformat(safe), fresh_secrets, "the cleansed settings")


def test_no_secret_in_system_check_messages(
    fresh_secrets: dict[str, str], settings: Any
) -> None:
    short = secrets.token_hex(8)
    settings.FEEDBACK_SSO = {"DEFAULT_VENDOR": "nosuch", "TYPO": fresh_secrets["sleekplan"],
                             "VENDORS": {
        "sleekplan": {"SECRET": short},
        "productlift": {"SECRETT": fresh_secrets["productlift"],
                        "PORTAL_URL": f"https://board:{fresh_secrets['boostgpt']}@x.example"},
        "issuely": {"SECRET": fresh_secrets["issuely"], "LIFETIME": 3600, "ROLE": "ADMIN"},
        "boostgpt": {"SECRET": fresh_secrets["boostgpt"], "ALLOW_STAFF": "yes",
                     "CLAIMS": {"exp": 1}},
        "feedbackchimp": {"SECRET": fresh_secrets["feedbackchimp"],
                          "SSO_URL": f"{{PORTAL_URL[{fresh_secrets['feedbackchimp']}]}}"},
        "Acme": {"SECRET": fresh_secrets["sleekplan"]},
    }}

    messages = check_settings()
    output = io.StringIO()
    with pytest.raises(Exception):  # noqa: B017, PT011 - SystemCheckError, any message
        call_command("check", stdout=output, stderr=output)

    assert {m.id for m in messages} >= {"feedback_sso.E002", "feedback_sso.E006",
                                        "feedback_sso.E008", "feedback_sso.E009",
                                        "feedback_sso.E011", "feedback_sso.E012",
                                        "feedback_sso.E014", "feedback_sso.W001"}
    text = "\n".join(f"{m.msg} {m.hint}" for m in messages) + output.getvalue()
    assert_no_secret(text, {**fresh_secrets, "short": short}, "system-check messages")


def test_no_secret_in_the_repr_of_any_config_object(
    fresh_secrets: dict[str, str], vendor_settings: Callable[..., Any], user: Any
) -> None:
    vendor_settings("issuely", SECRET=None)  # a broken vendor is kept as its error
    config = get_config()
    objects: list[Any] = [config, *config.vendors.values(), *config.problems,
                          issue_token_for(user, "sleekplan"), issue_token_for(user, "boostgpt")]
    objects += [vendor_config.vendor for vendor_config in config.vendors.values()
                if not isinstance(vendor_config, Problem)]

    for obj in objects:
        assert_no_secret(repr(obj) + str(obj) + pprint.pformat(obj), fresh_secrets,
                         f"repr of {type(obj).__name__}")
