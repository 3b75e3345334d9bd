"""The smallest Django settings autodoc needs to import the app (docs/conf.py)."""

SECRET_KEY = "docs-build-only"  # noqa: S105 - never serves a request
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "django_feedback_sso"]
USE_TZ = True
