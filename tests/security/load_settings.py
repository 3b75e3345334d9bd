"""The test project as a real server runs it: a file-based SQLite database that every
worker process shares, so sessions created beforehand log the same users in everywhere."""

import os

from tests.settings import *  # noqa: F403

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.environ["FEEDBACK_SSO_LOAD_DB"],
                         "OPTIONS": {"timeout": 20}}}
ROOT_URLCONF = "tests.security.urls"
DEBUG = False
