"""Settings are parsed once, cached, reset on change; a broken vendor fails alone."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from django_feedback_sso import conf
from django_feedback_sso.exceptions import FeedbackSSOConfigurationError, FeedbackSSOUnknownVendor
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.signals import token_issued
from django_feedback_sso.vendors import Vendor
from django_feedback_sso.vendors.issuely.spec import SPEC as ISSUELY
from tests.oracle import verify
from tests.settings import SECRETS


class AuditedIssuely(Vendor):
    """A project's own subclass of a built-in vendor, picked by CLASS."""

    def identity_claims(self, identity: Any) -> dict[str, Any]:
        return {**super().identity_claims(identity), "name": identity["username"]}


class DatedIssuely(Vendor):
    """A project's CLASS that builds a claim PyJWT can't serialise."""

    def identity_claims(self, identity: Any) -> dict[str, Any]:
        import datetime

        return {**super().identity_claims(identity), "since": datetime.date(2020, 1, 1)}


def test_a_class_building_non_json_claims_gets_a_claim_error_without_the_pyjwt_frames(
    vendor_settings: Any, user: Any
) -> None:
    from django_feedback_sso.exceptions import FeedbackSSOClaimError

    vendor_settings("issuely", CLASS="tests.test_conf.DatedIssuely")

    with pytest.raises(FeedbackSSOClaimError, match="not plain JSON") as excinfo:
        issue_token_for(user, "issuely")

    assert excinfo.value.__suppress_context__  # the DEBUG page won't show jwt.encode's locals


def test_settings_are_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_parse = conf.parse
    monkeypatch.setattr(conf, "parse", lambda raw: calls.append(raw) or real_parse(raw))
    conf.load_config.cache_clear()

    for _ in range(3):
        conf.get_vendor_config("sleekplan")

    assert len(calls) == 1


def test_cache_resets_when_settings_change(vendor_settings: Any) -> None:
    assert conf.get_vendor_config("issuely").options["COMPANY_ID"] == "acme"

    vendor_settings("issuely", COMPANY_ID="globex")

    assert conf.get_vendor_config("issuely").options["COMPANY_ID"] == "globex"


def test_override_settings_works() -> None:
    with override_settings(FEEDBACK_SSO={"VENDORS": {"issuely": {
            "SECRET": SECRETS["issuely"], "COMPANY_ID": "initech"}}}):
        assert conf.get_vendor_config("issuely").options["COMPANY_ID"] == "initech"
        assert conf.default_config_id() == "issuely"  # the only one configured
    assert conf.get_vendor_config("issuely").options["COMPANY_ID"] == "acme"


def test_unknown_vendor(db: None) -> None:
    with pytest.raises(FeedbackSSOUnknownVendor, match="No vendor 'launchnotes' is configured"):
        conf.get_vendor_config("launchnotes")


def test_a_broken_vendor_fails_alone(vendor_settings: Any, user: Any) -> None:
    vendor_settings("issuely", SECRET=None)

    with pytest.raises(FeedbackSSOConfigurationError, match=r"\['issuely'\]\['SECRET'\]"):
        issue_token_for(user, "issuely")
    assert verify("boostgpt", issue_token_for(user, "boostgpt").token)


def test_configuration_errors_are_improperly_configured(vendor_settings: Any) -> None:
    vendor_settings("issuely", COMPANY_ID=None)

    with pytest.raises(ImproperlyConfigured, match="Settings → SSO"):
        conf.get_vendor_config("issuely")


def test_a_global_problem_raises_on_use(vendor_settings: Any) -> None:
    vendor_settings(USER_CLAIMS="tests.nowhere.hook")

    with pytest.raises(FeedbackSSOConfigurationError, match=r"FEEDBACK_SSO\['USER_CLAIMS'\]"):
        conf.get_vendor_config("sleekplan")


def test_a_global_problem_is_parsed_once_too(vendor_settings: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    vendor_settings(USER_CLAIMS="tests.nowhere.hook")
    calls = []
    real_parse = conf.parse
    monkeypatch.setattr(conf, "parse", lambda raw: calls.append(raw) or real_parse(raw))
    conf.load_config.cache_clear()

    for _ in range(3):
        with pytest.raises(FeedbackSSOConfigurationError):
            conf.get_vendor_config("sleekplan")

    assert len(calls) == 1


def test_a_broken_vendor_raises_a_fresh_error_each_time(vendor_settings: Any) -> None:
    vendor_settings("issuely", SECRET=None)
    errors = []
    for _ in range(3):
        with pytest.raises(FeedbackSSOConfigurationError) as excinfo:
            conf.get_vendor_config("issuely")
        errors.append(excinfo.value)

    assert len({id(error) for error in errors}) == 3
    assert all(str(error) == str(errors[0]) for error in errors)


def test_no_default_vendor_when_several_are_configured(vendor_settings: Any) -> None:
    vendor_settings(DEFAULT_VENDOR=None)

    with pytest.raises(FeedbackSSOConfigurationError, match="DEFAULT_VENDOR"):
        conf.default_config_id()


def test_repr_of_config_never_shows_the_secret() -> None:
    config = conf.get_vendor_config("boostgpt")

    assert SECRETS["boostgpt"] not in repr(config)
    assert SECRETS["boostgpt"] not in repr(conf.get_config())


def test_custom_vendor_from_settings_alone(settings: Any, user: Any) -> None:
    secret = "acme-secret-0123456789abcdef-0123456789"
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": secret, "LIFETIME": 120, "SPEC": {
        "NAME": "Acme Board",
        "CLAIM_NAMES": {"sub": "user_id", "email": "email", "display": "display_name"},
        "REQUIRED_CLAIMS": ["sub", "email"],
        "MAX_LIFETIME": 600,
        "SSO_URL": "https://board.acme.example/sso",
        "TOKEN_PARAM": "jwt",
    }}}}

    config = conf.get_vendor_config("acme")
    issued = issue_token_for(user, "acme")

    from joserfc import jwt
    from joserfc.jwk import OctKey
    claims = jwt.decode(issued.token, OctKey.import_key(secret), algorithms=["HS256"]).claims
    assert claims["sub"] == str(user.pk)
    assert claims["display"] == "Jane Doe"
    assert claims["exp"] - claims["iat"] == 120
    assert config.vendor.name == "Acme Board"
    assert config.vendor.sso_url(config.options, "T", None) == (
        "https://board.acme.example/sso?jwt=T")


def test_custom_vendor_class_by_dotted_path(vendor_settings: Any, user: Any) -> None:
    vendor_settings("issuely", CLASS="tests.test_conf.AuditedIssuely")

    claims = verify("issuely", issue_token_for(user, "issuely").token)

    assert type(conf.get_vendor_config("issuely").vendor) is AuditedIssuely
    assert conf.get_vendor_config("issuely").spec is ISSUELY
    assert claims["name"] == user.username


def test_token_issued_signal(user: Any) -> None:
    received: list[dict[str, Any]] = []

    def listener(**kwargs: Any) -> None:
        received.append(kwargs)

    token_issued.connect(listener)
    try:
        issued = issue_token_for(user, "issuely")
    finally:
        token_issued.disconnect(listener)

    (event,) = received
    assert event["vendor_id"] == "issuely"
    assert event["user"] == user
    assert event["jti"] == issued.jti
    assert event["expires_at"] == issued.expires_at
    assert event["claims"]["email"] == user.email
    assert SECRETS["issuely"] not in repr(event)
    assert issued.token not in repr(event)
