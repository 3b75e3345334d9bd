"""``manage.py feedback_sso_purge_audit``: delete audit rows past their retention."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ...conf import get_audit_settings
from ...models import AuditEntry


class Command(BaseCommand):
    help = (
        "Delete audit log rows (django_feedback_sso.audit) issued longer ago than "
        "FEEDBACK_SSO['AUDIT_RETENTION'] (default 90 days; None keeps every row, and then "
        "this command deletes nothing unless --older-than is given). Run it daily, e.g. "
        "from cron. Prints how many rows it deleted (or would delete, with --dry-run)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--older-than", type=int, metavar="DAYS", help="Delete rows "
                            "older than DAYS days instead of the AUDIT_RETENTION setting.")
        parser.add_argument("--dry-run", action="store_true", help="Count the rows that "
                            "would be deleted; delete nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        retention = self.retention(options["older_than"])
        if retention is None:
            self.stdout.write("AUDIT_RETENTION is None: every row is kept.")
            return
        cutoff = timezone.now() - retention
        rows = AuditEntry.objects.filter(issued_at__lt=cutoff)
        if options["dry_run"]:
            self.stdout.write(f"Would delete {rows.count()} audit rows issued before "
                              f"{cutoff.isoformat(timespec='seconds')}.")
            return
        deleted, _ = rows.delete()
        self.stdout.write(f"Deleted {deleted} audit rows issued before "
                          f"{cutoff.isoformat(timespec='seconds')}.")

    @staticmethod
    def retention(days: int | None) -> timedelta | None:
        if days is None:
            return get_audit_settings().retention
        if days < 1:
            raise CommandError("--older-than must be at least 1 (day).", returncode=2)
        return timedelta(days=days)
