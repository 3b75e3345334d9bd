"""One test per system check id, asserting the id and the message."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.checks import ERROR, WARNING
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from django_feedback_sso.checks import check_settings
from django_feedback_sso.conf import load_config
from django_feedback_sso.vendors import BUILTIN_SPECS
from tests.settings import SECRETS


def only(messages: list[Any]) -> Any:
    assert len(messages) == 1, [m.msg for m in messages]
    return messages[0]


def vendor_block(vendor_id: str = "issuely", **values: Any) -> dict[str, Any]:
    base = {"SECRET": SECRETS.get(vendor_id, "x" * 40), "COMPANY_ID": "acme"}
    return {"VENDORS": {vendor_id: {**base, **values}}}


def test_valid_settings_pass(settings: Any) -> None:
    assert check_settings() == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sleekplan", "FEEDBACK_SSO must be a dict, not str."),
        ({"VENDORS": ["sleekplan"]}, "FEEDBACK_SSO['VENDORS'] must be a dict."),
        ({"VENDORS": {"sleekplan": "secret"}}, "FEEDBACK_SSO['VENDORS']['sleekplan'] must be "
                                               "a dict."),
    ],
)
def test_e001_malformed(settings: Any, value: Any, message: str) -> None:
    settings.FEEDBACK_SSO = value
    error = check_settings()[0]
    assert (error.id, error.msg) == ("feedback_sso.E001", message)


def test_e001_feedback_sso_none_is_an_error_not_w002(settings: Any) -> None:
    """``FEEDBACK_SSO = None`` (an env parser's default, say) is a mistake to fix; only a
    project that leaves the setting out has merely configured nothing yet (W002)."""
    settings.FEEDBACK_SSO = None
    error = only(check_settings())
    assert (error.id, error.level, error.msg, error.hint) == (
        "feedback_sso.E001", ERROR, "FEEDBACK_SSO must be a dict, not None.",
        "Set FEEDBACK_SSO = {'VENDORS': {...}}.")
    del settings.FEEDBACK_SSO
    # Deleting a setting sends no setting_changed; undoing the None above sends one after
    # the test, so no cache outlives it.
    load_config.cache_clear()
    warning = only(check_settings())
    assert (warning.id, warning.level, warning.msg) == (
        "feedback_sso.W002", WARNING, "FEEDBACK_SSO['VENDORS'] configures no vendor.")


def test_e002_unknown_top_level_key(settings: Any) -> None:
    settings.FEEDBACK_SSO = {**vendor_block(), "VENDOR": {}}
    error = only(check_settings())
    assert error.id == "feedback_sso.E002"
    assert error.msg == "FEEDBACK_SSO['VENDOR'] is not a known setting."


def test_e003_unknown_vendor_suggests_the_closest(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"sleekplna": {"SECRET": "x" * 40}}}
    error = only(check_settings())
    assert error.id == "feedback_sso.E003"
    assert error.msg == ("FEEDBACK_SSO['VENDORS']['sleekplna']: 'sleekplna' is not an "
                         "installed vendor.")
    assert error.hint == (f"Did you mean 'sleekplan'? Installed: {', '.join(BUILTIN_SPECS)}. "
                          "For another vendor, describe it with 'SPEC', point 'CLASS' at a "
                          "Vendor subclass, or install an app that provides it (a "
                          "feedback_sso_vendors module).")


@pytest.mark.parametrize("secret", [None, ""])
def test_e004_missing_secret(settings: Any, secret: Any) -> None:
    settings.FEEDBACK_SSO = vendor_block(SECRET=secret)
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E004", "FEEDBACK_SSO['VENDORS']['issuely']['SECRET'] is missing or empty.",
        "Set it to Issuely's SSO secret, read from the environment (e.g. "
        "env('ISSUELY_SSO_SECRET') with django-environ), never committed.")


@pytest.mark.parametrize(("secret", "kind"), [
    (8172635409182736, "int"), (b"a-secret-as-bytes-from-a-file-0123", "bytes"),
    (True, "bool"), (["a-secret-in-a-list-0123456789"], "list"),
])
def test_e004_secret_not_a_string_says_its_type_never_its_value(settings: Any, secret: Any,
                                                               kind: str) -> None:
    settings.FEEDBACK_SSO = vendor_block(SECRET=secret)
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E004",
        f"FEEDBACK_SSO['VENDORS']['issuely']['SECRET'] must be a string, not {kind}.",
        "Set it to Issuely's SSO secret as text (a str), read from the environment (e.g. "
        "env('ISSUELY_SSO_SECRET') with django-environ), never committed.")


@pytest.mark.parametrize(("vendor_id", "option"), [("issuely", "COMPANY_ID"),
                                                   ("boostgpt", "BOT_ID"),
                                                   ("productlift", "PORTAL_URL"),
                                                   ("feedbackchimp", "PORTAL_URL")])
def test_e005_missing_required_option(settings: Any, vendor_id: str, option: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {vendor_id: {"SECRET": SECRETS[vendor_id]}}}
    spec = BUILTIN_SPECS[vendor_id]
    [help_text] = [o.help for o in spec.options if o.name == option]

    error = only(check_settings())

    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E005",
        f"FEEDBACK_SSO['VENDORS']['{vendor_id}']['{option}'] is required for {spec.name}.",
        f"{help_text} ({spec.docs_url})")


def test_e005_hint_says_where_to_find_the_value(settings: Any) -> None:
    settings.FEEDBACK_SSO = vendor_block(COMPANY_ID=None)
    assert "Settings → SSO" in only(check_settings()).hint


def test_e006_typo_in_option_key(settings: Any) -> None:
    settings.FEEDBACK_SSO = vendor_block(COMPNY_ID="acme")
    error = only(check_settings())
    assert error.id == "feedback_sso.E006"
    assert error.msg == ("FEEDBACK_SSO['VENDORS']['issuely']['COMPNY_ID'] is not an option of "
                         "Issuely.")
    assert error.hint.startswith("Did you mean 'COMPANY_ID'?")


NOT_A_DURATION = ("must be a number of seconds or a timedelta.",
                  "For example 300 or timedelta(minutes=5).")
TOO_SHORT = ("must be at least one second.", "Leave it out for Issuely's default of 300 seconds.")


@pytest.mark.parametrize(("lifetime", "expected"), [
    ("5m", NOT_A_DURATION), (1.5, NOT_A_DURATION), (10**15, NOT_A_DURATION),
    (0, TOO_SHORT), (-5, TOO_SHORT), (timedelta(milliseconds=500), TOO_SHORT)])
def test_e007_bad_lifetime(settings: Any, lifetime: Any, expected: tuple[str, str]) -> None:
    settings.FEEDBACK_SSO = vendor_block(LIFETIME=lifetime)
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E007", f"FEEDBACK_SSO['VENDORS']['issuely']['LIFETIME'] {expected[0]}",
        expected[1])


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"issuely": {"SECRET": SECRETS["issuely"], "COMPANY_ID": "acme", "LIFETIME": 601}},
         "['issuely']['LIFETIME'] is 601 seconds, above Issuely's maximum of 600 seconds."),
        ({"boostgpt": {"SECRET": SECRETS["boostgpt"], "BOT_ID": "b",
                       "LIFETIME": timedelta(hours=2)}},
         "['boostgpt']['LIFETIME'] is 7200 seconds, above BoostGPT's maximum of 3600 seconds."),
    ],
)
def test_e008_lifetime_above_vendor_maximum(settings: Any, block: Any, message: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": block}
    error = only(check_settings())
    assert error.id == "feedback_sso.E008"
    assert error.msg == "FEEDBACK_SSO['VENDORS']" + message


@pytest.mark.parametrize(("url", "problem"), [
    ("feedback.example.com", "'feedback.example.com': it has no host."),
    ("http://feedback.example.com",
     "'http://feedback.example.com': it must use https (http only on localhost)."),
    ("https://user:pw@feedback.example.com",
     "'https:***@feedback.example.com': it must not contain credentials."),
    ("https://feedback.example.com/#x",
     "'https://feedback.example.com/#x': it must not contain a #fragment."),
    ("https://:99999", "'https://:99999': not a valid URL."),
])
def test_e009_malformed_url(settings: Any, url: str, problem: str) -> None:
    """Reported once, where the mistake is: not again for SDK_URL, built from PORTAL_URL."""
    settings.FEEDBACK_SSO = {"VENDORS": {"productlift": {"SECRET": SECRETS["productlift"],
                                                         "PORTAL_URL": url}}}
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E009", f"FEEDBACK_SSO['VENDORS']['productlift']['PORTAL_URL'] is {problem}",
        "Give an absolute https URL such as 'https://feedback.example.com'.")


def test_e009_http_is_allowed_on_loopback(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"productlift": {
        "SECRET": SECRETS["productlift"], "PORTAL_URL": "http://127.0.0.1:8000/sandbox"}}}
    assert check_settings() == []


SSO_URL = "FEEDBACK_SSO['VENDORS']['featureos']['SSO_URL']"


@pytest.mark.parametrize("template", [
    # str.format would pad the host to 10¹⁴ characters: MemoryError out of manage.py check.
    "https://app.featureos.app/redirects/sso?domain={PORTAL_URL_HOST:>100000000000000}",
    "https://app.featureos.app/redirects/sso?domain={PORTAL_URL_HOST:{PORTAL_URL}}",
    "https://app.featureos.app/redirects/sso?domain={PORTAL_URL_HOST!r}",
    "{PORTAL_URL[0]}", "{PORTAL_URL.real}", "https://app.featureos.app/{}",
    "https://app.featureos.app/{0}", "https://app.featureos.app/?domain={PORTAL_URL_HOST",
    "https://app.featureos.app/}",
])
def test_e009_a_placeholder_is_an_options_name_only(vendor_settings: Any,
                                                   template: str) -> None:
    vendor_settings("featureos", SSO_URL=template)
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E009",
        f"{SSO_URL} has a {{placeholder}} that is not just an option's name.",
        "Placeholders are option names only, e.g. '{PORTAL_URL}/sdk', or '{PORTAL_URL_HOST}' "
        "for a URL option's host: nothing else inside the braces (no ':', '!', '[' or '.'). "
        "Write a literal brace as '{{' or '}}'.")


@pytest.mark.parametrize(("template", "message"), [
    ("https://app.featureos.app/sso?embed={EMBED_URL}",
     "has the placeholder {EMBED_URL}, but FEEDBACK_SSO['VENDORS']['featureos']['EMBED_URL'] "
     "is not set."),
    ("https://app.featureos.app/sso?domain={EMBED_URL_HOST}",
     "has the placeholder {EMBED_URL_HOST}, but FEEDBACK_SSO['VENDORS']['featureos']"
     "['EMBED_URL'] is not set."),
    ("https://app.featureos.app/sso?domain={PORTAL_HOST}",
     "has a {placeholder} that names none of FeatureOS's options."),
])
def test_e009_a_placeholder_names_an_option_that_is_set(vendor_settings: Any, template: str,
                                                        message: str) -> None:
    vendor_settings("featureos", SSO_URL=template, EMBED_URL=None)
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E009", f"{SSO_URL} {message}",
        "Placeholders are option names only, e.g. '{PORTAL_URL}/sdk', or '{PORTAL_URL_HOST}' "
        "for a URL option's host; set that option too, or give the full URL.")


def test_e009_a_url_built_on_a_broken_one_is_not_reported_again(vendor_settings: Any) -> None:
    vendor_settings("featureos", PORTAL_URL="feedback.acme.test")
    error = only(check_settings())
    assert error.msg == ("FEEDBACK_SSO['VENDORS']['featureos']['PORTAL_URL'] is "
                         "'feedback.acme.test': it has no host.")


@pytest.mark.parametrize(("values", "message", "hint"), [
    ({"USER_CLAIMS": "tests.nowhere.hook"},
     "FEEDBACK_SSO['USER_CLAIMS'] = 'tests.nowhere.hook' does not import (No module named "
     "'tests.nowhere').",
     "Give the dotted path of a function (user, config_id), e.g. 'myproject.sso.user_claims'."),
    ({"USER_PASSES": "tests.settings.SECRET_KEY"},
     "FEEDBACK_SSO['USER_PASSES'] = 'tests.settings.SECRET_KEY' is not callable.",
     "Point it at a function taking (user, config_id)."),
])
def test_e010_hook_does_not_import(settings: Any, values: dict[str, Any], message: str,
                                   hint: str) -> None:
    settings.FEEDBACK_SSO = {**vendor_block(), **values}
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == ("feedback_sso.E010", message, hint)


@pytest.mark.parametrize(("path", "why"), [
    ("tests.factories.UserFactory",
     "tests.factories.UserFactory is not a subclass of django_feedback_sso.vendors.base.Vendor"),
    ("tests.nowhere.Vendor", "No module named 'tests.nowhere'"),
])
def test_e010_vendor_class(settings: Any, path: str, why: str) -> None:
    settings.FEEDBACK_SSO = vendor_block(CLASS=path)
    error = only(check_settings())
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E010",
        f"FEEDBACK_SSO['VENDORS']['issuely']['CLASS'] does not import as a Vendor class ({why}).",
        "Give the dotted path of a django_feedback_sso.vendors.Vendor subclass.")


def test_e011_default_vendor_not_configured(settings: Any) -> None:
    settings.FEEDBACK_SSO = {**vendor_block(), "DEFAULT_VENDOR": "sleekplan"}
    error = only(check_settings())
    assert error.id == "feedback_sso.E011"
    assert error.msg == ("FEEDBACK_SSO['DEFAULT_VENDOR'] is 'sleekplan', which is not "
                         "configured.")


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"ALLOW_STAFF": "yes"}, "['ALLOW_STAFF'] must be True or False."),
        ({"ROLE": "ADMIN"}, "['ROLE'] is 'ADMIN'."),
        ({"CLAIMS": {"exp": 1}}, "['CLAIMS']['exp'] is set by the app itself."),
        ({"CLAIMS": {"role": "OWNER"}}, "['CLAIMS']['role'] must be one of CUSTOMER, AGENT."),
        ({"CLAIMS": "projectId"}, "['CLAIMS'] must be a dict of claim name to value."),
        ({"COMPANY_ID": 42}, "['COMPANY_ID'] must be a string."),
        ({"CLAIMS": {"email": "ceo@example.com"}},
         "['CLAIMS']['email'] would give every user the same identity."),
    ],
)
def test_e012_invalid_option_value(settings: Any, values: dict[str, Any], key: str) -> None:
    settings.FEEDBACK_SSO = vendor_block(**values)
    error = only(check_settings())
    assert error.id == "feedback_sso.E012"
    assert error.msg == "FEEDBACK_SSO['VENDORS']['issuely']" + key


@pytest.mark.parametrize("hosts", [["https://evil.example/"], 5, "feedback.example.com",
                                   [None]])
def test_e012_return_hosts_must_be_host_names(settings: Any, hosts: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"productlift": {
        "SECRET": SECRETS["productlift"], "PORTAL_URL": "https://feedback.example.com",
        "RETURN_HOSTS": hosts}}}
    error = only(check_settings())
    if isinstance(hosts, list):  # a list of the wrong things: named entry by entry below
        assert error.id == "feedback_sso.E012"
        return
    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E012",
        "FEEDBACK_SSO['VENDORS']['productlift']['RETURN_HOSTS'] must be a list of host names.",
        "For example ['feedback.example.com'] (no scheme, no path).")


HOST_NAME_HINT = "Give the host as browsers send it, e.g. 'feedback.example.com'."
IP_HINT = ("List the vendor's host name instead. Of IP addresses only loopback ones, written "
           "as browsers send them ('127.0.0.1', '::1'), are accepted, for local development.")


@pytest.mark.parametrize(("host", "problem", "hint"), [
    (".example.com", "has an empty label (a leading, trailing or doubled dot)", HOST_NAME_HINT),
    ("feedback.example.com.", "has an empty label (a leading, trailing or doubled dot)",
     HOST_NAME_HINT),
    ("feedback..example.com", "has an empty label (a leading, trailing or doubled dot)",
     HOST_NAME_HINT),
    ("127.1", "browsers read as an IP address (its last label is a number)", IP_HINT),
    ("0x7f.1", "browsers read as an IP address (its last label is a number)", IP_HINT),
    ("2130706433", "browsers read as an IP address (its last label is a number)", IP_HINT),
    ("feedback.example.0x", "browsers read as an IP address (its last label is a number)",
     IP_HINT),
    ("10.0.0.1", "is an IP address", IP_HINT),
    ("2001:db8::1", "is an IP address", IP_HINT),
    ("0:0:0:0:0:0:0:1", "is an IP address", IP_HINT),
    ("-feedback.example.com", "is not a host name by RFC 1123 (labels of 1 to 63 letters, "
     "digits and inner hyphens)", HOST_NAME_HINT),
    ("feedback-.example.com", "is not a host name by RFC 1123 (labels of 1 to 63 letters, "
     "digits and inner hyphens)", HOST_NAME_HINT),
    ("a" * 64 + ".example.com", "is not a host name by RFC 1123 (labels of 1 to 63 letters, "
     "digits and inner hyphens)", HOST_NAME_HINT),
    ("feedback_sso.example.com", "is not a bare host name",
     "Give just the host, e.g. 'feedback.example.com': no scheme, port, path or wildcard."),
    ("*.example.com", "is not a bare host name",
     "Give just the host, e.g. 'feedback.example.com': no scheme, port, path or wildcard."),
    ("feedback.example.com:443", "is not a bare host name",
     "Give just the host, e.g. 'feedback.example.com': no scheme, port, path or wildcard."),
    ("bücher.example", "is not ASCII", "Give its punycode form (xn--…), as browsers send it."),
])
def test_e012_each_return_host_must_be_a_host_name(settings: Any, host: str, problem: str,
                                                   hint: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"productlift": {
        "SECRET": SECRETS["productlift"], "PORTAL_URL": "https://feedback.example.com",
        "RETURN_HOSTS": ["roadmap.example.com", host]}}}
    error = only(check_settings())
    assert error.id == "feedback_sso.E012"
    assert error.msg == (f"FEEDBACK_SSO['VENDORS']['productlift']['RETURN_HOSTS'] contains "
                         f"{host!r}, which {problem}.")
    assert error.hint == hint


def test_e012_names_every_bad_return_host_and_hides_credentials(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"productlift": {
        "SECRET": SECRETS["productlift"], "PORTAL_URL": "https://feedback.example.com",
        "RETURN_HOSTS": ["127.1", "https://user:hunter2@roadmap.example.com/"]}}}
    messages = [error.msg for error in check_settings()]
    key = "FEEDBACK_SSO['VENDORS']['productlift']['RETURN_HOSTS']"
    assert messages == [
        f"{key} contains '127.1', which browsers read as an IP address (its last label is a "
        "number).",
        f"{key} contains '***@roadmap.example.com/', which is not a bare host name.",
    ]


@pytest.mark.parametrize("hosts", [
    ["roadmap.example.com", "Roadmap.Example.COM", "localhost", "1password.example",
     "xn--bcher-kva.example", "a" * 63 + ".example.com", "127.0.0.1", "::1"],
])
def test_return_hosts_accept_host_names_and_loopback_addresses(settings: Any,
                                                               hosts: list[str]) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"productlift": {
        "SECRET": SECRETS["productlift"], "PORTAL_URL": "https://feedback.example.com",
        "RETURN_HOSTS": hosts}}}
    assert check_settings() == []


def test_e013_invalid_custom_spec(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": "x" * 40,
                                                  "SPEC": {"CLAIM_NAMES": {"e": "mail"}}}}}
    error = only(check_settings())
    assert error.id == "feedback_sso.E013"
    assert error.msg.startswith("FEEDBACK_SSO['VENDORS']['acme']: SPEC['CLAIM_NAMES'] must map")


def test_e014_vendor_ids_are_lowercase(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"Sleekplan": {"SECRET": "x" * 40}}}
    error = only(check_settings())
    assert error.id == "feedback_sso.E014"
    assert error.hint == "Rename it, e.g. to 'sleekplan'."


def test_w001_short_secret_is_a_warning_not_an_error(settings: Any) -> None:
    settings.FEEDBACK_SSO = vendor_block(SECRET="short-vendor-secret")
    warning = only(check_settings())
    assert warning.id == "feedback_sso.W001"
    assert warning.level == 30
    assert warning.msg == ("FEEDBACK_SSO['VENDORS']['issuely']['SECRET'] is shorter than 32 "
                           "bytes.")


def test_w002_no_vendor(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {}}
    warning = only(check_settings())
    assert warning.id == "feedback_sso.W002"
    assert warning.msg == "FEEDBACK_SSO['VENDORS'] configures no vendor."


def test_every_problem_is_reported_not_just_the_first(settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {
        "issuely": {"SECRET": "", "COMPNY_ID": "acme", "LIFETIME": 3600},
        "boostgpt": {"SECRET": SECRETS["boostgpt"]},
    }}
    ids = sorted(e.id for e in check_settings())
    assert ids == ["feedback_sso.E004", "feedback_sso.E005", "feedback_sso.E005",
                   "feedback_sso.E006", "feedback_sso.E008"]


def test_manage_py_check_catches_a_typo(settings: Any) -> None:
    settings.FEEDBACK_SSO = vendor_block(LIFETIEM=300)
    with pytest.raises(SystemCheckError, match=r"feedback_sso\.E006.*LIFETIEM"):
        call_command("check", stdout=StringIO(), stderr=StringIO())


def test_no_message_ever_contains_a_secret(settings: Any) -> None:
    secret = "s3cr3t-value-that-must-never-be-printed"
    settings.FEEDBACK_SSO = {"VENDORS": {
        "issuely": {"SECRET": secret, "COMPNY_ID": secret, "LIFETIME": secret},
        "sleekplna": {"SECRET": secret},
        "boostgpt": {"SECRET": secret[:10], "BOT_ID": "b"},
    }}
    messages = check_settings()
    assert len(messages) >= 4
    for message in messages:
        assert secret not in message.msg
        assert secret not in (message.hint or "")
        assert secret[:10] not in message.msg


def test_w005_inferred_vendor_details_must_be_confirmed(vendor_settings: Any) -> None:
    vendor_settings("feedbackchimp", SSO_URL=None, TOKEN_PARAM=None, RETURN_PARAM=None)

    warning = only(check_settings())

    assert (warning.id, warning.msg, warning.hint) == (
        "feedback_sso.W005",
        "FEEDBACK_SSO['VENDORS']['feedbackchimp']: the defaults of SSO_URL, TOKEN_PARAM, "
        "RETURN_PARAM ('{PORTAL_URL}/api/v1/auth/access/jwt', 'jwt', 'return_to') are "
        "inferred; no FeedbackChimp document confirms them.",
        "Check against FeedbackChimp (https://help.feedbackchimp.com/articles/10063-single-"
        "sign-on-sso) and set each explicitly to confirm; the FeedbackChimp page of "
        "https://django-feedback-sso.readthedocs.io/en/latest/vendors/ says where the default "
        "comes from.")


def test_w005_only_while_the_redirect_relies_on_the_inferred_detail(
        vendor_settings: Any) -> None:
    vendor_settings("sleekplan", TOKEN_PARAM=None)
    assert [m.id for m in check_settings()] == ["feedback_sso.W005"]

    vendor_settings("sleekplan", TOKEN_PARAM=None, PORTAL_URL=None)  # no board: no redirect
    assert check_settings() == []


def test_a_corrected_parameter_name_is_what_the_redirect_uses(vendor_settings: Any,
                                                              user: Any) -> None:
    from django.test import Client

    vendor_settings("feedbackchimp", TOKEN_PARAM="token", RETURN_PARAM="next_url")
    client = Client()
    client.force_login(user)

    response = client.get("/feedback-sso/feedbackchimp/redirect/?next_url=/posts/1")

    query = parse_qs(urlsplit(response["Location"]).query)
    assert sorted(query) == ["next_url", "token"]
    assert query["next_url"] == ["https://acme.feedbackchimp.space/posts/1"]


@pytest.mark.parametrize("value", ["j wt", "jwt&x=1", "", 5])
def test_e012_token_param_must_be_a_parameter_name(vendor_settings: Any, value: Any) -> None:
    vendor_settings("feedbackchimp", TOKEN_PARAM=value)
    messages = [(m.id, m.msg) for m in check_settings()]
    if value == "":  # unset: back to the inferred default, which W005 reports
        assert [m[0] for m in messages] == ["feedback_sso.W005"]
    elif value == 5:
        assert messages == [("feedback_sso.E012", "FEEDBACK_SSO['VENDORS']['feedbackchimp']"
                             "['TOKEN_PARAM'] must be a string.")]
    else:
        assert messages == [("feedback_sso.E012", "FEEDBACK_SSO['VENDORS']['feedbackchimp']"
                             f"['TOKEN_PARAM'] is {value!r}, not a query parameter name.")]


@pytest.mark.parametrize(("vendor_id", "values", "key", "shown"), [
    ("nolt", {"CLAIMS": {"noltUserRole": "MODERATOR"}}, "['CLAIMS']['noltUserRole']",
     "'noltUserRole' = 'MODERATOR'"),
    ("uservoice", {"CLAIMS": {"trusted": True}}, "['CLAIMS']['trusted']", "'trusted' = True"),
    ("uservoice", {"CLAIMS": {"admin": "accept"}}, "['CLAIMS']['admin']",
     "'admin' = 'accept'"),
    ("uservoice", {"CLAIMS": {"owner": "accept"}}, "['CLAIMS']['owner']",
     "'owner' = 'accept'"),
    ("issuely", {"ROLE": "AGENT"}, "['ROLE']", "'role' = 'AGENT'"),
    ("issuely", {"CLAIMS": {"role": "AGENT"}}, "['CLAIMS']['role']", "'role' = 'AGENT'"),
])
def test_w006_a_role_claim_for_every_user(vendor_settings: Any, vendor_id: str,
                                          values: dict[str, Any], key: str, shown: str) -> None:
    vendor_settings(vendor_id, **values)
    name = {"nolt": "Nolt", "uservoice": "UserVoice", "issuely": "Issuely"}[vendor_id]

    warning = only(check_settings())

    assert (warning.id, warning.msg, warning.hint) == (
        "feedback_sso.W006",
        f"FEEDBACK_SSO['VENDORS']['{vendor_id}']{key} gives every user {shown}, which grants "
        f"rights at {name}.",
        f"Remove it and return {shown.split(' = ')[0]} from the USER_CLAIMS hook for the "
        "users who should have it (the hook gets the user and the configuration id).")


@pytest.mark.parametrize(("vendor_id", "values"), [
    ("uservoice", {"CLAIMS": {"trusted": False, "admin": "deny", "owner": "deny"}}),
    ("issuely", {"ROLE": "CUSTOMER"}),
    ("nolt", {"CLAIMS": {"title": "Engineer"}}),
])
def test_w006_quiet_for_values_that_grant_nothing(vendor_settings: Any, vendor_id: str,
                                                  values: dict[str, Any]) -> None:
    vendor_settings(vendor_id, **values)

    assert check_settings() == []


def test_w005_an_inferred_claim_warns_without_a_redirect(settings: Any) -> None:
    # No redirect view, but every token carries the claim the inferred option fills.
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": "a" * 32, "SPEC": {
        "NAME": "Acme", "DOCS_URL": "https://acme.example/docs/sso",
        "CLAIM_NAMES": {"email": "email"},
        "OPTIONS": [{"NAME": "SCOPE", "HELP": "The scope claim.", "DEFAULT": "user",
                     "CLAIM": "scope", "INFERRED": True}]}}}}

    warning = only(check_settings())

    assert (warning.id, warning.msg) == (
        "feedback_sso.W005",
        "FEEDBACK_SSO['VENDORS']['acme']: the default of SCOPE ('user') is inferred; no Acme "
        "document confirms it.")


def test_zendesk_messaging_scope_is_confirmed_not_inferred(vendor_settings: Any) -> None:
    # https://docs.smooch.io/guide/authenticating-users: the payload's scope is "user".
    vendor_settings("zendesk_messaging", SCOPE=None)

    assert check_settings() == []


def test_e012_zendesk_messaging_scope_can_only_be_user(vendor_settings: Any) -> None:
    vendor_settings("zendesk_messaging", SCOPE="appUser")

    error = only(check_settings())

    assert (error.id, error.msg, error.hint) == (
        "feedback_sso.E012", "FEEDBACK_SSO['VENDORS']['zendesk_messaging']['SCOPE'] is "
        "'appUser'.", "Use one of: user.")


def test_e005_key_id_is_required_for_zendesk_messaging(vendor_settings: Any) -> None:
    vendor_settings("zendesk_messaging", KEY_ID=None)

    error = only(check_settings())

    assert (error.id, error.msg) == (
        "feedback_sso.E005",
        "FEEDBACK_SSO['VENDORS']['zendesk_messaging']['KEY_ID'] is required for Zendesk "
        "Messaging.")
