"""{% feedback_sso_token %}: where the token sits in each snippet, escaping, failures."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template, TemplateSyntaxError

from django_feedback_sso.delivery import snippet_engine
from django_feedback_sso.exceptions import FeedbackSSOConfigurationError, FeedbackSSOUnknownVendor
from django_feedback_sso.vendors.templates import get_template
from tests.conftest import render_tag
from tests.factories import UserFactory
from tests.html import Snippet
from tests.oracle import DOCUMENTED, verify

pytestmark = pytest.mark.django_db

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


def test_sleekplan_hands_the_helper_its_token_and_widget(user: Any) -> None:
    html = render('{% feedback_sso_token "sleekplan" %}', user)
    core, script = Snippet(html).scripts()

    claims = verify("sleekplan", sleek_token(html))

    assert claims["mail"] == user.email
    assert core.attrs == {"src": CORE}
    assert src(script.attrs) == {
        "src": module("sleekplan"),
        "data-feedback-sso": "sleekplan",
        "data-token-url": "/feedback-sso/sleekplan/token/",
        "data-token": sleek_token(html),
        "data-product-id": "12345",
        "data-widget-src": "https://client.sleekplan.com/sdk/e.js",
    }
    assert script.text.strip() == core.text.strip() == ""  # nothing in script source


def test_productlift_sdk_script_carries_the_token(user: Any) -> None:
    (script,) = Snippet(render('{% feedback_sso_token "productlift" %}', user)).scripts()
    url = urlsplit(script.attrs["src"] or "")

    assert (url.scheme, url.netloc, url.path) == ("https", "feedback.example.com",
                                                  "/widgets_sdk")
    assert verify("productlift", parse_qs(url.query)["sso"][0])["email"] == user.email


def test_boostgpt_loader_carries_bot_id_and_token(user: Any) -> None:
    (script,) = Snippet(render('{% feedback_sso_token "boostgpt" %}', user)).scripts()

    assert script.attrs["src"] == "https://embed.boostgpt.co/widget.js"
    assert script.attrs["data-bot-id"] == "3f6c1f0e-6a4b-4d8e-9c1a-2b3c4d5e6f70"
    assert verify("boostgpt", script.attrs["data-user-token"] or "")["email"] == user.email


CORE_SCRIPT = ("script", {"src": CORE})
#: The whole snippet of each vendor of issue 12 (part two) with tests/settings.py, for a
#: signed-in user: element by element, every attribute; "TOKEN" marks the token.
NEW_SNIPPETS = {
    "frill": [CORE_SCRIPT, ("script", {
        "src": module("frill"), "data-feedback-sso": "frill", "data-token": "TOKEN",
        "data-script-key": "0b6b1a2c-frill-script-key",
        "data-widget-src": "https://widget.frill.co/v2/container.js"})],
    "nolt": [CORE_SCRIPT, ("script", {"src": module("nolt"), "data-feedback-sso": "nolt",
                                      "data-token": "TOKEN",
                                      "data-widget-src": "https://cdn.nolt.io/widgets.js"}),
             ("a", {"href": "https://acme.nolt.io", "class": "feedback-sso-link",
                    "data-nolt": None, "data-feedback-sso": "nolt"})],
    "uservoice": [CORE_SCRIPT, ("script", {
        "src": module("uservoice"), "data-feedback-sso": "uservoice", "data-token": "TOKEN",
        "data-widget-src": "https://widget.uservoice.com/AbCdEf123.js"})],
    "zendesk_messaging": [CORE_SCRIPT, ("script", {
        "src": module("zendesk_messaging"), "data-feedback-sso": "zendesk_messaging",
        "data-token-url": "/feedback-sso/zendesk_messaging/token/"})],
    "intercom": [CORE_SCRIPT, ("script", {
        "src": module("intercom"), "data-feedback-sso": "intercom", "data-app-id": "abc123de",
        "data-token": "TOKEN", "data-widget-src": "https://widget.intercom.io/widget/abc123de"})],
    "announcekit": [CORE_SCRIPT, ("script", {
        "src": module("announcekit"), "data-feedback-sso": "announcekit",
        "data-widget-url": "https://announcekit.app/widgets/v2/2OTEC4",
        "data-selector": ".announcekit-widget", "data-token": "TOKEN",
        "data-widget-src": "https://cdn.announcekit.app/widget-v2.js"})],
    "changelogfy": [CORE_SCRIPT, ("script", {
        "src": module("changelogfy"), "data-feedback-sso": "changelogfy",
        "data-app-id": "163a312a-7cde-41ab-a80c-cb4cf281efdf",
        "data-selector": ".changelogfy-widget", "data-token": "TOKEN",
        "data-widget-src": "https://widget.changelogfy.com/index.js"})],
}


@pytest.mark.parametrize("vendor_id", sorted(NEW_SNIPPETS))
def test_whole_snippet_of_each_new_vendor(vendor_id: str, user: Any) -> None:
    elements = Snippet(render(f'{{% feedback_sso_token "{vendor_id}" %}}', user)).elements
    token = next((e.attrs["data-token"] for e in elements if "data-token" in e.attrs), None)

    shape = [(e.tag, {name: "TOKEN" if name == "data-token" else value
                      for name, value in src(e.attrs).items()}) for e in elements]

    assert shape == NEW_SNIPPETS[vendor_id]
    assert all(e.text.strip() in ("", "Open Nolt") for e in elements)  # no script source
    if token is not None:
        assert verify(vendor_id, token)[DOCUMENTED[vendor_id].email_claim] == user.email


@pytest.mark.parametrize("vendor_id", sorted(NEW_SNIPPETS))
def test_new_vendors_render_no_token_for_the_anonymous(vendor_id: str) -> None:
    elements = Snippet(render(f'{{% feedback_sso_token "{vendor_id}" %}}',
                              AnonymousUser())).elements

    expected = [(tag, {name: value for name, value in attrs.items() if name != "data-token"})
                for tag, attrs in NEW_SNIPPETS[vendor_id]]
    assert [(e.tag, src(e.attrs)) for e in elements] == expected


def test_zendesk_messaging_renders_zendesks_snippet_tag_first(vendor_settings: Any,
                                                               user: Any) -> None:
    zendesk = "https://static.zdassets.com/ekr/snippet.js?key=abc-123"
    vendor_settings("zendesk_messaging", WIDGET_SCRIPT_URL=zendesk)

    scripts = Snippet(render('{% feedback_sso_token "zendesk_messaging" %}', user)).scripts()

    assert [src(s.attrs) for s in scripts] == [
        {"id": "ze-snippet", "src": zendesk}, {"src": CORE},
        {"src": module("zendesk_messaging"), "data-feedback-sso": "zendesk_messaging",
         "data-token-url": "/feedback-sso/zendesk_messaging/token/"}]


def test_announcekit_without_a_widget_links_to_the_feed(vendor_settings: Any,
                                                        user: Any) -> None:
    vendor_settings("announcekit", WIDGET_URL=None)

    html = render('{% feedback_sso_token "announcekit" %}', user)
    (link,) = Snippet(html).elements

    assert (link.tag, link.attrs, link.text.strip()) == (
        "a", {"href": "/feedback-sso/announcekit/redirect/", "class": "feedback-sso-link",
              "data-feedback-sso": "announcekit"}, "Open AnnounceKit")
    assert "eyJ" not in html


@pytest.mark.parametrize(("vendor_id", "label"), [("issuely", "Open Issuely"),
                                                  ("feedbackchimp", "Open FeedbackChimp")])
def test_redirect_only_vendors_link_through_the_redirect_view(
    user: Any, vendor_id: str, label: str
) -> None:
    html = render(f'{{% feedback_sso_token "{vendor_id}" %}}', user)
    (link,) = Snippet(html).elements

    assert link.tag == "a"
    assert link.attrs["href"] == f"/feedback-sso/{vendor_id}/redirect/"
    assert link.text.strip() == label
    assert "eyJ" not in html  # no token baked into the page


def test_default_vendor(user: Any) -> None:
    assert verify("sleekplan", sleek_token(render("{% feedback_sso_token %}", user)))


def test_as_stores_the_raw_token(user: Any) -> None:
    html = render('{% feedback_sso_token "boostgpt" as token %}[{{ token }}]', user)

    assert verify("boostgpt", html.strip("[]"))["email"] == user.email


def test_as_with_the_default_vendor(user: Any) -> None:
    html = render("{% feedback_sso_token as token %}{{ token }}", user)

    assert verify("sleekplan", html)["mail"] == user.email


@pytest.mark.parametrize("who", ["anonymous", "staff", "inactive"])
def test_users_without_a_token_get_the_anonymous_form(who: str) -> None:
    user = {"anonymous": AnonymousUser, "staff": lambda: UserFactory(is_staff=True),
            "inactive": lambda: UserFactory(is_active=False)}[who]()

    sleek = render('{% feedback_sso_token "sleekplan" %}', user)
    (lift,) = Snippet(render('{% feedback_sso_token "productlift" %}', user)).scripts()
    (boost,) = Snippet(render('{% feedback_sso_token "boostgpt" %}', user)).scripts()

    assert "data-token" not in Snippet(sleek).scripts()[1].attrs
    assert "data-product-id" in Snippet(sleek).scripts()[1].attrs  # the widget still loads
    assert lift.attrs["src"] == "https://feedback.example.com/widgets_sdk"
    assert "data-user-token" not in boost.attrs
    assert render('{% feedback_sso_token "boostgpt" as t %}[{{ t }}]', user) == "[]"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_display_names_never_break_out(name: str) -> None:
    user = UserFactory(first_name=name, last_name="", username="hostile")

    expected = {"sleekplan": ["script", "script"], "productlift": ["script"],
                "boostgpt": ["script"], "issuely": ["a"], "feedbackchimp": ["a"],
                **{vendor_id: [tag for tag, _ in elements]
                   for vendor_id, elements in NEW_SNIPPETS.items()}}
    for vendor_id in expected:
        html = render(f'{{% feedback_sso_token "{vendor_id}" %}}', user)
        assert Snippet(html).tags() == expected[vendor_id]
        assert name.strip() not in html
    claims = verify("sleekplan", sleek_token(render('{% feedback_sso_token %}', user)))
    assert claims["full_name"] == name.strip()


def render_snippet_file(vendor_id: str, context: dict[str, Any]) -> str:
    """A vendor's snippet template rendered alone, found by its name as the tag finds it."""
    template = get_template(snippet_engine(), f"feedback_sso/snippets/{vendor_id}.html")
    return str(template.render(Context(context)))


def test_option_values_are_escaped_in_attributes(user: Any) -> None:
    # The snippet templates themselves, so no settings validation stands in front of them.
    hostile = 'x" onmouseover="alert(1)" y="</script><script>alert(1)//'
    context = {"options": {"PRODUCT_ID": hostile, "BOT_ID": hostile}, "signed_in": True,
               "token": hostile, "token_url": hostile, "script_url": hostile,
               "module_url": hostile}

    (_, sleek) = Snippet(render_snippet_file("sleekplan", context)).scripts()
    (boost,) = Snippet(render_snippet_file("boostgpt", context)).scripts()

    assert sleek.attrs == {"src": hostile,
                           "data-feedback-sso": "sleekplan", "data-token-url": hostile,
                           "data-token": hostile, "data-product-id": hostile,
                           "data-widget-src": hostile}
    assert boost.attrs == {"src": hostile, "data-bot-id": hostile, "data-user-token": hostile}
    assert (sleek.text.strip(), boost.text.strip()) == ("", "")



@pytest.mark.parametrize("vendor_id", sorted(NEW_SNIPPETS))
def test_new_vendors_escape_every_value_in_attributes(vendor_id: str) -> None:
    hostile = 'x" onmouseover="alert(1)" y="</script><script>alert(1)//'
    options = {name: hostile for name in ("SCRIPT_KEY", "PORTAL_URL", "APP_ID", "SELECTOR",
                                          "WIDGET_URL")}
    context = {"options": options, "signed_in": True, "token": hostile, "token_url": hostile,
               "script_url": hostile, "redirect_url": hostile, "module_url": hostile,
               "vendor": {"id": vendor_id}}

    elements = Snippet(render_snippet_file(vendor_id, context)).elements

    zendesk_snippet = ["script"] if vendor_id == "zendesk_messaging" else []  # script_url set
    assert [e.tag for e in elements] == zendesk_snippet + [t for t, _ in NEW_SNIPPETS[vendor_id]]
    for element in elements:
        assert element.text.strip() in ("", "Open")  # nothing in script source
        for name, value in element.attrs.items():
            assert value in (hostile, None) or name in ("src", "data-feedback-sso", "class", "id")
        assert element.tag != "script" or element.attrs["src"] in (hostile, CORE)


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


def test_unknown_vendor_raises_under_debug(settings: Any, user: Any) -> None:
    settings.DEBUG = True

    with pytest.raises(FeedbackSSOUnknownVendor):
        render('{% feedback_sso_token "launchnotes" %}', user)


def test_unknown_vendor_renders_nothing_in_production(user: Any) -> None:
    assert render('{% feedback_sso_token "launchnotes" %}', user) == ""


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
