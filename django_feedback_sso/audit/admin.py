"""A read-only admin for the audit log: filter, search, look; never add, edit or delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from .models import AuditEntry

if TYPE_CHECKING:  # generic only in django-stubs; at run time ModelAdmin takes no [...]
    ModelAdmin = admin.ModelAdmin[AuditEntry]
else:
    ModelAdmin = admin.ModelAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ModelAdmin):
    list_display = ("issued_at", "config_id", "username", "user_pk", "surface", "path",
                    "expires_at", "jti")
    list_filter = ("config_id", "vendor_id", "surface", "issued_at")
    search_fields = ("username", "=user_pk", "=jti", "path")
    date_hierarchy = "issued_at"
    readonly_fields = tuple(field.name for field in AuditEntry._meta.fields)
    # Counting every row on each page is slow on a large log; show the page count only.
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Rows leave by retention only (manage.py feedback_sso_purge_audit).
        return False
