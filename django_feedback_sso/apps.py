"""App configuration: registers the system checks and the sign-out receivers."""

from django.apps import AppConfig


class FeedbackSSOConfig(AppConfig):
    name = "django_feedback_sso"
    verbose_name = "Feedback SSO"

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401 - registers the checks
            signout,  # noqa: F401 - connects the sign-out receivers
        )
        from .sandbox import (
            checks as sandbox_checks,  # noqa: F401 - E015: its URLs work without its app
        )
