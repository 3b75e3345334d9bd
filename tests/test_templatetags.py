"""{% feedback_sso_token %}: the default vendor, ``as``, failures, overrides. Where the token
sits in each vendor's snippet, and its escaping, is in the generated contract (tests/contract/)."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from django.template import Context, Template, TemplateSyntaxError

from django_feedback_sso.exceptions import FeedbackSSOConfigurationError, FeedbackSSOUnknownVendor
from tests.conftest import render_tag
from tests.factories import UserFactory
from tests.html import Snippet
from tests.oracle import verify

pytestmark = pytest.mark.django_db


def render(source: str, user: Any, **context: Any) -> str:
    return render_tag(user, source=source, **context)


CORE = "/static/feedback_sso/feedback-sso.js"


def module(vendor_id: str) -> str:
    """A vendor module's URL as the tag renders it, its version written VERSION (the module
    view's tests check that the version names the content)."""
    return f"/feedback-sso/js/{vendor_id}.js?v=VERSION"


def src(attrs: dict[str, str | None]) -> dict[str, str | None]:
    """``attrs`` with a module's ``?v=<version>`` written ``?v=VERSION``."""
    return {name: re.sub(r"\?v=[0-9a-f]{12}$", "?v=VERSION", value or "")
            if name == "src" else value for name, value in attrs.items()}


def sleek_token(html: str) -> str:
    """The token the Sleekplan snippet hands its module for window.SLEEK_USER."""
    _, script = Snippet(html).scripts()
    return script.attrs.get("data-token") or ""


def test_default_vendor(user: Any) -> None:
    assert verify("sleekplan", sleek_token(render("{% feedback_sso_token %}", user)))


def test_as_stores_the_raw_token(user: Any) -> None:
    html = render('{% feedback_sso_token "boostgpt" as token %}[{{ token }}]', user)

    assert verify("boostgpt", html.strip("[]"))["email"] == user.email


def test_as_with_the_default_vendor(user: Any) -> None:
    html = render("{% feedback_sso_token as token %}{{ token }}", user)

    assert verify("sleekplan", html)["mail"] == user.email


def test_no_json_filter_is_public() -> None:
    # Script-escaped JSON keeps its quotes: in an attribute, '"x\" onmouseover=…"' would
    # end the attribute. The library offers no such filter to put there.
    with pytest.raises(TemplateSyntaxError, match="Invalid filter: 'feedback_sso_json'"):
        Template('{% load feedback_sso %}<a title="{{ value|feedback_sso_json }}">')


def test_no_request_in_context_means_anonymous(user: Any) -> None:
    html = Template('{% load feedback_sso %}{% feedback_sso_token "boostgpt" %}').render(
        Context({}))

    assert "data-user-token" not in html


def test_broken_vendor_renders_nothing_and_logs_in_production(
    vendor_settings: Any, user: Any, caplog: pytest.LogCaptureFixture
) -> None:
    vendor_settings("boostgpt", SECRET=None)

    with caplog.at_level(logging.ERROR, logger="django_feedback_sso"):
        html = render('[{% feedback_sso_token "boostgpt" %}]'
                      '{% feedback_sso_token "productlift" %}', user)

    assert html.startswith("[]<script")
    assert "snippet for 'boostgpt' failed" in caplog.text
    assert "['boostgpt']['SECRET'] is missing" in caplog.text


def test_broken_vendor_raises_under_debug(settings: Any, vendor_settings: Any,
                                          user: Any) -> None:
    vendor_settings("boostgpt", SECRET=None)
    settings.DEBUG = True

    with pytest.raises(FeedbackSSOConfigurationError, match="SECRET"):
        render('{% feedback_sso_token "boostgpt" %}', user)


UNCONFIGURED = "No vendor 'launchnotes' is configured: add it to FEEDBACK_SSO['VENDORS']."
BOTH_FORMS = pytest.mark.parametrize(("source", "what"), [
    ('[{% feedback_sso_token "launchnotes" %}]', "snippet"),
    ('[{% feedback_sso_token "launchnotes" as token %}{{ token }}]', "token"),
])


@BOTH_FORMS
def test_an_unconfigured_vendor_id_raises_under_debug(settings: Any, user: Any, source: str,
                                                      what: str) -> None:
    """The developer sees the mistake on the page, not in a log."""
    settings.DEBUG = True

    with pytest.raises(FeedbackSSOUnknownVendor) as raised:
        render(source, user)

    assert str(raised.value) == UNCONFIGURED


@BOTH_FORMS
def test_an_unconfigured_vendor_id_renders_nothing_and_is_logged_once_in_production(
        user: Any, caplog: pytest.LogCaptureFixture, source: str, what: str) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, every level: one record in all

    html = render(source, user)

    assert html == "[]"
    [record] = caplog.records
    assert record.exc_info is not None
    assert (record.name, record.levelno, record.getMessage(), str(record.exc_info[1])) == (
        "django_feedback_sso", logging.ERROR, f"feedback_sso: {what} for 'launchnotes' failed",
        UNCONFIGURED)


def test_an_unconfigured_vendor_id_leaves_the_rest_of_the_page(
        client: Any, caplog: pytest.LogCaptureFixture) -> None:
    """Through a view, as a site serves it: the page answers 200, the tag's place empty."""
    client.force_login(UserFactory())
    caplog.set_level(logging.DEBUG)

    response = client.get("/page/launchnotes/")

    assert (response.status_code, response.content.decode()) == (200, (
        "<!doctype html><html><head><title>page</title></head><body><main></main></body>"
        "</html>\n"))
    assert [(record.name, record.getMessage()) for record in caplog.records] == [
        ("django_feedback_sso", "feedback_sso: snippet for 'launchnotes' failed")]


def test_bad_syntax() -> None:
    with pytest.raises(TemplateSyntaxError, match="received too many positional arguments"):
        Template('{% load feedback_sso %}{% feedback_sso_token "a" "b" %}')


def test_snippets_can_be_overridden_the_django_way(settings: Any, tmp_path: Any,
                                                   user: Any) -> None:
    override = tmp_path / "feedback_sso" / "snippets"
    override.mkdir(parents=True)
    (override / "boostgpt.html").write_text('<my-chat token="{{ token }}"></my-chat>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    (element,) = Snippet(render('{% feedback_sso_token "boostgpt" %}', user)).elements

    assert element.tag == "my-chat"
    assert verify("boostgpt", element.attrs["token"] or "")["email"] == user.email


def test_each_render_mints_a_fresh_token(user: Any) -> None:
    first = render('{% feedback_sso_token "boostgpt" as t %}{{ t }}', user)
    second = render('{% feedback_sso_token "boostgpt" as t %}{{ t }}', user)

    assert verify("boostgpt", first)["jti"] != verify("boostgpt", second)["jti"]


def test_custom_user_model_through_the_tag() -> None:
    from tests.factories import EmailUserFactory

    member = EmailUserFactory(email="grace@example.org")

    claims = verify("sleekplan", sleek_token(render('{% feedback_sso_token %}', member)))
    (boost,) = Snippet(render('{% feedback_sso_token "boostgpt" %}', member)).scripts()

    assert (claims["mail"], claims["id"], claims["name"]) == ("grace@example.org",
                                                              str(member.pk), "grace")
    assert verify("boostgpt", boost.attrs["data-user-token"] or "")["external_id"] == str(
        member.pk)
