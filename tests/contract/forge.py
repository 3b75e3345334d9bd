"""Tokens the app would never mint, forged with joserfc (not the app's PyJWT), and what the
sandbox's stand-in makes of them."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.exceptions import FeedbackSSOTokenRejected
from django_feedback_sso.sandbox.replay import CacheReplayGuard
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.verification import verify_token
from tests.contract.facts import VendorFacts
from tests.oracle import DOCUMENTED
from tests.settings import SECRETS


def forge(vendor_id: str, claims: dict[str, Any], *, secret: str | None = None,
          algorithm: str | None = None, header: dict[str, Any] | None = None) -> str:
    """A token signed with joserfc; the vendor's documented algorithm and header unless
    given. An RS256 token is signed with ``secret`` if it is a PEM private key, else with
    a key of its own (``secret="another-…"``: someone else's key)."""
    algorithm = algorithm or DOCUMENTED[vendor_id].algorithm
    fields = dict(DOCUMENTED[vendor_id].header) if header is None else header
    return jwt.encode({**fields, "alg": algorithm}, claims,
                      _key(secret or SECRETS[vendor_id], algorithm), algorithms=[algorithm])


def _key(secret: str, algorithm: str) -> Any:
    if algorithm.startswith("RS"):
        return (RSAKey.import_key(secret) if "-----BEGIN" in secret
                else RSAKey.generate_key(2048))
    with warnings.catch_warnings():  # a PEM as an HMAC secret: the algorithm confusion attack
        warnings.simplefilter("ignore")
        return OctKey.import_key(secret)


def good_claims(user: Any, vendor_id: str, **changes: Any) -> dict[str, Any]:
    """A real token's claims, changed; ``None`` drops a claim."""
    claims = dict(issue_token_for(user, vendor_id).claims)
    for name, value in changes.items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return claims


def rejection(vendor_id: str, token: str) -> FeedbackSSOTokenRejected:
    with pytest.raises(FeedbackSSOTokenRejected) as caught:
        verify_token(token, get_vendor_config(vendor_id), replay_guard=CacheReplayGuard())
    return caught.value


def portal(client: Client, vendor: VendorFacts, token: str, page: str = "") -> Any:
    """The stand-in portal, given the token where the vendor documents it (query or body)."""
    url = (reverse("feedback_sso_sandbox:portal", args=[vendor.id, page]) if page
           else reverse("feedback_sso_sandbox:portal", args=[vendor.id]))
    send = client.post if vendor.rules.token_in == "body" else client.get
    # A widget's vendor documents no SSO URL: its stand-in portal takes ``token``.
    return send(url, {vendor.rules.token_param or "token": token})
