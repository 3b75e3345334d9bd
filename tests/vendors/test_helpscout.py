"""Help Scout Beacon 2 in secure mode (https://developer.helpscout.com/beacon-2/web/secure-
mode/): the signature is the lowercase-hex HMAC-SHA256 of the email, keyed with the Beacon's
secret key as text, recomputed here from that recipe."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django_feedback_sso.vendors.helpscout.fixture import TEST_SECRET
from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.html import elements


def signature(email: str, secret: str = TEST_SECRET) -> str:
    """Help Scout's recipe: OpenSSL::HMAC.hexdigest('sha256', secret_key, user.email)."""
    return hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()


def module(**identity: str) -> tuple[str, dict[str, str], str]:
    attrs = {"src": VendorFacts.of("helpscout").module_url, "data-feedback-sso": "helpscout",
             "data-beacon-id": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
             "data-widget-src": "https://beacon-v2.helpscout.net"}
    if identity:
        attrs.update({"data-email": identity["email"], "data-name": identity["name"],
                      "data-token": signature(identity["email"])})
    return ("script", attrs, "")


def test_the_tag_hands_the_beacon_the_identity_and_the_email_s_hmac(user: Any) -> None:
    found = elements(render_tag(user, "helpscout"))

    assert found == [("script", {"src": "/static/feedback_sso/feedback-sso.js"}, ""),
                     module(email=user.email, name="Jane Doe")]


# Staff, hostile names, the token endpoint, the sandbox's recomputing and the Chromium
# sign-in are the generated contract's (tests/contract/identity_hash.py,
# tests/browser/contract.py), from the fixture's transcription of the same recipe.
