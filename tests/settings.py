"""Settings for the test suite: every built-in vendor configured with a test secret."""

import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django_feedback_sso.vendors.folders import builtin_folders, folder_module

# The browser tests drive the example project's demo app: installed when example_project/
# is there (a checkout), left out where it isn't (the unpacked sdist), so the unit tests
# never need it. The browser tests skip without it (tests/browser/fixtures.py).
EXAMPLE_PROJECT = Path(__file__).resolve().parent.parent / "example_project"
DEMO_APP = ["demo"] if (EXAMPLE_PROJECT / "demo").is_dir() else []
if DEMO_APP:
    sys.path.insert(0, str(EXAMPLE_PROJECT))

SECRET_KEY = "tests-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
USE_TZ = True
ROOT_URLCONF = "tests.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django_feedback_sso",
    "django_feedback_sso.sandbox",
    "tests.customuser",
    *DEMO_APP,
]
# Test runs have DEBUG off (pytest-django forces it), yet the sandbox rule and browser tests
# need the sandbox: without the opt-in its views answer 404 while DEBUG is off. Its check
# (E015, still an error with the opt-in) and its 404s have their own tests
# (test_sandbox.py, test_sandbox_guard.py, which take the opt-in away).
FEEDBACK_SSO_SANDBOX_WITHOUT_DEBUG = True
SILENCED_SYSTEM_CHECKS = ["feedback_sso.E015"]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]
STATIC_URL = "/static/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "/accounts/login/"

#: Every built-in vendor, configured as its folder's fixture says a project would (one
#: secret each, so a token signed for one can't pass as another's).
FIXTURES = {vendor_id: folder_module(vendor_id, "fixture") for vendor_id in builtin_folders()}
#: A key-pair vendor's (Freshworks') fixture holds TEST_PRIVATE_KEY, its PRIVATE_KEY, instead
#: of TEST_SECRET: SECRETS holds each vendor's signing secret, whichever it is.
KEY_NAMES = {vendor_id: "PRIVATE_KEY" if hasattr(fixture, "TEST_PRIVATE_KEY") else "SECRET"
             for vendor_id, fixture in FIXTURES.items()}
SECRETS = {vendor_id: getattr(fixture, "TEST_PRIVATE_KEY", None) or fixture.TEST_SECRET
           for vendor_id, fixture in FIXTURES.items()}

FEEDBACK_SSO = {
    "DEFAULT_VENDOR": "sleekplan",
    "VENDORS": {vendor_id: {KEY_NAMES[vendor_id]: SECRETS[vendor_id], **fixture.EXAMPLE}
                for vendor_id, fixture in FIXTURES.items()},
}


# The audit log (issue 13) -----------------------------------------------------------------
# Installed so its table exists; tests/conftest.py keeps it from recording except in the
# tests that ask for it (the `audit_log` fixture), since other tests count queries.
INSTALLED_APPS += ["django_feedback_sso.audit"]


def postgres_database(url: str) -> dict[str, object]:
    """A DATABASES entry from postgresql://user:password@host:port/name."""
    parts = urlsplit(url)
    return {"ENGINE": "django.db.backends.postgresql", "NAME": parts.path.lstrip("/"),
            "USER": unquote(parts.username or ""), "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "", "PORT": str(parts.port or "")}


#: `.ci/postgres.sh` starts Debian's PostgreSQL and prints this URL. Without it the
#: audit log's PostgreSQL tests skip, unless FEEDBACK_SSO_REQUIRE_POSTGRES=1 (CI).
POSTGRES_URL = os.environ.get("FEEDBACK_SSO_TEST_POSTGRES", "")
if POSTGRES_URL:
    DATABASES["postgres"] = postgres_database(POSTGRES_URL)


# The REST framework view (issue 13) ------------------------------------------------------
# Token authentication first: tests/test_drf.py calls the API with a token and no session.
INSTALLED_APPS += ["rest_framework", "rest_framework.authtoken"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication",
                                       "rest_framework.authentication.SessionAuthentication"],
}

# Sign-out (issue 13): widgets forget the user on the first page after logout ------------
MIDDLEWARE += ["django_feedback_sso.signout.SignOutMiddleware"]
