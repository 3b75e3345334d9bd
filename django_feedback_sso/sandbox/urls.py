"""``path("sandbox/", include("django_feedback_sso.sandbox.urls"))`` (development only)."""

from django.urls import path

from .views import PortalView, VerifyView, WidgetScriptView

app_name = "feedback_sso_sandbox"

urlpatterns = [
    path("<slug:config_id>/portal/", PortalView.as_view(), name="portal"),
    path("<slug:config_id>/portal/<path:page>", PortalView.as_view(), name="portal"),
    path("<slug:config_id>/verify/", VerifyView.as_view(), name="verify"),
    path("<slug:config_id>/widget.js", WidgetScriptView.as_view(), name="widget"),
]
