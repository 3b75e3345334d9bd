"""Settings for the test suite: every built-in vendor configured with a test secret."""

import sys
from pathlib import Path

# The browser tests drive the example project's demo app: installed when example_project/
# is there (a checkout), left out where it isn't (the unpacked sdist), so the unit tests
# never need it. The browser tests skip without it (tests/browser/conftest.py).
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
# need the sandbox; its "not with DEBUG off" check has its own test in test_sandbox.py.
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

#: One secret per vendor so a token signed for one can't pass as another's.
SECRETS = {
    "sleekplan": "sleekplan-test-secret-0123456789abcdef",
    "productlift": "productlift-test-secret-0123456789abcdef",
    "feedbackchimp": "feedbackchimp-test-secret-0123456789abcdef",
    "issuely": "issuely-test-secret-0123456789abcdef-0000",
    "boostgpt": "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f",
    "frill": "frill-test-secret-0123456789abcdef-00000",
    "nolt": "nolt-test-secret-0123456789abcdef-000000",
    "uservoice": "uservoice-test-secret-0123456789abcdef-0",
    "zendesk_messaging": "zendesk-messaging-test-secret-0123456789abcdef",
    "intercom": "intercom-test-secret-0123456789abcdef-00",
    "announcekit": "announcekit-test-secret-0123456789abcdef",
    "changelogfy": "changelogfy-test-secret-0123456789abcdef",
}

FEEDBACK_SSO = {
    "DEFAULT_VENDOR": "sleekplan",
    "VENDORS": {
        "sleekplan": {"SECRET": SECRETS["sleekplan"], "PRODUCT_ID": "12345",
                      "PORTAL_URL": "https://acme.sleekplan.app", "TOKEN_PARAM": "sso"},
        "productlift": {"SECRET": SECRETS["productlift"],
                        "PORTAL_URL": "https://feedback.example.com"},
        # The inferred details, confirmed (check W005): the sandbox implements them.
        "feedbackchimp": {"SECRET": SECRETS["feedbackchimp"],
                          "PORTAL_URL": "https://acme.feedbackchimp.space",
                          "SSO_URL": "https://acme.feedbackchimp.space/api/v1/auth/access/jwt",
                          "TOKEN_PARAM": "jwt", "RETURN_PARAM": "return_to"},
        "issuely": {"SECRET": SECRETS["issuely"], "COMPANY_ID": "acme"},
        "boostgpt": {"SECRET": SECRETS["boostgpt"],
                     "BOT_ID": "3f6c1f0e-6a4b-4d8e-9c1a-2b3c4d5e6f70"},
        # The inferred redirect parameter, confirmed (check W005).
        "frill": {"SECRET": SECRETS["frill"], "SCRIPT_KEY": "0b6b1a2c-frill-script-key",
                  "PORTAL_URL": "https://acme.frill.co", "TOKEN_PARAM": "ssoToken"},
        "nolt": {"SECRET": SECRETS["nolt"], "PORTAL_URL": "https://acme.nolt.io"},
        "uservoice": {"SECRET": SECRETS["uservoice"], "PORTAL_URL": "https://acme.uservoice.com",
                      "WIDGET_SCRIPT_URL": "https://widget.uservoice.com/AbCdEf123.js"},
        # The inferred scope, confirmed (check W005).
        "zendesk_messaging": {"SECRET": SECRETS["zendesk_messaging"],
                              "KEY_ID": "app_64f0c0ffee0123456789abcd", "SCOPE": "user"},
        "intercom": {"SECRET": SECRETS["intercom"], "APP_ID": "abc123de"},
        "announcekit": {"SECRET": SECRETS["announcekit"],
                        "WIDGET_URL": "https://announcekit.app/widgets/v2/2OTEC4",
                        "SELECTOR": ".announcekit-widget",
                        "FEED_URL": "https://announcekit.app/acmeco/updates"},
        "changelogfy": {"SECRET": SECRETS["changelogfy"],
                        "APP_ID": "163a312a-7cde-41ab-a80c-cb4cf281efdf"},
    },
}
