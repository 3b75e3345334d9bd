"""Vendors are data: each built-in vendor, re-expressed as a ``SPEC`` in settings, behaves
exactly as the built-in one (claims, snippet, redirect, check results).

Each test configures the built-in vendor and, beside it, ``<id>-as-spec``: the same options
and secret, with ``"SPEC": spec_to_settings(spec)`` instead of the built-in spec. Outputs
are compared whole, after replacing what must differ: the configuration id and the token.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import time
from datetime import timedelta
from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory

from django_feedback_sso import conf
from django_feedback_sso.checks import check_settings
from django_feedback_sso.tokens import issue_token
from django_feedback_sso.vendors import BUILTIN_SPECS, ClaimRule, VendorOption, VendorSpec
from django_feedback_sso.vendors.custom import SPEC_KEYS, spec_from_settings, spec_to_settings
from django_feedback_sso.vendors.sleekplan.spec import lowercase_alphanumeric
from django_feedback_sso.vendors.spec import FLAT_FIELDS, GROUPS
from django_feedback_sso.verification import (
    discourse_parts,
    verify_discourse_connect,
    verify_identity_hash,
    verify_token,
)
from tests.oracle import verify
from tests.settings import FEEDBACK_SSO

VENDOR_IDS = sorted(BUILTIN_SPECS)
#: A JWT wherever it appears: in an attribute, a script URL or a redirect URL.
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]*")


def spec_id(vendor_id: str) -> str:
    return f"{vendor_id}-as-spec"


def side_by_side(vendor_id: str, **changes: Any) -> dict[str, Any]:
    """The built-in configuration and its SPEC twin, each with ``changes`` (``None`` drops)."""
    block = copy.deepcopy(FEEDBACK_SSO["VENDORS"][vendor_id])
    for name, value in changes.items():
        if value is None:
            block.pop(name, None)
        else:
            block[name] = value
    twin = {**copy.deepcopy(block), "SPEC": spec_to_settings(BUILTIN_SPECS[vendor_id])}
    return {"DEFAULT_VENDOR": vendor_id,
            "VENDORS": {vendor_id: block, spec_id(vendor_id): twin}}


def as_builtin(text: str, vendor_id: str) -> str:
    """``text`` with the twin's id replaced by the built-in's (also as the environment
    variable a hint suggests), and tokens blanked."""
    variable = re.sub(r"[^A-Z0-9]+", "_", spec_id(vendor_id).upper())
    return JWT.sub("TOKEN", text.replace(spec_id(vendor_id), vendor_id)
                   .replace(variable, vendor_id.upper()))


@pytest.fixture(params=VENDOR_IDS)
def vendor_id(request: Any, settings: Any) -> str:
    settings.FEEDBACK_SSO = side_by_side(request.param)
    return str(request.param)


# The spec itself ------------------------------------------------------------------------

#: A spec with every field away from its default, so each SPEC key is exercised.
EVERYTHING = VendorSpec.from_flat(
    id="everything", name="Everything", docs_url="https://everything.example/sso",
    claim_names={"sub": "user_id", "mail": "email"},
    required_claims=("sub", "mail", "jti"),
    claim_rules={"handle": ClaimRule(types=(str, int), pattern="[a-z]+", minimum=1,
                                     maximum=9, choices=("ab",),
                                     normalize=lowercase_alphanumeric)},
    role_claims=frozenset({"role", "level"}),
    algorithm="HS512",
    default_lifetime=timedelta(seconds=90),
    max_lifetime=timedelta(minutes=30),
    time_claims=("exp", "jti"),
    rejects_reused_jti=True,
    options=(VendorOption("BOARD", "The board.", required=True, kind="base_url"),
             VendorOption("SDK", "The SDK.", kind="url", default="{BOARD}/sdk"),
             VendorOption("PARAM", "Token parameter.", kind="param", default="t",
                          spec_fields=("token_param",), inferred=True),
             VendorOption("PLAN", "A plan.", kind="choice", choices=("a", "b"), claim="plan")),
    snippet_template="everything.html",
    snippet_embeds_token=True,
    script_url_option="SDK",
    script_token_param="t",
    sso_url_option="BOARD",
    token_param="t",
    return_mode="param",
    return_param="back",
    incoming_return_params=("back", "return"),
    passthrough_params=("brand", "domain"),
    host_passthrough_params=("domain",),
    required_any=("sub", "mail"),
    delivery_method="post",
    host_options=("BOARD", "SDK"),
    page_globals=("Everything",),
    sign_out_call=("Everything.forget", "now"),
    harmless_role_values={"role": ("none",)},
    header_options={"kid": "PARAM"},
    token_kind="identity_hash",
    hashed_claim="mail",
    key_encoding="hex",
    handshake="oidc_implicit",
)


def test_every_spec_field_but_the_id_has_a_spec_key() -> None:
    raw = spec_to_settings(EVERYTHING)

    assert spec_from_settings("everything", raw) == EVERYTHING
    # One key per field of every group, and the spec's own name, docs URL and options.
    fields = [f"{group}.{f.name}" for group in GROUPS
              for f in dataclasses.fields(getattr(EVERYTHING, group))]
    assert sorted(".".join(FLAT_FIELDS[key.lower()]) for key in raw
                  if key.lower() in FLAT_FIELDS) == sorted(fields)
    assert list(raw) == list(SPEC_KEYS)


@pytest.mark.parametrize("builtin_id", VENDOR_IDS)
def test_a_spec_survives_the_round_trip_through_settings(builtin_id: str) -> None:
    spec = BUILTIN_SPECS[builtin_id]

    back = spec_from_settings(spec_id(builtin_id), spec_to_settings(spec))

    assert back == dataclasses.replace(spec, id=spec_id(builtin_id))


@pytest.mark.parametrize("builtin_id", VENDOR_IDS)
def test_a_spec_as_settings_is_plain_data(builtin_id: str) -> None:
    raw = spec_to_settings(BUILTIN_SPECS[builtin_id])

    assert json.loads(json.dumps(raw)) == raw


def test_lifetimes_are_written_as_seconds() -> None:
    raw = spec_to_settings(BUILTIN_SPECS["issuely"])

    assert raw["MAX_LIFETIME"] == 600
    assert spec_from_settings("x", raw).token.max_lifetime == timedelta(minutes=10)


def test_what_return_param_implies_is_written_out_when_a_spec_differs() -> None:
    # FeedbackChimp-like, but the vendor never sends users back with a return target:
    # RETURN_PARAM alone would imply INCOMING_RETURN_PARAMS = [RETURN_PARAM].
    spec = BUILTIN_SPECS["feedbackchimp"].replacing(incoming_return_params=())

    back = spec_from_settings("feedbackchimp", spec_to_settings(spec))

    assert back == spec


def test_a_normalize_function_that_cannot_be_imported_back_is_refused() -> None:
    spec = BUILTIN_SPECS["sleekplan"].replacing(claim_rules={
        "name": ClaimRule(normalize=lambda value: value.lower())})
    message = ("claim rule 'name': NORMALIZE must be a module-level function importable by "
               "its dotted path, not tests.test_spec_roundtrip."
               "test_a_normalize_function_that_cannot_be_imported_back_is_refused.<locals>."
               "<lambda>")

    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        spec_to_settings(spec)


# The configuration, on every surface --------------------------------------------------

def test_the_twin_configures_the_same_vendor_and_options(vendor_id: str) -> None:
    builtin = conf.get_vendor_config(vendor_id)
    twin = conf.get_vendor_config(spec_id(vendor_id))

    assert twin.spec == dataclasses.replace(builtin.spec, id=spec_id(vendor_id))
    assert (twin.options, twin.claims, twin.lifetime, twin.return_hosts) == (
        builtin.options, builtin.claims, builtin.lifetime, builtin.return_hosts)


def test_claims_are_identical(vendor_id: str, user: Any) -> None:
    now = time.time()  # one moment for both, so iat and exp agree
    builtin = issue_token(user, conf.get_vendor_config(vendor_id), now=now)
    twin = issue_token(user, conf.get_vendor_config(spec_id(vendor_id)), now=now)
    if BUILTIN_SPECS[vendor_id].token.kind != "jwt":  # no jti, no time: the same signature
        assert (twin.token, twin.claims) == (builtin.token, builtin.claims)
        return
    verified = verify(vendor_id, twin.token)
    assert verified["jti"] == twin.jti != builtin.jti
    assert {**verified, "jti": None} == {**builtin.claims, "jti": None}


def test_snippets_are_identical(vendor_id: str, user: Any) -> None:
    def snippet(config_id: str) -> str:
        request = RequestFactory().get("/")
        request.user = user
        template = Template('{% load feedback_sso %}{% feedback_sso_token config_id %}')
        return template.render(Context({"request": request, "config_id": config_id}))

    builtin, twin = snippet(vendor_id), snippet(spec_id(vendor_id))

    assert as_builtin(twin, vendor_id) == as_builtin(builtin, vendor_id)
    assert builtin.strip()


def test_redirects_are_identical(vendor_id: str, user: Any) -> None:
    client = Client()
    client.force_login(user)
    config = conf.get_vendor_config(vendor_id)
    target = f"https://{min(config.return_hosts)}/page?x=1" if config.return_hosts else ""

    def redirect(config_id: str) -> tuple[int, str]:
        """The status, and where the token goes: a Location, or a POST form's page."""
        response = client.get(f"/feedback-sso/{config_id}/redirect/", {"next": target})
        return response.status_code, response.get("Location", response.content.decode())

    builtin, twin = redirect(vendor_id), redirect(spec_id(vendor_id))

    assert (twin[0], as_builtin(twin[1], vendor_id)) == (builtin[0], as_builtin(builtin[1],
                                                                                 vendor_id))
    if config.spec.redirect.handshake == "oidc_implicit":  # no nonce: nothing issued
        assert builtin[0] == 400
    elif config.spec.redirect.handshake:  # our own link: the forum starts the round trip
        assert builtin[0] == 302
    elif not config.vendor.has_redirect(config.options):
        assert builtin[0] == 404
    else:
        assert builtin[0] == (200 if config.spec.redirect.method == "post" else 302)


def test_each_accepts_the_others_tokens(vendor_id: str, user: Any) -> None:
    builtin, twin = (conf.get_vendor_config(vendor_id),
                     conf.get_vendor_config(spec_id(vendor_id)))

    for minted_by, checked_by in ((builtin, twin), (twin, builtin)):
        if minted_by.spec.token.kind == "discourse_connect":
            issued = issue_token(user, minted_by, echo={"nonce": "0123abcd"})
            assert verify_discourse_connect(*discourse_parts(issued.token),
                                            checked_by) == issued.claims
            continue
        issued = issue_token(user, minted_by)
        if minted_by.spec.token.kind == "identity_hash":
            assert verify_identity_hash(issued.token, issued.claims, checked_by) == issued.claims
        else:
            assert verify_token(issued.token, checked_by) == issued.claims


def broken_blocks(vendor_id: str) -> list[dict[str, Any]]:
    """Mistakes whose messages come from the spec, each where the vendor can make it."""
    spec = BUILTIN_SPECS[vendor_id]
    url_option = next(option.name for option in spec.options
                      if option.kind in ("url", "base_url"))
    blocks = [
        {"LIFETIME": "soon"},  # E007
        {"PORTAL_URLS": "https://typo.example"},  # E006, with its "did you mean"
        {url_option: "http://feedback.example.com/"},  # E009
        # W001 (hex for a vendor whose key is the bytes its secret's hex spells: Pylon)
        {"SECRET": "abcd" if spec.token.key_encoding == "hex" else "short"},
    ]
    if spec.required_options:  # E005
        blocks.append(dict.fromkeys(spec.required_options))
    if spec.token.max_lifetime:  # E008
        blocks.append({"LIFETIME": int(spec.token.max_lifetime.total_seconds()) + 1})
    if any(option.inferred for option in spec.options):  # W005
        blocks.append({option.name: None for option in spec.options if option.inferred})
    return blocks


def about(messages: list[Any], config_id: str, builtin_id: str) -> list[tuple[str, str, str]]:
    """The check messages naming ``config_id``, as they would read for the built-in."""
    return [(m.id, as_builtin(m.msg, builtin_id), as_builtin(m.hint or "", builtin_id))
            for m in messages if f"['{config_id}']" in m.msg]


@pytest.mark.parametrize("builtin_id", VENDOR_IDS)
def test_check_results_are_identical(builtin_id: str, settings: Any) -> None:
    for changes in broken_blocks(builtin_id):
        settings.FEEDBACK_SSO = side_by_side(builtin_id, **changes)
        messages = check_settings()

        builtin = about(messages, builtin_id, builtin_id)
        assert about(messages, spec_id(builtin_id), builtin_id) == builtin, changes
        assert len(messages) == 2 * len(builtin) > 0, changes
