"""Settings for the benchmarks: the test settings' middleware, a SQLite file that server
workers share, and the vendor count chosen by :func:`vendors_setting`."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

SECRET_KEY = "benchmarks-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
USE_TZ = True
ROOT_URLCONF = "benchmarks.urls"
#: The runner sets this so gunicorn's workers open the database it prepared.
DB_PATH = os.environ.get("FEEDBACK_SSO_BENCH_DB") or str(
    Path(tempfile.gettempdir()) / "feedback-sso-bench.sqlite3")
#: Persistent connections: reconnecting per request would pad both sides of every ratio.
#: WAL with synchronous=NORMAL, the setting SQLite recommends for WAL mode
#: (https://www.sqlite.org/pragma.html#pragma_synchronous): a commit (the audit log's
#: row) is not an fsync. Reads, all the other rows do, are unaffected.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DB_PATH,
                         "CONN_MAX_AGE": None,
                         "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; "
                                                    "PRAGMA synchronous=NORMAL;"}}}
#: The audit-log row on PostgreSQL, when one is given (`bash .ci/postgres.sh` prints a URL).
POSTGRES_URL = os.environ.get("FEEDBACK_SSO_BENCH_POSTGRES") or os.environ.get(
    "FEEDBACK_SSO_TEST_POSTGRES", "")
if POSTGRES_URL:
    from urllib.parse import unquote, urlsplit

    _pg = urlsplit(POSTGRES_URL)
    DATABASES["postgres"] = {
        "ENGINE": "django.db.backends.postgresql", "NAME": _pg.path.lstrip("/"),
        "USER": unquote(_pg.username or ""), "PASSWORD": unquote(_pg.password or ""),
        "HOST": _pg.hostname or "", "PORT": str(_pg.port or ""), "CONN_MAX_AGE": None}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django_feedback_sso",
    # Its receiver is connected or not per benchmark side (inprocess.audit_rows).
    "django_feedback_sso.audit",
]
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

#: The vendor every comparison uses: the default, whose claims need the most work.
VENDOR = "sleekplan"
SECRET = "sleekplan-bench-secret-0123456789abcdef"  # noqa: S105
SEED_VENDORS: dict[str, dict[str, Any]] = {
    "sleekplan": {"SECRET": SECRET, "PRODUCT_ID": "12345",
                  "PORTAL_URL": "https://acme.sleekplan.app", "TOKEN_PARAM": "sso"},
    "productlift": {"SECRET": "productlift-bench-secret-0123456789abcdef",
                    "PORTAL_URL": "https://feedback.example.com"},
    "feedbackchimp": {"SECRET": "feedbackchimp-bench-secret-0123456789abcdef",
                      "PORTAL_URL": "https://acme.feedbackchimp.space",
                      "SSO_URL": "https://acme.feedbackchimp.space/api/v1/auth/access/jwt",
                      "TOKEN_PARAM": "jwt", "RETURN_PARAM": "return_to"},
    "issuely": {"SECRET": "issuely-bench-secret-0123456789abcdef", "COMPANY_ID": "acme"},
    "boostgpt": {"SECRET": "boostgpt-bench-secret-0123456789abcdef-0000",
                 "BOT_ID": "3f6c1f0e-6a4b-4d8e-9c1a-2b3c4d5e6f70"},
}


def vendors_setting(count: int) -> dict[str, Any]:
    """``FEEDBACK_SSO`` with ``count`` vendors: Sleekplan first, then the other built-in
    vendors, then vendors described by ``SPEC``."""
    vendors = dict(list(BUILTIN_VENDORS.items())[:count])
    for n in range(len(vendors), count):
        vendors[f"acme{n}"] = {
            "SECRET": f"acme{n}-bench-secret-0123456789abcdef",
            "SPEC": {"NAME": f"Acme {n}", "CLAIM_NAMES": {"sub": "user_id", "email": "email"},
                     "SSO_URL": f"https://board{n}.acme.example/sso"},
        }
    return {"DEFAULT_VENDOR": VENDOR, "VENDORS": vendors}


def configurations_setting(count: int) -> dict[str, Any]:
    """``FEEDBACK_SSO`` with ``count`` configurations of Sleekplan (``sleekplan-2`` …)."""
    vendors = {VENDOR: SEED_VENDORS[VENDOR]}
    for n in range(2, count + 1):
        vendors[f"{VENDOR}-{n}"] = {**SEED_VENDORS[VENDOR], "VENDOR": VENDOR,
                                    "SECRET": f"{VENDOR}-{n}-bench-secret-0123456789abcdef"}
    return {"DEFAULT_VENDOR": VENDOR, "VENDORS": vendors}


def _builtin_vendors() -> dict[str, dict[str, Any]]:
    """Every built-in vendor: the seeds above, the rest as the test settings configure them
    (one source for their required options), each with a secret of its own."""
    from tests.settings import FEEDBACK_SSO as TEST_SETTINGS

    vendors = dict(SEED_VENDORS)
    for vendor_id, block in TEST_SETTINGS["VENDORS"].items():
        if vendor_id not in vendors:  # a key pair's vendor keeps its PRIVATE_KEY, no SECRET
            # Hex digits: a secret every vendor takes, Pylon's and Channel Talk's hex keys too.
            secret = hashlib.sha256(f"{vendor_id}-bench".encode()).hexdigest()
            vendors[vendor_id] = {**block, "SECRET": secret} if "SECRET" in block else block
    return vendors


#: Every built-in vendor: the mint rows cover those that sign a JWT with a shared SECRET,
#: the scale row starts with them.
BUILTIN_VENDORS = _builtin_vendors()
FEEDBACK_SSO = vendors_setting(len(BUILTIN_VENDORS))


#: The identity-hash vendor of the ``hmac_tag`` row. Until the built-in Help Scout exists,
#: a vendor described by ``SPEC`` with a Help Scout-like snippet stands in; then
#: ``"helpscout"`` (configured as the test settings configure it) is the one change.
IDENTITY_HASH_VENDOR = "helpscout"
HASHDESK: dict[str, Any] = {
    "SECRET": "hashdesk-bench-secret-0123456789abcdef",
    "SPEC": {"NAME": "Hashdesk", "TOKEN_KIND": "identity_hash", "HASHED_CLAIM": "email",
             "CLAIM_NAMES": {"email": "email", "name": "display_name"},
             "REQUIRED_CLAIMS": ["email"],
             "SNIPPET_TEMPLATE": "bench/identity_hash_snippet.html",
             "SNIPPET_EMBEDS_TOKEN": True},
}
#: The ``discourse`` row's forum: the built-in vendor's required options.
DISCOURSE_VENDOR = "discourse"
DISCOURSE_FORUM = "https://forum.example.com"
DISCOURSE: dict[str, Any] = {"SECRET": "discourse-bench-secret-0123456789abcdef",
                             "PORTAL_URL": DISCOURSE_FORUM, "REQUIRE_ACTIVATION": "false"}
#: The ``rs256_mint`` row's vendor; its key is generated when that row starts.
KEY_PAIR_VENDOR = "keypair"


def identity_hash_block() -> dict[str, Any]:
    """The settings block of :data:`IDENTITY_HASH_VENDOR`."""
    return BUILTIN_VENDORS.get(IDENTITY_HASH_VENDOR, HASHDESK)


def key_pair_block(private_key: str) -> dict[str, Any]:
    """An RS256 vendor described by ``SPEC``, signing with ``private_key`` (PEM)."""
    return {"PRIVATE_KEY": private_key,
            "SPEC": {"NAME": "Keypair", "ALGORITHM": "RS256",
                     "CLAIM_NAMES": {"sub": "user_id", "email": "email",
                                     "name": "display_name"}}}


def with_vendor(config_id: str, block: dict[str, Any]) -> dict[str, Any]:
    """``FEEDBACK_SSO`` with one more configuration (a row sets it for its duration)."""
    return {**FEEDBACK_SSO, "VENDORS": {**FEEDBACK_SSO["VENDORS"], config_id: block}}
