"""A vendor described in settings (``SPEC``): each mistake is one E013 naming its key.

Parsing never raises, and a SPEC's own mistakes are never reported as a broken ``CLASS``.
"""

from __future__ import annotations

from typing import Any

import pytest

from django_feedback_sso.checks import check_settings
from django_feedback_sso.conf import get_vendor_config

SECRET = "acme-secret-0123456789abcdef-0123456789"
WHERE = "FEEDBACK_SSO['VENDORS']['acme']: "


def errors_for(settings: Any, **spec: Any) -> list[tuple[str, str]]:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {
        "SECRET": SECRET, "SPEC": {"CLAIM_NAMES": {"email": "email"}, **spec}}}}
    return [(message.id, message.msg) for message in check_settings()]


def e013(message: str) -> list[tuple[str, str]]:
    return [("feedback_sso.E013", WHERE + message)]


def test_a_normalize_path_that_does_not_import_is_a_spec_error(settings: Any) -> None:
    assert errors_for(settings, CLAIM_RULES={"name": {"NORMALIZE": "nowhere.lower"}}) == e013(
        "SPEC['CLAIM_RULES']['name'] NORMALIZE 'nowhere.lower' does not import "
        "(ModuleNotFoundError: No module named 'nowhere').")


def test_a_pattern_that_is_no_regular_expression_is_a_spec_error(settings: Any) -> None:
    assert errors_for(settings, CLAIM_RULES={"name": {"PATTERN": "[a-z"}}) == e013(
        "SPEC['CLAIM_RULES']['name'] PATTERN is not a regular expression "
        "(unterminated character set at position 0).")


def test_the_sso_url_shorthand_names_its_key(settings: Any) -> None:
    assert errors_for(settings, SSO_URL=["https://board.acme.example/sso"]) == e013(
        "SPEC['SSO_URL'] must be a string, not list.")


def test_the_sso_url_shorthand_keeps_an_existing_return_hosts_option(settings: Any) -> None:
    hosts = {"NAME": "RETURN_HOSTS", "HELP": "Hosts.", "KIND": "hosts"}

    assert errors_for(settings, SSO_URL="https://board.acme.example/sso",
                      OPTIONS=[hosts]) == []
    assert [option.name for option in get_vendor_config("acme").spec.options] == [
        "RETURN_HOSTS", "SSO_URL"]


def test_an_option_named_twice_is_a_spec_error(settings: Any) -> None:
    sso_url = {"NAME": "SSO_URL", "HELP": "Where users go.", "KIND": "url"}

    assert errors_for(settings, SSO_URL="https://board.acme.example/sso",
                      OPTIONS=[sso_url]) == e013("two options are named 'SSO_URL'.")


@pytest.mark.parametrize("spec_fields", [["algorithm"], ["no_such_field"], ["id"]])
def test_an_option_may_replace_only_parameter_names(settings: Any,
                                                    spec_fields: list[str]) -> None:
    option = {"NAME": "PARAM", "HELP": "A parameter.", "KIND": "param",
              "SPEC_FIELDS": spec_fields}
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {
        "SECRET": SECRET, "PARAM": "none",
        "SPEC": {"CLAIM_NAMES": {"email": "email"}, "OPTIONS": [option]}}}}

    assert [(message.id, message.msg) for message in check_settings()] == e013(
        "option PARAM may replace only token_param, return_param, incoming_return_params, "
        "script_token_param, and only as a 'param' option.")


def test_an_option_replacing_a_parameter_must_be_a_param_option(settings: Any) -> None:
    option = {"NAME": "SIGN_IN", "HELP": "The token parameter.", "SPEC_FIELDS": ["token_param"]}

    assert errors_for(settings, OPTIONS=[option]) == e013(
        "option SIGN_IN may replace only token_param, return_param, incoming_return_params, "
        "script_token_param, and only as a 'param' option.")


def test_an_option_named_nowhere_is_a_spec_error(settings: Any) -> None:
    assert errors_for(settings, SSO_URL_OPTION="BOARD_URL") == e013(
        "'BOARD_URL' is named but is not an option.")


@pytest.mark.parametrize(("option", "message"), [
    ({"HELP": "No name."}, "NAME must be an upper-case settings key such as 'BOARD_URL'."),
    ({"NAME": "secret", "HELP": "Lowercase."},
     "NAME must be an upper-case settings key such as 'BOARD_URL'."),
    ({"NAME": "BOARD"}, "HELP must say what the option is and where the vendor shows it."),
    ({"NAME": "BOARD", "HELP": "Board.", "REQUIRED": "yes"}, "REQUIRED must be True or False."),
    ({"NAME": "BOARD", "HELP": "Board.", "DEFAULT": 7}, "DEFAULT must be a string, not int."),
    ({"NAME": "BOARD", "HELP": "Board.", "CHOICES": "ab"}, "CHOICES must be a list of strings."),
    ({"NAME": "BOARD", "HELP": "Board.", "KIND": "email"},
     "KIND must be one of text, url, base_url, choice, digits, param, hosts."),
])
def test_each_option_mistake_names_the_option_and_its_key(settings: Any, option: dict[str, Any],
                                                           message: str) -> None:
    assert errors_for(settings, OPTIONS=[{"NAME": "FIRST", "HELP": "Fine."}, option]) == e013(
        f"SPEC['OPTIONS'][1] {message}")


def test_return_mode_param_needs_a_return_param(settings: Any) -> None:
    assert errors_for(settings, SSO_URL="https://board.acme.example/sso",
                      RETURN_MODE="param") == e013("return_mode param needs a return_param.")


def test_an_option_may_not_take_the_name_of_a_common_key(settings: Any) -> None:
    # Read as an option, SECRET would reach snippet templates (options.SECRET) and, with
    # CLAIM, every token.
    option = {"NAME": "SECRET", "HELP": "The secret.", "CLAIM": "leak"}

    assert errors_for(settings, OPTIONS=[option]) == e013(
        "an option may not be named 'SECRET', a key of every block.")
