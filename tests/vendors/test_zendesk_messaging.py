"""Zendesk Messaging's quirks (https://developer.zendesk.com/api-reference/widget-messaging/
web/authentication); its contract is generated (tests/contract/)."""

from __future__ import annotations

from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from django_feedback_sso.shortcuts import issue_token_for
from tests.browser.support import PANEL, Page, fetches_a_fresh_token
from tests.conftest import render_tag
from tests.contract.facts import VendorFacts
from tests.contract.forge import forge, good_claims, rejection
from tests.html import Snippet
from tests.oracle import verify
from tests.settings import SECRETS


def test_the_email_is_never_said_to_be_verified(user: Any) -> None:
    # external_id is "the primary identification ... even when an email address is
    # included"; the app doesn't know the email is verified.
    claims = verify("zendesk_messaging", issue_token_for(user, "zendesk_messaging").token)

    assert "email_verified" not in claims


def test_zendesk_messaging_tokens_name_the_signing_key(user: Any) -> None:
    token = issue_token_for(user, "zendesk_messaging").token

    header = jwt.decode(token, OctKey.import_key(SECRETS["zendesk_messaging"]),
                        algorithms=["HS256"]).header

    assert header == {"alg": "HS256", "typ": "JWT", "kid": "app_64f0c0ffee0123456789abcd"}


@pytest.mark.parametrize("header", [{}, {"kid": "app_another_key"}])
def test_zendesk_messaging_refuses_a_token_for_another_signing_key(
        header: dict[str, Any], user: Any) -> None:
    token = forge("zendesk_messaging", good_claims(user, "zendesk_messaging"), header=header)

    rejected = rejection("zendesk_messaging", token)

    assert (rejected.reason, rejected.detail) == (
        "invalid_header", "header 'kid' does not name this Zendesk Messaging key (KEY_ID); "
        "Zendesk Messaging looks the secret up by it")


def test_the_tag_renders_zendesks_snippet_tag_first(vendor_settings: Any, user: Any) -> None:
    src = "https://static.zdassets.com/ekr/snippet.js?key=abc-123"
    vendor_settings("zendesk_messaging", WIDGET_SCRIPT_URL=src)

    scripts = Snippet(render_tag(user, "zendesk_messaging")).scripts()

    assert [s.attrs for s in scripts] == [
        {"id": "ze-snippet", "src": src},
        {"src": "/static/feedback_sso/feedback-sso.js"},
        {"src": VendorFacts.of("zendesk_messaging").module_url,
         "data-feedback-sso": "zendesk_messaging",
         "data-token-url": "/feedback-sso/zendesk_messaging/token/"}]


@pytest.mark.browser
def test_login_user_is_asked_again_for_a_fresh_token(page: Page) -> None:
    """Zendesk asks its loginUser function again: a fresh token each time."""
    fetches_a_fresh_token(page, "zendesk_messaging", f"{PANEL} button", "loginUser-again")
