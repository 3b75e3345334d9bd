from django.urls import include, path

urlpatterns = [
    path("feedback-sso/", include("django_feedback_sso.urls")),
    path("sandbox/", include("django_feedback_sso.sandbox.urls")),
    path("", include("demo.urls")),
]
