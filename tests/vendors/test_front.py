"""Front Chat (https://dev.frontapp.com/docs/identify-users): the userHash is the
lowercase-hex HMAC-SHA256 of the email, keyed with the verification secret as text,
recomputed here from that recipe."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django_feedback_sso.vendors.front.fixture import TEST_SECRET
from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.html import elements


def user_hash(email: str, secret: str = TEST_SECRET) -> str:
    """Front's recipe: createHmac('sha256', verificationSecret).update(userEmail)
    .digest('hex')."""
    return hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()


def module(**identity: str) -> tuple[str, dict[str, str], str]:
    attrs = {"src": VendorFacts.of("front").module_url, "data-feedback-sso": "front",
             "data-chat-id": "4f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c",
             "data-widget-src": "https://chat-assets.frontapp.com/v1/chat.bundle.js"}
    if identity:
        attrs.update({"data-email": identity["email"], "data-name": identity["name"],
                      "data-token": user_hash(identity["email"])})
    return ("script", attrs, "")


def test_the_tag_hands_front_chat_the_identity_and_the_email_s_hmac(user: Any) -> None:
    found = elements(render_tag(user, "front"))

    assert found == [("script", {"src": "/static/feedback_sso/feedback-sso.js"}, ""),
                     module(email=user.email, name="Jane Doe")]


# Staff, hostile names, the token endpoint, the sandbox's recomputing and the Chromium
# sign-in are the generated contract's (tests/contract/identity_hash.py,
# tests/browser/contract.py), from the fixture's transcription of the same recipe.
