"""The app's URLs plus a page that renders the tag for every vendor, as a project would."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import include, path

from tests.security.conftest import VENDORS

PAGE = engines["django"].from_string(
    "{% load feedback_sso %}<!doctype html><title>page</title><main>content</main>"
    "{% for vendor_id in vendors %}<section id='{{ vendor_id }}'>"
    "{% feedback_sso_token vendor_id %}</section>{% endfor %}"
)


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE.render({"vendors": VENDORS}, request))


urlpatterns = [
    path("feedback-sso/", include("django_feedback_sso.urls")),
    path("page/", page),
]
