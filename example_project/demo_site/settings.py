"""Settings of the example project: SQLite, secrets from .env, every seed vendor pointed
at the offline sandbox. Development only (DEBUG on, the sandbox installed)."""

from __future__ import annotations

from pathlib import Path

import environ

from django_feedback_sso.sandbox.vendor_urls import vendor_options

from .local_secrets import demo_secret

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = demo_secret("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django_feedback_sso",
    # The stand-in vendors: they answer 404 while DEBUG is off, and system check
    # feedback_sso.E015 is an error then.
    "django_feedback_sso.sandbox",
    "demo",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After "Log out", the next page tells the widgets (Sleekplan's) to forget the user.
    "django_feedback_sso.signout.SignOutMiddleware",
]
ROOT_URLCONF = "demo_site.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    # The request context processor is what {% feedback_sso_token %} needs.
    "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
}]
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
STATIC_URL = "static/"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "index"
LOGOUT_REDIRECT_URL = "index"

SANDBOX_URL = env.str("SANDBOX_URL", default="http://127.0.0.1:8000/sandbox")
SANDBOX = vendor_options(SANDBOX_URL)


def vendor(vendor_id: str, **options: str) -> dict[str, str]:
    """One vendor block: its secret, the sandbox URLs, and its account options."""
    return {"SECRET": demo_secret(f"{vendor_id.upper()}_SSO_SECRET"),
            **SANDBOX[vendor_id], **options}


FEEDBACK_SSO = {
    "DEFAULT_VENDOR": "sleekplan",
    "VENDORS": {
        "sleekplan": vendor("sleekplan", PRODUCT_ID="12345"),
        "productlift": vendor("productlift"),
        "feedbackchimp": vendor("feedbackchimp"),
        "issuely": vendor("issuely", COMPANY_ID="demo-company"),
        "boostgpt": vendor("boostgpt", BOT_ID="00000000-0000-4000-8000-000000000000"),
        # issue 12, vendors-a
        "canny": vendor("canny", COMPANY_ID="demo-company", BOARD_TOKEN="demo-board"),  # noqa: S106 - a board id
        "featurebase": vendor("featurebase", ORGANIZATION="demo"),
        "featureos": vendor("featureos"),
        "userback": vendor("userback"),
        "productlane": vendor("productlane"),
        "suggix": vendor("suggix"),
        "website_toolbox": vendor("website_toolbox"),
        "zendesk": vendor("zendesk"),
        "frill": vendor("frill", SCRIPT_KEY="00000000-demo-frill-script-key"),
        "nolt": vendor("nolt"),
        "uservoice": vendor("uservoice"),
        "zendesk_messaging": vendor("zendesk_messaging", KEY_ID="app_demo_signing_key"),
        "intercom": vendor("intercom", APP_ID="demo1234"),
        "announcekit": vendor("announcekit",
                              WIDGET_URL="https://announcekit.app/widgets/v2/DEMO01",
                              SELECTOR=".announcekit-widget"),
        "changelogfy": vendor("changelogfy", APP_ID="00000000-demo-changelogfy-app-id"),
    },
}
