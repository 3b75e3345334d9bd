"""The snippet's context: costlier values worked out when a template first reads them."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template

from django_feedback_sso.delivery import SnippetContext


def context(made: list[str]) -> SnippetContext:
    def later(name: str) -> Any:
        return lambda: made.append(name) or f"/{name}/"

    return SnippetContext({"token": "t"}, {"module_url": later("module_url"),
                                            "token_url": later("token_url")})


def test_a_value_is_worked_out_once_when_first_read() -> None:
    made: list[str] = []
    values = context(made)

    rendered = Template("{{ module_url }}{{ module_url }}{{ token }}").render(Context(values))

    assert rendered == "/module_url//module_url/t"
    assert made == ["module_url"]  # token_url was never read, so never worked out


def test_membership_get_and_length_count_what_is_still_to_work_out() -> None:
    made: list[str] = []
    values = context(made)

    assert "token_url" in values
    assert "other" not in values
    assert len(values) == 3
    assert values.get("other", "none") == "none"
    assert made == []
    assert values.get("token_url") == "/token_url/"
    assert made == ["token_url"]


def test_going_over_every_value_works_them_all_out() -> None:
    made: list[str] = []

    assert dict(context(made).items()) == {"token": "t", "module_url": "/module_url/",
                                           "token_url": "/token_url/"}
    assert sorted(made) == ["module_url", "token_url"]
    assert Context(context([])).flatten()["token_url"] == "/token_url/"


def test_an_unknown_key_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        context([])["nothing"]
