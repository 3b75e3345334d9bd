"""Delivery adds no database query: the endpoint costs the session and user lookups any
signed-in view pays, and the tag, given a loaded user, costs none."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import VENDORS


def tables(queries: CaptureQueriesContext) -> list[str]:
    return [re.search(r'FROM "(\w+)"', query["sql"]).group(1)  # type: ignore[union-attr]
            for query in queries.captured_queries]


@pytest.mark.parametrize("vendor_id", VENDORS)
def test_token_endpoint_queries_only_session_and_user(client: Any, user: Any,
                                                      vendor_id: str) -> None:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("feedback_sso:token", args=[vendor_id]))

    assert response.status_code == 200
    assert tables(queries) == ["django_session", "auth_user"]


@pytest.mark.parametrize("vendor_id", VENDORS)
@pytest.mark.parametrize("source", ['{% feedback_sso_token "VENDOR" %}',
                                    '{% feedback_sso_token "VENDOR" as token %}{{ token }}'])
def test_tag_adds_no_query(user: Any, vendor_id: str, source: str,
                           django_assert_num_queries: Any) -> None:
    template = engines["django"].from_string(
        "{% load feedback_sso %}" + source.replace("VENDOR", vendor_id))
    request = RequestFactory().get("/")
    request.user = user

    with django_assert_num_queries(0):
        html = template.render({}, request)

    assert html
