"""Settings of the example project: SQLite, secrets from .env, every seed vendor pointed
at the offline sandbox. Development only (DEBUG on, the sandbox installed)."""

from __future__ import annotations

from pathlib import Path

import environ

from django_feedback_sso.sandbox.vendor_urls import vendor_options
from django_feedback_sso.vendors.folders import builtin_folders, folder_module

from .local_secrets import demo_private_key, demo_secret

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


def vendor(vendor_id: str) -> dict[str, str]:
    """One vendor block: its secret (a key-pair vendor's private key), its folder's example
    account options, the sandbox URLs."""
    fixture = folder_module(vendor_id, "fixture")
    if folder_module(vendor_id, "spec").SPEC.token.uses_key_pair:
        key = {"PRIVATE_KEY": demo_private_key(f"{vendor_id.upper()}_SSO_PRIVATE_KEY")}
    else:
        key = {"SECRET": demo_secret(f"{vendor_id.upper()}_SSO_SECRET")}
    return {**key, **fixture.EXAMPLE, **SANDBOX[vendor_id]}


# Every built-in vendor, found in its folder like the registry finds it: a vendor added to
# the package shows up here with nothing to edit.
FEEDBACK_SSO = {
    "DEFAULT_VENDOR": "sleekplan",
    "VENDORS": {vendor_id: vendor(vendor_id) for vendor_id in builtin_folders()},
}
