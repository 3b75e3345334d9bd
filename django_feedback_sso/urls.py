"""``path("feedback-sso/", include("django_feedback_sso.urls"))``: one pattern per surface."""

from django.urls import path

from .views import ModuleView, SSORedirectView, TokenView

app_name = "feedback_sso"

urlpatterns = [
    path("<slug:config_id>/token/", TokenView.as_view(), name="token"),
    path("<slug:config_id>/redirect/", SSORedirectView.as_view(), name="redirect"),
    path("js/<slug:vendor_id>.js", ModuleView.as_view(), name="script"),
]
