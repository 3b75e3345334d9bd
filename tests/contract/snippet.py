"""The tag: its whole snippet is the one the fixture writes out, the token sitting where the
vendor reads it, for a signed-in user only; no value breaks out of its attribute."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context

from django_feedback_sso.delivery import snippet_engine
from django_feedback_sso.vendors.templates import get_template
from tests.conftest import render_tag
from tests.contract.base import Contract
from tests.factories import UserFactory
from tests.html import elements, marked_tokens
from tests.oracle import verify

HOSTILE_NAMES = [
    '</script><script>window.__xss=1</script>',
    'Zoë "</script><b>',
    "<!--<script>",
    "'; alert(1); //",
    '"><img src=x onerror=alert(1)>',
    "\u2028\u2029 line separators",
    "Ω≈ç√∫ 𝕏 🚀 مرحبا",
    "\x00\x1f control",
    "{{ request.user }} {% csrf_token %}",
]
HOSTILE_VALUE = 'x" onmouseover="alert(1)" y="</script><script>alert(1)//'
BENIGN_VALUE = "benign-value"


@pytest.mark.django_db
class SnippetContract(Contract):
    """Every vendor's snippet."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        return {**super().parameters(), "who": ("anonymous", "staff", "inactive"),
                "hostile_name": HOSTILE_NAMES}

    def test_whole_snippet_for_a_signed_in_user(self, user: Any) -> None:
        found, tokens = marked_tokens(elements(render_tag(user, self.vendor.id)))

        assert found == self.vendor.expected_snippet(signed_in=True)
        for token in tokens:
            assert verify(self.vendor.id, token)[self.vendor.rules.email_claim] == user.email

    def test_users_without_a_token_get_the_snippet_without_one(self, who: str) -> None:
        user = {"anonymous": AnonymousUser, "staff": lambda: UserFactory(is_staff=True),
                "inactive": lambda: UserFactory(is_active=False)}[who]()

        assert elements(render_tag(user, self.vendor.id)) == self.vendor.expected_snippet(
            signed_in=False)
        assert render_tag(user, self.vendor.id, as_token=True) == ""

    def test_hostile_display_names_never_break_out(self, hostile_name: str) -> None:
        user = UserFactory(first_name=hostile_name, last_name="", username="hostile")
        html = render_tag(user, self.vendor.id)
        found, tokens = marked_tokens(elements(html))
        shown = [claim for claim, fact in self.vendor.rules.identity.items()
                 if fact == "display_name"]

        assert found == self.vendor.expected_snippet(signed_in=True)
        assert hostile_name.strip() not in html
        for token in tokens:
            claims = verify(self.vendor.id, token)
            assert {claim: claims[claim] for claim in shown} == dict.fromkeys(
                shown, hostile_name.strip())

    def test_every_value_is_escaped_in_attributes(self) -> None:
        """The snippet template itself, so no settings validation stands in front of it:
        with every value hostile it renders what it renders with plain ones, the hostile
        value standing, whole, where the plain one stood."""
        benign = elements(self.render_snippet(BENIGN_VALUE))

        hostile = elements(self.render_snippet(HOSTILE_VALUE))

        assert benign
        assert hostile == [
            (tag, {name: value.replace(BENIGN_VALUE, HOSTILE_VALUE)
                   for name, value in attrs.items()}, text.replace(BENIGN_VALUE, HOSTILE_VALUE))
            for tag, attrs, text in benign]

    def render_snippet(self, value: str) -> str:
        """The vendor's snippet template alone, with ``value`` for every option, the token
        and every URL."""
        context = {"options": {option.name: value for option in self.vendor.spec.options},
                   "signed_in": True, "token": value, "token_url": value, "script_url": value,
                   "redirect_url": value, "config_id": self.vendor.id,
                   "vendor": {"id": self.vendor.id, "name": self.vendor.spec.name}}
        template = get_template(snippet_engine(), self.vendor.spec.snippet_template)
        return str(template.render(Context(context)))
