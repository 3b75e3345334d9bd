from django.urls import include, path

urlpatterns = [
    path("", include("demo.urls")),
    path("feedback-sso/", include("django_feedback_sso.urls")),
    path("sandbox/", include("django_feedback_sso.sandbox.urls")),
]
