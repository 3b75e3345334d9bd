from django.apps import apps
from django.contrib.auth.views import LogoutView
from django.urls import include, path

from tests.views import helper_page, page

urlpatterns = [
    path("feedback-sso/", include("django_feedback_sso.urls")),
    path("page/<slug:vendor_id>/", page),
    path("helper/<slug:name>/", helper_page),
    path("sandbox/", include("django_feedback_sso.sandbox.urls")),
    # The site's own logout, which sign-out follows (the demo's, when present, is the same).
    path("test-logout/", LogoutView.as_view(next_page="/page/sleekplan/")),
]
if apps.is_installed("demo"):  # the example project's pages, for the browser tests
    urlpatterns.append(path("", include("demo.urls")))
