"""App configuration of the sandbox: registers its DEBUG-only system check (the main app
registers it too)."""

from django.apps import AppConfig


class FeedbackSSOSandboxConfig(AppConfig):
    name = "django_feedback_sso.sandbox"
    label = "feedback_sso_sandbox"
    verbose_name = "Feedback SSO sandbox"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the check
