"""The benchmarks' hand-written code does what the app does, or a ratio compares nothing.

Checked here against DiscourseConnect's recipe computed independently (meta.discourse.org
13045): ``sso`` is base64 of a query string, ``sig`` its hex HMAC-SHA256.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.test import RequestFactory

# A checkout's benchmarks: not in the sdist, whose tests skip this module.
baseline = pytest.importorskip("benchmarks.baseline")

SECRET = b"discourse-bench-secret-0123456789abcdef"
RETURN_URL = "https://forum.example.com/session/sso_login"


def forum_request(user: Any, return_url: str = RETURN_URL, key: bytes = SECRET) -> Any:
    sso = base64.b64encode(f"nonce=cb6825&return_sso_url={return_url}".encode()).decode()
    sig = hmac.new(key, sso.encode(), hashlib.sha256).hexdigest()
    request = RequestFactory().get("/handwritten/discourse/connect/?"
                                   + urlencode({"sso": sso, "sig": sig}))
    request.user = user
    return request


def test_the_hand_written_discourse_connect_view_answers_a_signed_payload(user: Any) -> None:
    response = baseline.discourse_connect_view(forum_request(user))

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location._replace(query="").geturl() == RETURN_URL
    answer = dict(parse_qsl(location.query))
    assert hmac.compare_digest(
        hmac.new(SECRET, answer["sso"].encode(), hashlib.sha256).hexdigest(), answer["sig"])
    assert dict(parse_qsl(base64.b64decode(answer["sso"]).decode())) == {
        "nonce": "cb6825", "external_id": str(user.pk), "email": user.email,
        "username": user.username, "name": "Jane Doe", "require_activation": "false"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(("return_url", "key", "status"), [
    (RETURN_URL, b"another-secret", 403),
    ("https://evil.example/session/sso_login", SECRET, 400),
])
def test_the_hand_written_view_refuses_what_the_app_refuses(
    user: Any, return_url: str, key: bytes, status: int
) -> None:
    response = baseline.discourse_connect_view(forum_request(user, return_url, key))

    assert response.status_code == status
