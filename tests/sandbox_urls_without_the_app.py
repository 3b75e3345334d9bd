"""A project that includes the sandbox's URLs without installing its app, with the test
suites' opt-in and ``DEBUG`` off: ``manage.py check`` must still report E015."""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS  # noqa: F405
                  if app != "django_feedback_sso.sandbox"]
SILENCED_SYSTEM_CHECKS: list[str] = []
