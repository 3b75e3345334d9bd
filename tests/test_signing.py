"""Signing, for every vendor alike: fresh UUID4 ids, injectable time, and byte for byte what
PyJWT's ``jwt.encode`` writes. Each vendor's own contract is generated (tests/contract/)."""

from __future__ import annotations

import uuid
from typing import Any

import jwt as pyjwt
from hypothesis import given, settings
from hypothesis import strategies as st

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.tokens import _sign, header_fields, new_jti
from tests.conftest import VENDORS


def test_jti_is_a_version_4_uuid() -> None:
    for _ in range(500):
        jti = new_jti()
        parsed = uuid.UUID(jti)
        assert str(parsed) == jti
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


def test_time_is_injectable(user: Any) -> None:
    issued = issue_token_for(user, "issuely", now=1_700_000_000.7)

    assert issued.claims["iat"] == 1_700_000_000
    assert issued.expires_at == 1_700_000_300


#: Registered claims ``jwt.encode`` checks the type of (PyJWT 2.10+ refuses ``iss: None``);
#: the app sets the time claims itself and signs whatever else a hook returns unchecked.
CHECKED_BY_PYJWT = {"iss", "sub", "aud", "exp", "iat", "nbf", "jti"}


@settings(max_examples=200, deadline=None)
@given(payload=st.dictionaries(
    st.text(max_size=8).filter(lambda name: name not in CHECKED_BY_PYJWT),
    st.none() | st.booleans() | st.integers() | st.text(max_size=30)
    | st.lists(st.integers() | st.text(max_size=5), max_size=3),
    max_size=6))
def test_signing_is_byte_for_byte_what_jwt_encode_writes(payload: dict[str, Any]) -> None:
    """The app signs with PyJWT's algorithm objects, key prepared once; the token must be
    exactly what ``jwt.encode`` makes of the same claims."""
    for vendor_id in VENDORS:
        config = get_vendor_config(vendor_id)
        assert _sign(payload, config) == pyjwt.encode(payload, config.secret,
                                                      algorithm=config.spec.token.algorithm,
                                                      headers=header_fields(config))
