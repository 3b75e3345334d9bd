"""``manage.py feedback_sso_token`` and ``manage.py feedback_sso_verify``."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import os
import time
import traceback
import warnings
from datetime import datetime, timezone
from typing import Any

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from joserfc import jwt
from joserfc.jwk import OctKey

from tests import oracle
from tests.factories import StaffUserFactory, UserFactory
from tests.settings import SECRETS


def run(*args: str, stdin: str | None = None) -> str:
    out = io.StringIO()
    extra = {"stdin": io.StringIO(stdin)} if stdin is not None else {}
    call_command(*args, stdout=out, **extra)
    return out.getvalue()


def failure(*args: str, stdin: str | None = None) -> tuple[CommandError, str]:
    out = io.StringIO()
    extra = {"stdin": io.StringIO(stdin)} if stdin is not None else {}
    with pytest.raises(CommandError) as caught:
        call_command(*args, stdout=out, **extra)
    return caught.value, out.getvalue()


def utc(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec="seconds")


def forge(vendor_id: str, claims: dict[str, Any], secret: str | None = None) -> str:
    """A token signed with joserfc, independently of the app."""
    key = OctKey.import_key(secret or SECRETS[vendor_id])
    return jwt.encode({"alg": "HS256"}, claims, key, algorithms=["HS256"])


def forge_json(vendor_id: str, payload: str) -> str:
    """A token whose payload is ``payload`` as written (``NaN``, ``1e400``, ``"\\ud800"``),
    signed with HMAC directly: no JWT library writes such JSON."""
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    signing_input = part(b'{"alg":"HS256","typ":"JWT"}') + "." + part(payload.encode())
    signature = hmac.new(SECRETS[vendor_id].encode(), signing_input.encode(), hashlib.sha256)
    return signing_input + "." + part(signature.digest())


def on_a_terminal(*args: str, stdin: Any = None) -> tuple[int, str]:
    """A command run as a shell runs it, writing to a strict UTF-8 stream (as a terminal
    is): its exit status and output. Anything but a CommandError is a traceback."""
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)
    try:
        call_command(*args, stdout=out, **({"stdin": stdin} if stdin is not None else {}))
    except CommandError as error:
        return error.returncode, buffer.getvalue().decode()
    return 0, buffer.getvalue().decode()


# feedback_sso_token ---------------------------------------------------------------------

def test_token_prints_token_claims_expiry_and_delivery_url(db: None) -> None:
    ada = UserFactory(username="ada", first_name="Ada", last_name="Lovelace")
    output = run("feedback_sso_token", "sleekplan", "ada")
    token = output.rstrip("\n").rsplit("\n", 1)[-1]
    claims = oracle.verify("sleekplan", token)
    assert output == "\n".join([
        "Configuration: sleekplan (Sleekplan)",
        f"User:          ada (pk {ada.pk})",
        f"Expires:       {utc(claims['exp'])}",
        f"Delivery URL:  https://acme.sleekplan.app?sso={token}",
        "Claims:", json.dumps(claims, indent=2, sort_keys=True),
        "Token:", token]) + "\n"


def test_token_json(db: None) -> None:
    ada = UserFactory(username="ada")
    answer = json.loads(run("feedback_sso_token", "feedbackchimp", "ada", "--json"))
    claims = oracle.verify("feedbackchimp", answer["token"])
    assert answer == {
        "config_id": "feedbackchimp", "vendor": "feedbackchimp",
        "user": {"pk": str(ada.pk), "username": "ada"}, "token": answer["token"],
        "claims": claims, "expires_at": claims["exp"],
        "delivery_url": "https://acme.feedbackchimp.space/api/v1/auth/access/jwt?jwt="
                        + answer["token"]}


def test_token_for_a_vendor_that_takes_it_only_in_a_page(db: None) -> None:
    UserFactory(username="ada")
    output = run("feedback_sso_token", "boostgpt", "ada")
    assert "Delivery URL:  (none: BoostGPT takes the token in a page)\n" in output


@pytest.mark.parametrize("field", ["email", "pk"])
def test_token_finds_the_user_by_email_or_primary_key(db: None, field: str) -> None:
    UserFactory(username="someone-else")
    ada = UserFactory(username="ada", email="ada@example.org")
    answer = json.loads(run("feedback_sso_token", "sleekplan", str(getattr(ada, field)),
                            "--json"))
    assert answer["user"] == {"pk": str(ada.pk), "username": "ada"}
    assert oracle.verify("sleekplan", answer["token"])["mail"] == "ada@example.org"


def test_token_refuses_an_ambiguous_user(db: None) -> None:
    first = UserFactory(username="ada", email="shared@example.org")
    second = UserFactory(username="bob", email="shared@example.org")
    error, _ = failure("feedback_sso_token", "sleekplan", "shared@example.org")
    assert str(error) == (f"'shared@example.org' matches 2 users (pk {first.pk} by email; "
                          f"pk {second.pk} by email); give the primary key or the username "
                          "instead.")
    assert error.returncode == 2


def test_token_unknown_user_and_configuration(db: None) -> None:
    UserFactory(username="ada")
    error, _ = failure("feedback_sso_token", "sleekplan", "nobody")
    assert (str(error), error.returncode) == (
        "No user has the username, email address or primary key 'nobody'.", 2)
    error, _ = failure("feedback_sso_token", "nosuchvendor", "ada")
    assert (str(error), error.returncode) == (
        "No vendor 'nosuchvendor' is configured: add it to FEEDBACK_SSO['VENDORS'].", 2)


@pytest.mark.parametrize(("command", "argument"), [("feedback_sso_token", "ada"),
                                                  ("feedback_sso_verify", "a.b.c")])
def test_an_unknown_configuration_suggests_the_closest_configured_id(
        db: None, command: str, argument: str) -> None:
    """As system check E003 suggests the closest built-in vendor."""
    error, _ = failure(command, "sleekpaln", argument)
    assert (str(error), error.returncode) == (
        "No vendor 'sleekpaln' is configured: add it to FEEDBACK_SSO['VENDORS']. "
        "Did you mean 'sleekplan'?", 2)


def test_the_suggestion_is_a_configuration_id_not_a_vendor_id(db: None, settings: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"sleekplan-eu": {"VENDOR": "sleekplan",
                                                          "SECRET": SECRETS["sleekplan"]}}}
    error, _ = failure("feedback_sso_token", "sleekplan", "ada")
    assert str(error) == ("No vendor 'sleekplan' is configured: add it to "
                          "FEEDBACK_SSO['VENDORS']. Did you mean 'sleekplan-eu'?")


def test_token_refused_user_gets_the_reason_and_a_failing_exit(db: None) -> None:
    StaffUserFactory(username="root")
    error, output = failure("feedback_sso_token", "sleekplan", "root")
    assert (str(error), error.returncode, output) == (
        "sleekplan: no token for this user (staff)", 1, "")
    error, output = failure("feedback_sso_token", "sleekplan", "root", "--json")
    assert (json.loads(output), error.returncode) == ({"error": "refused",
                                                        "reason": "staff"}, 1)


def test_token_exit_status_from_the_command_line(db: None) -> None:
    """Through ``run_from_argv``, as a shell runs it: CommandError becomes the exit status."""
    StaffUserFactory(username="root")
    command = load_command_class("django_feedback_sso", "feedback_sso_token")
    with pytest.raises(SystemExit) as exited:
        command.run_from_argv(["manage.py", "feedback_sso_token", "sleekplan", "root"])
    assert exited.value.code == 1


def test_token_tells_the_signal_it_came_from_the_command(db: None) -> None:
    from django_feedback_sso.signals import token_issued

    UserFactory(username="ada")
    seen: list[dict[str, Any]] = []

    def listener(**kwargs: Any) -> None:
        seen.append(kwargs)

    token_issued.connect(listener)
    try:
        run("feedback_sso_token", "sleekplan", "ada")
    finally:
        token_issued.disconnect(listener)
    assert [(kw["surface"], kw["request"]) for kw in seen] == [("command", None)]


# feedback_sso_verify --------------------------------------------------------------------

def claims_for(user: Any, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {"mail": user.email, "id": str(user.pk), "iat": now,
                              "exp": now + 300, "jti": "4f1c6f5e-7b0a-4c1e-9d2f-0a1b2c3d4e5f"}
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


def test_verify_passes_a_good_token(user: Any) -> None:
    claims = claims_for(user)
    output = run("feedback_sso_verify", "sleekplan", forge("sleekplan", claims))
    assert output == "\n".join([
        "Token for sleekplan (Sleekplan), checked offline:",
        "  PASS  signature: HS256, the configured secret",
        "  PASS  required claims", "  PASS  time claims are numbers", "  PASS  claim values",
        "  PASS  account", "  PASS  lifetime", "  PASS  expiry", "  PASS  not before",
        "  PASS  replay",
        "Claims:", json.dumps(claims, indent=2, sort_keys=True),
        f"Expires: {utc(claims['exp'])}"]) + "\n"


def test_verify_reports_every_failing_rule(user: Any) -> None:
    claims = claims_for(user, mail=None, name="Not Lowercase", exp=int(time.time()) - 60)
    error, output = failure("feedback_sso_verify", "sleekplan", forge("sleekplan", claims))
    lines = output.split("\nClaims:")[0].splitlines()
    assert lines == [
        "Token for sleekplan (Sleekplan), checked offline:",
        "  PASS  signature: HS256, the configured secret",
        "  FAIL  required claims: Sleekplan requires the claim 'mail'",
        "  PASS  time claims are numbers",
        "  FAIL  claim values: claim 'name' must match [a-z0-9]+",
        "  PASS  account", "  PASS  lifetime", "  FAIL  expiry: expired 60 s ago",
        "  PASS  not before", "  SKIP  replay: needs required claims"]
    assert (str(error), error.returncode) == ("Sleekplan would reject this token: 3 rules "
                                              "failed.", 1)


def test_verify_skips_rules_that_need_a_failed_one(user: Any) -> None:
    claims = claims_for(user, exp="soon")
    _, output = failure("feedback_sso_verify", "sleekplan", forge("sleekplan", claims),
                        "--json")
    rules = json.loads(output)["rules"]
    assert [(rule["rule"], rule["outcome"]) for rule in rules[4:8]] == [
        ("account", "passed"), ("lifetime", "skipped"), ("expiry", "skipped"),
        ("not before", "skipped")]


def test_verify_replay_is_not_checked_offline(user: Any) -> None:
    claims = claims_for(user, email=user.email, name="Jane Doe", mail=None, id=None)
    output = run("feedback_sso_verify", "feedbackchimp", forge("feedbackchimp", claims))
    assert ("  SKIP  replay: FeedbackChimp accepts each jti once; offline there is no record "
            "of the ones it has seen\n") in output


def test_verify_wrong_secret_skips_the_rest_and_shows_no_claims(user: Any) -> None:
    token = forge("sleekplan", claims_for(user), secret=SECRETS["productlift"])
    error, output = failure("feedback_sso_verify", "sleekplan", token, "--json")
    answer = json.loads(output)
    assert answer["valid"] is False
    assert answer["claims"] is None
    assert answer["rules"][0] == {"rule": "signature", "outcome": "failed",
                                  "detail": "the signature does not match Sleekplan's SSO "
                                            "secret", "reason": "bad_signature"}
    assert {rule["outcome"] for rule in answer["rules"][1:]} == {"skipped"}
    assert error.returncode == 1


@pytest.mark.parametrize("argument", [[], ["-"]])
def test_verify_reads_the_token_from_stdin(user: Any, argument: list[str]) -> None:
    token = forge("sleekplan", claims_for(user))
    answer = json.loads(run("feedback_sso_verify", "sleekplan", *argument, "--json",
                            stdin=f"  {token}\n"))
    assert (answer["valid"], answer["claims"]["mail"]) == (True, user.email)


def test_verify_without_a_token(db: None) -> None:
    error, _ = failure("feedback_sso_verify", "sleekplan", stdin="\n")
    assert (str(error), error.returncode) == (
        "No token: pass it as an argument or on standard input.", 2)


def test_verify_never_signs_and_never_prints_the_secret(user: Any, monkeypatch: Any) -> None:
    import jwt as pyjwt

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("feedback_sso_verify signed something")

    monkeypatch.setattr(pyjwt, "encode", refuse)
    for secret in (SECRETS["sleekplan"], "another-secret-0123456789abcdef0123"):
        token = forge("sleekplan", claims_for(user), secret=secret)
        for extra in ([], ["--json"]):
            try:
                output = run("feedback_sso_verify", "sleekplan", token, *extra)
            except CommandError as error:
                output = str(error)
            assert SECRETS["sleekplan"] not in output


def test_verify_under_warnings_as_errors_with_a_short_secret(vendor_settings: Any,
                                                             user: Any) -> None:
    """``python -W error`` turns PyJWT's short-key warning into an exception mid-decode."""
    secret = "short-secret-never-shown"
    vendor_settings("issuely", SECRET=secret)
    token = forge("issuely", {"companyId": "acme", "email": user.email}, secret=secret)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        error, output = failure("feedback_sso_verify", "issuely", token)

    assert (str(error), error.returncode, output) == (
        "Can't check the token: issuely: verifying failed (InsecureKeyLengthWarning).", 2, "")
    frames = traceback.TracebackException.from_exception(error, capture_locals=True)
    assert secret not in "".join(frames.format())


UNSIGNED = [f"  SKIP  {rule}: the signature did not verify" for rule in (
    "required claims", "time claims are numbers", "claim values", "account", "lifetime",
    "expiry", "not before", "replay")]


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_verify_a_token_with_lone_surrogates_is_no_jwt(user: Any, extra: list[str]) -> None:
    """A shell hands Python the bytes of an argument that aren't UTF-8 as lone surrogates."""
    token = forge("sleekplan", claims_for(user))[:20] + "\udcff\udc80" + "rest"

    status, output = on_a_terminal("feedback_sso_verify", "sleekplan", token, *extra)

    detail = "not a valid JWT (it holds characters other than ASCII)"
    if extra:
        assert json.loads(output)["rules"][0] == {
            "rule": "signature", "outcome": "failed", "detail": detail,
            "reason": "invalid_token"}
    else:
        assert output == "\n".join([
            "Token for sleekplan (Sleekplan), checked offline:",
            f"  FAIL  signature: {detail}", *UNSIGNED]) + "\n"
    assert status == 1


def test_verify_prints_claims_with_lone_surrogates_escaped(user: Any) -> None:
    now = int(time.time())
    token = forge_json("sleekplan", f'{{"mail": "ada\\ud800@example.org", "id": "7", '
                                    f'"exp": {now + 300}}}')

    status, output = on_a_terminal("feedback_sso_verify", "sleekplan", token)
    json_status, json_output = on_a_terminal("feedback_sso_verify", "sleekplan", token,
                                             "--json")

    assert output.split("Claims:\n")[1] == (
        f'{{\n  "exp": {now + 300},\n  "id": "7",\n  "mail": "ada\\ud800@example.org"\n}}\n'
        f"Expires: {utc(now + 300)}\n")
    assert json.loads(json_output)["claims"]["mail"] == "ada\ud800@example.org"
    assert (status, json_status) == (0, 0)


def test_verify_a_signed_token_with_a_huge_exp(user: Any) -> None:
    """An exp in milliseconds, say: year 33658, past what a date can hold."""
    token = forge("sleekplan", claims_for(user, exp=1_000_000_000_000))

    status, output = on_a_terminal("feedback_sso_verify", "sleekplan", token)

    assert output.splitlines()[-1] == "Expires: not a date between the years 1 and 9999"
    assert status == 0


@pytest.mark.parametrize("exp", ["Infinity", "-Infinity", "NaN", "1" + "0" * 400])
def test_verify_time_claims_must_be_finite_numbers(exp: str) -> None:
    now = int(time.time())
    token = forge_json("issuely", f'{{"companyId": "acme", "email": "ada@example.org", '
                                  f'"iat": {now}, "exp": {exp}}}')

    status, output = on_a_terminal("feedback_sso_verify", "issuely", token)

    assert output.split("\nClaims:")[0].splitlines()[1:] == [
        "  PASS  signature: HS256, the configured secret",
        "  PASS  required claims",
        "  FAIL  time claims are numbers: claim 'exp' must be a number of seconds",
        "  PASS  claim values", "  PASS  account",
        "  SKIP  lifetime: needs time claims are numbers",
        "  SKIP  expiry: needs time claims are numbers",
        "  SKIP  not before: needs time claims are numbers",
        "  PASS  replay"]
    assert output.splitlines()[-1] == "Expires: not a date between the years 1 and 9999"
    assert status == 1


def test_verify_standard_input_that_is_not_text(db: None) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"eyJ\xff\xfe"), encoding="utf-8")

    status, output = on_a_terminal("feedback_sso_verify", "sleekplan", stdin=stdin)

    assert (status, output) == (2, "")
    with pytest.raises(CommandError, match=r"^No token: standard input is not UTF-8 text\.$"):
        call_command("feedback_sso_verify", "sleekplan", stdin=io.TextIOWrapper(
            io.BytesIO(b"\xff"), encoding="utf-8"))


# What a token may hold once decoded: NaN, infinities, huge numbers, lone surrogates.
_json_leaves = (st.none() | st.booleans() | st.integers() | st.floats()
                | st.sampled_from([10**400, -(10**400), 1e300, 1_000_000_000_000, -1e300,
                                  253402300800.0, "\ud800", "ada\udcff@example.org"])
                | st.text(st.characters(exclude_categories=()), max_size=8))
_json = st.recursive(_json_leaves, lambda children: st.lists(children, max_size=3)
                     | st.dictionaries(st.text(max_size=4), children, max_size=3),
                     max_leaves=8)
_claim_names = st.sampled_from(["exp", "iat", "nbf", "jti", "mail", "id", "email", "name",
                                "companyId", "uid"]) | st.text(max_size=4)
_claims = st.dictionaries(_claim_names, _json, max_size=6) | st.fixed_dictionaries(
    {"exp": _json_leaves, "iat": _json_leaves},
    optional={name: _json_leaves for name in ("mail", "id", "email", "companyId", "jti")})


@hypothesis_settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None)
@given(vendor_id=st.sampled_from(["sleekplan", "issuely", "feedbackchimp", "zendesk_messaging"]),
       claims=_claims,
       token=st.none() | st.text(st.characters(exclude_categories=()), max_size=40))
def test_verify_answers_any_token_with_a_message_and_an_exit_status(
        vendor_id: str, claims: dict[str, Any], token: str | None) -> None:
    """Signed or not, any token gets the rules' verdict (or a usage error), never a
    traceback, and output a UTF-8 terminal can show."""
    given_token = forge_json(vendor_id, json.dumps(claims)) if token is None else token
    for extra in ([], ["--json"]):
        status, _ = on_a_terminal("feedback_sso_verify", vendor_id, given_token, *extra)
        assert status in (0, 1, 2)


# --help ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["feedback_sso_token", "feedback_sso_verify",
                                  "feedback_sso_purge_audit"])
def test_help_describes_every_argument(name: str) -> None:
    app = get_commands()[name]
    command = load_command_class(app, name)
    parser = command.create_parser("manage.py", name)
    own = [action for action in parser._actions
           if action.dest not in {"help", "version", "verbosity", "settings", "pythonpath",
                                  "traceback", "no_color", "force_color", "skip_checks"}]
    assert own
    assert all(action.help for action in own), [a.dest for a in own if not a.help]
    assert len(command.help) > 200
    assert "never" in command.help or name == "feedback_sso_purge_audit"
