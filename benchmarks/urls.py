"""The app's URLs, and the hand-written view beside them."""

from django.urls import include, path

from benchmarks import baseline

urlpatterns = [
    path("feedback-sso/", include("django_feedback_sso.urls")),
    path("handwritten/sleekplan/token/", baseline.token_view),
    path("handwritten/discourse/connect/", baseline.discourse_connect_view),
]
