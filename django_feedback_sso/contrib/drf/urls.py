"""``path("api/feedback-sso/", include("django_feedback_sso.contrib.drf.urls"))``."""

from django.urls import path

from .views import TokenAPIView

app_name = "feedback_sso_api"

urlpatterns = [
    path("<slug:config_id>/token/", TokenAPIView.as_view(), name="token"),
]
