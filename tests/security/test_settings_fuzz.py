"""Parsing ``FEEDBACK_SSO`` never raises, whatever the value: every mistake is a problem.

A parse that raises takes the whole site down at the first request, and under ``DEBUG``
Django's error page prints the frame locals of the parser, every vendor's ``SECRET`` among
them. So hostile and merely wrong values alike must come back as system check messages.
"""

from __future__ import annotations

import copy
import os
from typing import Any

import pytest
from django.core.checks import Error
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from django_feedback_sso._settings import parse
from django_feedback_sso.audit import conf as audit_conf
from django_feedback_sso.checks import check_settings
from tests.factories import UserFactory
from tests.settings import FEEDBACK_SSO

pytestmark = pytest.mark.urls("tests.security.urls")


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = {"k": value}
    return value


def with_sleekplan(**options: Any) -> dict[str, Any]:
    """The test settings with Sleekplan's block changed."""
    raw = copy.deepcopy(FEEDBACK_SSO)
    raw["VENDORS"]["sleekplan"].update(options)
    return raw


# Each value crashed the parser before; the check that now reports it.
CRASHERS = [
    pytest.param({**FEEDBACK_SSO, "DEFAULT_VENDOR": ["sleekplan"]}, "feedback_sso.E011",
                 id="unhashable default"),
    pytest.param(with_sleekplan(LIFETIME=10**15), "feedback_sso.E007", id="lifetime overflow"),
    pytest.param(with_sleekplan(CLAIMS={"meta": nested(5000)}), "feedback_sso.E012",
                 id="claims nested deep"),
    pytest.param(with_sleekplan(SECRET="secret-\ud800-" + "x" * 40), "feedback_sso.E004",
                 id="lone surrogate secret"),
    pytest.param(with_sleekplan(CLAIMS={7: "x"}), "feedback_sso.E012",
                 id="claim name not a string"),
    # str.format would pad the host to 10¹⁴ characters: MemoryError, with every secret in
    # the parser's frames.
    pytest.param(with_sleekplan(
        WIDGET_SCRIPT_URL="https://client.sleekplan.com/{PORTAL_URL_HOST:>100000000000000}"),
        "feedback_sso.E009", id="placeholder with a format spec"),
]


@pytest.mark.parametrize(("value", "check_id"), CRASHERS)
def test_values_that_used_to_crash_are_check_errors(settings: Any, value: Any,
                                                    check_id: str) -> None:
    settings.FEEDBACK_SSO = value
    ids = {message.id for message in check_settings() if isinstance(message, Error)}
    assert check_id in ids


@pytest.mark.parametrize(("value", "check_id"), CRASHERS)
@pytest.mark.django_db
def test_a_broken_setting_answers_the_documented_json_503(settings: Any, value: Any,
                                                          check_id: str) -> None:
    settings.FEEDBACK_SSO = value
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())

    response = client.get("/feedback-sso/sleekplan/token/")

    assert (response.status_code, response.json()) == (503, {"error": "vendor_unavailable"})


@pytest.mark.django_db
def test_feedback_sso_none_is_a_configuration_error_not_an_empty_one(settings: Any) -> None:
    """Not "no vendor configured" (whose ids would be 404s): a broken setting, so 503."""
    settings.FEEDBACK_SSO = None
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())

    response = client.get("/feedback-sso/sleekplan/token/")

    assert (response.status_code, response.json()) == (503, {"error": "vendor_unavailable"})


def test_a_vendor_id_that_is_not_a_string_is_an_error_of_its_own(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {("tuple", "id"): {"SECRET": "x" * 40}}}
    assert [message.id for message in check_settings()] == ["feedback_sso.E014"]


def test_the_secret_never_appears_in_the_surrogate_message(settings: Any) -> None:
    secret = "secret-\ud800-" + "never-printed-" * 4
    settings.FEEDBACK_SSO = {"VENDORS": {"sleekplan": {"SECRET": secret}}}
    [error] = [m for m in check_settings() if m.id == "feedback_sso.E004"]
    assert error.msg == ("FEEDBACK_SSO['VENDORS']['sleekplan']['SECRET'] is not valid "
                         "Unicode text (it contains a lone surrogate).")
    assert "never-printed" not in error.msg + (error.hint or "")


# Settings-shaped values: what a settings file, an env parser or a typo can produce.
leaves = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
          | st.text(max_size=20) | st.binary(max_size=8)
          | st.sampled_from(["sleekplan", "SECRET", "https://x", "{PORTAL_URL}", "CLAIMS",
                             "https://x/{PORTAL_URL_HOST:>100000000000000}", "{0}", "{",
                             "HS256", "not.a.module", "django_feedback_sso.vendors.Vendor"]))
values = st.recursive(
    leaves,
    lambda children: (st.lists(children, max_size=4)
                      | st.tuples(children, children)
                      | st.dictionaries(st.text(max_size=12) | st.sampled_from(
                          ["SECRET", "VENDORS", "LIFETIME", "CLAIMS", "SPEC", "CLASS",
                           "PORTAL_URL", "RETURN_HOSTS", "DEFAULT_VENDOR", "sleekplan",
                           "issuely", "CLAIM_NAMES", "SSO_URL"]), children, max_size=4)),
    max_leaves=20,
)


@hypothesis_settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])
@given(raw=values)
def test_parsing_arbitrary_values_never_raises(raw: Any) -> None:
    parse(raw)
    parse({"VENDORS": raw})
    parse({"VENDORS": {"sleekplan": raw}})


@hypothesis_settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])
@given(option=st.sampled_from(["SECRET", "LIFETIME", "ALLOW_STAFF", "CLAIMS", "CLASS", "SPEC",
                               "PORTAL_URL", "PRODUCT_ID", "RETURN_HOSTS", "SDK_URL",
                               "COMPANY_ID", "ROLE"]),
       vendor_id=st.sampled_from(sorted(FEEDBACK_SSO["VENDORS"])),
       value=values)
def test_any_value_of_any_option_never_raises(option: str, vendor_id: str, value: Any) -> None:
    raw = copy.deepcopy(FEEDBACK_SSO)
    raw["VENDORS"][vendor_id][option] = value
    parse(raw)


@hypothesis_settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(["AUDIT_RETENTION", "AUDIT_SYNCHRONOUS_COMMIT", "AUDIT_WRITE"]),
       value=values)
def test_the_audit_apps_parser_never_raises_either(name: str, value: Any) -> None:
    """The audit log parses its own keys: the same promise."""
    audit_conf.parse(value)
    audit_conf.parse({**FEEDBACK_SSO, name: value})
