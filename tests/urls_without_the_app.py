"""A project's URLs that forgot ``include("django_feedback_sso.urls")`` (check W004)."""

from django.urls import path

from tests.views import page

urlpatterns = [path("page/<slug:vendor_id>/", page)]
