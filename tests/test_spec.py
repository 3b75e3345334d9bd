"""Vendor specs refuse what the app must never do, and the algorithm is pinned."""

from __future__ import annotations

from typing import Any

import pytest
from joserfc import jwt
from joserfc.errors import UnsupportedAlgorithmError
from joserfc.jwk import OctKey

from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.vendors import BUILTIN_SPECS, VendorSpec
from django_feedback_sso.vendors.spec import VendorOption

SECRET = "custom-vendor-secret-" + "0123456789abcdef" * 3


@pytest.mark.parametrize("algorithm", ["none", "PS256", "EdDSA", "HS1", ""])
def test_only_hmac_sha2_and_the_key_pair_algorithms_are_allowed(algorithm: str) -> None:
    with pytest.raises(ValueError, match="is not allowed"):
        VendorSpec.from_flat(id="acme", name="Acme", docs_url="", claim_names={"email": "email"},
                   algorithm=algorithm)


def test_exp_can_not_be_left_out() -> None:
    with pytest.raises(ValueError, match="must include exp"):
        VendorSpec.from_flat(id="acme", name="Acme", docs_url="", claim_names={"email": "email"},
                   time_claims=("iat", "jti"))


def test_role_claims_can_not_come_from_user_fields() -> None:
    with pytest.raises(ValueError, match="role claims may not come from user fields"):
        VendorSpec.from_flat(id="acme", name="Acme", docs_url="",
                             claim_names={"role": "display_name"},
                             role_claims=frozenset({"role"}))


def test_every_built_in_vendor_signs_hs256_and_cites_its_docs() -> None:
    for spec in BUILTIN_SPECS.values():
        # Key pairs sign RS256 (Freshworks' documented algorithm), never with a SECRET.
        assert spec.token.algorithm == ("RS256" if spec.token.uses_key_pair else "HS256")
        assert spec.docs_url.startswith("https://")
        assert set(spec.token.time_claims) == {"iat", "exp", "jti"}


@pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
def test_a_custom_vendor_can_pin_another_hmac_algorithm(settings: Any, user: Any,
                                                         algorithm: str) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": SECRET, "SPEC": {
        "CLAIM_NAMES": {"email": "email"}, "ALGORITHM": algorithm}}}}

    token = issue_token_for(user, "acme").token

    decoded = jwt.decode(token, OctKey.import_key(SECRET), algorithms=[algorithm])
    assert decoded.header["alg"] == algorithm
    with pytest.raises(UnsupportedAlgorithmError):
        jwt.decode(token, OctKey.import_key(SECRET), algorithms=["HS256"])


def test_a_custom_vendor_may_leave_out_jti_when_its_rules_say_so(settings: Any,
                                                                   user: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": SECRET, "SPEC": {
        "CLAIM_NAMES": {"email": "email"}, "TIME_CLAIMS": ["iat", "exp"]}}}}

    claims = issue_token_for(user, "acme").claims

    assert "jti" not in claims
    assert {"iat", "exp"} <= set(claims)


def test_a_custom_vendor_can_name_its_key_in_the_header(settings: Any, user: Any) -> None:
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": SECRET, "KEY_ID": "key-7", "SPEC": {
        "CLAIM_NAMES": {"email": "email"}, "HEADER_OPTIONS": {"kid": "KEY_ID"},
        "OPTIONS": [{"NAME": "KEY_ID", "HELP": "The key's id.", "REQUIRED": True}]}}}}

    token = issue_token_for(user, "acme").token

    header = jwt.decode(token, OctKey.import_key(SECRET), algorithms=["HS256"]).header
    assert header == {"alg": "HS256", "typ": "JWT", "kid": "key-7"}


@pytest.mark.parametrize(("changes", "message"), [
    ({"delivery_method": "put"}, "x: delivery_method must be get or post"),
    ({"passthrough_params": ("token",)}, "x: the token parameter can't be passed through"),
    ({"host_passthrough_params": ("domain",)},
     "x: host_passthrough_params must be passthrough_params too"),
])
def test_spec_refuses_a_broken_delivery(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match="^" + message + "$"):
        VendorSpec.from_flat(id="x", name="X", docs_url="", claim_names={"email": "email"},
                             **changes)


@pytest.mark.parametrize(("header_options", "message"), [
    ({"alg": "KEY_ID"}, "acme: the alg header is the algorithm field's"),
    ({"kid": "NO_SUCH_OPTION"}, "acme: header_options names unknown options NO_SUCH_OPTION"),
])
def test_header_options_can_not_set_alg_or_name_unknown_options(
        header_options: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        VendorSpec.from_flat(id="acme", name="Acme", docs_url="", claim_names={"email": "email"},
                   options=(VendorOption("KEY_ID", "The key's id."),),
                   header_options=header_options)
