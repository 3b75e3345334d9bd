"""Scripts carry the request's CSP nonce: Django 6's built-in CSP and django-csp 4."""

from __future__ import annotations

import re
from typing import Any

import django
import pytest
from django.test import Client

from tests.html import Snippet

pytestmark = pytest.mark.django_db


def header_nonce(response: Any, header: str) -> str:
    match = re.search(r"'nonce-([^']+)'", response[header])
    assert match, response[header]
    return match.group(1)


def assert_every_script_carries(response: Any, nonce: str) -> None:
    scripts = Snippet(response.content.decode()).scripts()
    assert len(scripts) == 2  # the core and Sleekplan's module
    assert {script.attrs.get("nonce") for script in scripts} == {nonce}


@pytest.mark.skipif(django.VERSION < (6, 0), reason="built-in CSP arrived in Django 6.0")
def test_django_builtin_csp_nonce(client: Client, user: Any, settings: Any) -> None:
    from django.utils.csp import CSP

    settings.MIDDLEWARE = [*settings.MIDDLEWARE,
                           "django.middleware.csp.ContentSecurityPolicyMiddleware"]
    settings.SECURE_CSP = {"script-src": [CSP.SELF, CSP.NONCE]}
    client.force_login(user)

    response = client.get("/page/sleekplan/")

    assert_every_script_carries(response, header_nonce(response, "Content-Security-Policy"))


def test_django_csp_package_nonce(client: Client, user: Any, settings: Any) -> None:
    from csp.constants import NONCE, SELF

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "csp.middleware.CSPMiddleware"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE]}}
    client.force_login(user)

    response = client.get("/page/sleekplan/")

    assert_every_script_carries(response, header_nonce(response, "Content-Security-Policy"))


def test_no_csp_middleware_means_no_nonce_attribute(client: Client, user: Any) -> None:
    client.force_login(user)

    response = client.get("/page/sleekplan/")

    assert "nonce" not in response.content.decode()
    assert len(Snippet(response.content.decode()).scripts()) == 2


def test_each_response_gets_its_own_nonce(client: Client, user: Any, settings: Any) -> None:
    from csp.constants import NONCE, SELF

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "csp.middleware.CSPMiddleware"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE]}}
    client.force_login(user)

    first = header_nonce(client.get("/page/boostgpt/"), "Content-Security-Policy")
    second = header_nonce(client.get("/page/boostgpt/"), "Content-Security-Policy")

    assert first != second
