"""The token endpoint as a Django REST framework view (``pip install django-feedback-sso[drf]``).

``path("api/feedback-sso/", include("django_feedback_sso.contrib.drf.urls"))`` serves
``api/feedback-sso/<config id>/token/`` (``feedback_sso_api:token``): the JSON and status
codes of the token endpoint, authenticated, permitted and throttled by the project's
``REST_FRAMEWORK`` settings (token, session, JWT …) or by a subclass's own classes.
"""
