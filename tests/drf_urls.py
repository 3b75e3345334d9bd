"""The REST framework view as a project includes it, and a throttled subclass."""

from django.urls import include, path
from rest_framework.throttling import UserRateThrottle

from django_feedback_sso.contrib.drf.views import TokenAPIView


class TwoPerMinute(UserRateThrottle):
    rate = "2/min"


class ThrottledTokenAPIView(TokenAPIView):
    throttle_classes = [TwoPerMinute]  # noqa: RUF012 - REST framework's own attribute


urlpatterns = [
    path("api/feedback-sso/", include("django_feedback_sso.contrib.drf.urls")),
    path("throttled/<slug:config_id>/token/", ThrottledTokenAPIView.as_view()),
    path("", include("tests.urls")),
]
