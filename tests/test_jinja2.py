"""The same capability on the Jinja2 template backend."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory

from tests.html import Snippet
from tests.oracle import verify

pytestmark = pytest.mark.django_db

JINJA2_ONLY = [{
    "BACKEND": "django.template.backends.jinja2.Jinja2",
    "DIRS": [],
    "APP_DIRS": False,
    "OPTIONS": {"extensions": ["django_feedback_sso.jinja2.FeedbackSSOExtension"]},
}]


@pytest.fixture
def jinja(settings: Any) -> Any:
    settings.TEMPLATES = JINJA2_ONLY  # no Django template engine at all
    return engines["jinja2"]


def render(jinja: Any, source: str, user: Any) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return str(jinja.from_string(source).render({}, request=request))


def test_snippet(jinja: Any, user: Any) -> None:
    (script,) = Snippet(render(jinja, '{{ feedback_sso_token("boostgpt") }}', user)).scripts()

    assert verify("boostgpt", script.attrs["data-user-token"] or "")["email"] == user.email


def test_snippet_with_default_vendor(jinja: Any, user: Any) -> None:
    assert 'data-feedback-sso="sleekplan"' in render(jinja, "{{ feedback_sso_token() }}", user)


def test_raw_token(jinja: Any, user: Any) -> None:
    html = render(jinja, '{% set t = feedback_sso_raw_token("issuely") %}[{{ t }}]', user)

    assert verify("issuely", html.strip("[]"))["companyId"] == "acme"


def test_anonymous(jinja: Any) -> None:
    html = render(jinja, '{{ feedback_sso_token("boostgpt") }}'
                  '[{{ feedback_sso_raw_token("boostgpt") }}]', AnonymousUser())

    assert "data-user-token" not in html
    assert html.endswith("[]")
