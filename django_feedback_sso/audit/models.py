"""One row per issued token: who got one, for which configuration, where, and when."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from ..signals import SURFACES


class AuditEntry(models.Model):
    """A token that was issued. The token itself and the secret are never stored.

    The user is kept as a primary key and the username at issue time, not a foreign key:
    the log outlives deleted users, and it may live in another database than the users
    (a database router can send this app elsewhere).
    """

    config_id = models.CharField("configuration", max_length=100)
    vendor_id = models.CharField("vendor", max_length=100)
    user_pk = models.CharField("user id", max_length=64)
    username = models.CharField(max_length=254)
    #: ``None`` for a vendor whose tokens carry no ``jti`` (the spec leaves it out).
    jti = models.CharField("token id (jti)", max_length=64, null=True, blank=True)  # noqa: DJ001 - NULL, not "": many rows without a jti, yet each jti unique
    issued_at = models.DateTimeField("issued")
    #: ``None`` for what carries no expiry: an identity hash (Help Scout …), a
    #: DiscourseConnect answer.
    expires_at = models.DateTimeField("expires", null=True, blank=True)
    surface = models.CharField(max_length=16, choices=[(name, name) for name in SURFACES])
    #: The request's path, never its query string (a return target could be long, and
    #: nothing a user typed into a URL belongs in a security log by default).
    path = models.CharField("request path", max_length=2048, blank=True)

    class Meta:
        verbose_name = "issued token"
        ordering = ("-issued_at", "-id")
        indexes = (models.Index(fields=["issued_at"], name="feedback_sso_audit_issued"),)
        constraints = (
            # One row per token: a repeated jti would be a bug (or a forged row).
            models.UniqueConstraint(fields=["jti"], condition=Q(jti__isnull=False),
                                    name="feedback_sso_audit_unique_jti"),
        )

    def __str__(self) -> str:
        return f"{self.config_id} token for {self.username} ({self.surface}, {self.issued_at})"
