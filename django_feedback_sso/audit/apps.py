"""The audit log's app: registers its settings check, connects the ``token_issued`` receiver."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "django_feedback_sso.audit"
    label = "feedback_sso_audit"
    verbose_name = "Feedback SSO audit log"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the check of the AUDIT_* settings
        from .receivers import connect

        connect()
