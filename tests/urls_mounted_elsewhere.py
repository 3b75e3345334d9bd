"""The app's URLs under another path: a request's own URLconf (request.urlconf)."""

from django.urls import include, path

urlpatterns = [path("elsewhere/", include("django_feedback_sso.urls"))]
