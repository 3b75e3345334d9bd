"""The checks that look past ``FEEDBACK_SSO`` at the project around it: W003, W004.

Both mistakes used to pass ``manage.py check`` silently: without the ``request`` context
processor the tag showed signed-in users the anonymous form, and without the URL include
it failed when it rendered.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client, RequestFactory

from django_feedback_sso.checks import check_request_context_processor, check_urls_included
from django_feedback_sso.exceptions import FeedbackSSOConfigurationError
from tests.settings import TEMPLATES

REQUEST_PROCESSOR = "django.template.context_processors.request"
DJANGO = "django.template.backends.django.DjangoTemplates"
JINJA2 = "django.template.backends.jinja2.Jinja2"
NO_REQUEST = (
    "{% feedback_sso_token %} has no request in its template context, so it can't tell who "
    "is signed in. Add 'django.template.context_processors.request' to the template "
    "engine's context_processors (system check feedback_sso.W003), or render the template "
    "with the request."
)


def only(messages: list[Any]) -> Any:
    assert len(messages) == 1, [m.msg for m in messages]
    return messages[0]


def engine(backend: str = DJANGO, *processors: str, **config: Any) -> dict[str, Any]:
    return {"BACKEND": backend, "APP_DIRS": True,
            "OPTIONS": {"context_processors": list(processors)}, **config}


# W003: the request context processor -----------------------------------------------------


def test_w003_request_context_processor_missing(settings: Any) -> None:
    settings.TEMPLATES = [engine(DJANGO, "django.template.context_processors.debug")]

    warning = only(check_request_context_processor())

    assert (warning.id, warning.level, warning.obj) == ("feedback_sso.W003", 30, "TEMPLATES")
    assert warning.msg == (
        "TEMPLATES[0] has no 'django.template.context_processors.request' context "
        "processor, so {% feedback_sso_token %} can't see who is signed in and gives "
        "everyone the anonymous form.")
    assert warning.hint == ("Add 'django.template.context_processors.request' to "
                            "TEMPLATES[0]['OPTIONS']['context_processors'].")


def test_w003_names_the_engine_that_lacks_it(settings: Any) -> None:
    settings.TEMPLATES = [engine(DJANGO, REQUEST_PROCESSOR),
                          engine(DJANGO, NAME="emails")]

    warning = only(check_request_context_processor())

    assert warning.hint == ("Add 'django.template.context_processors.request' to "
                            "TEMPLATES[1]['OPTIONS']['context_processors'].")


def test_w003_not_raised_when_every_django_engine_has_it(settings: Any) -> None:
    settings.TEMPLATES = [*TEMPLATES, engine(JINJA2, NAME="jinja2")]

    assert check_request_context_processor() == []


def test_w003_jinja2_engines_need_no_processor(settings: Any) -> None:
    """Django's Jinja2 backend puts ``request`` in the context itself."""
    settings.TEMPLATES = [engine(JINJA2)]

    assert check_request_context_processor() == []


@pytest.mark.parametrize("templates", [
    [{"BACKEND": "tests.nowhere.Backend"}],
    [engine(DJANGO), engine(DJANGO)],  # two engines named "django"
    "not a list",
])
def test_w003_never_raises_on_broken_templates(settings: Any, templates: Any) -> None:
    """Django's own checks and errors report these; ours must not crash ``check``."""
    settings.TEMPLATES = templates

    assert check_request_context_processor() == []


def test_w003_is_reported_by_manage_py_check(settings: Any) -> None:
    settings.TEMPLATES = [engine(DJANGO)]
    stderr = StringIO()

    call_command("check", stdout=StringIO(), stderr=stderr)

    assert "(feedback_sso.W003) TEMPLATES[0] has no" in stderr.getvalue()


# The tag under DEBUG without a request -------------------------------------------------


@pytest.mark.parametrize("source", ['{% feedback_sso_token "boostgpt" %}',
                                    '{% feedback_sso_token "boostgpt" as token %}'])
def test_tag_without_request_raises_under_debug(settings: Any, source: str) -> None:
    settings.DEBUG = True
    template = Template("{% load feedback_sso %}" + source)

    with pytest.raises(FeedbackSSOConfigurationError) as raised:
        template.render(Context({}))

    assert str(raised.value) == NO_REQUEST


def test_tag_with_a_request_but_no_user_raises_under_debug(settings: Any) -> None:
    settings.DEBUG = True
    template = Template('{% load feedback_sso %}{% feedback_sso_token "boostgpt" %}')

    with pytest.raises(FeedbackSSOConfigurationError) as raised:
        template.render(Context({"request": RequestFactory().get("/")}))

    assert str(raised.value) == (
        "{% feedback_sso_token %} has a request without a user: add "
        "'django.contrib.auth.middleware.AuthenticationMiddleware' to MIDDLEWARE.")


@pytest.mark.django_db
def test_a_signed_in_developer_sees_the_error_not_the_anonymous_form(
    settings: Any, client: Client, user: Any
) -> None:
    settings.TEMPLATES = [{**TEMPLATES[0], "OPTIONS": {}}]
    settings.DEBUG = True
    client.force_login(user)

    with pytest.raises(FeedbackSSOConfigurationError, match="has no request"):
        client.get("/page/boostgpt/")


def test_tag_without_request_logs_a_warning_in_production(
    caplog: pytest.LogCaptureFixture,
) -> None:
    template = Template('{% load feedback_sso %}{% feedback_sso_token "boostgpt" %}')

    html = template.render(Context({}))

    assert "data-user-token" not in html
    assert caplog.messages == [NO_REQUEST]


# W004: the URL include -----------------------------------------------------------------


def test_w004_url_include_missing(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.urls_without_the_app"

    warning = only(check_urls_included())

    assert (warning.id, warning.level, warning.obj) == ("feedback_sso.W004", 30,
                                                        "ROOT_URLCONF")
    assert warning.msg == (
        "Can't reverse 'feedback_sso:token', 'feedback_sso:redirect', 'feedback_sso:script': "
        "the URLs of django_feedback_sso are not included, so the token endpoint, the "
        "redirect view and the vendors' JavaScript modules are unreachable and "
        "{% feedback_sso_token %} fails for vendors whose snippet uses them.")
    assert warning.hint == ('Add path("feedback-sso/", include("django_feedback_sso.urls")) '
                            "to the urlpatterns of ROOT_URLCONF.")


def test_w004_not_raised_when_included() -> None:
    assert check_urls_included() == []


@pytest.mark.parametrize("urlconf", ["tests.nowhere", "tests.security.broken_module"])
def test_w004_never_raises_on_a_broken_urlconf(settings: Any, urlconf: str) -> None:
    """Django's own URL checks report a broken ``ROOT_URLCONF``; ours must not crash."""
    settings.ROOT_URLCONF = urlconf

    assert check_urls_included() == []


def test_w004_is_reported_by_manage_py_check(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.urls_without_the_app"
    stderr = StringIO()

    call_command("check", stdout=StringIO(), stderr=stderr)

    assert "ROOT_URLCONF: (feedback_sso.W004) Can't reverse" in stderr.getvalue()
