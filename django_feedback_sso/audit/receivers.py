"""Writes a row for every ``token_issued``; a failing write is logged, never raised."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from django.conf import settings
from django.core.exceptions import SynchronousOnlyOperation
from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.timezone import make_naive

from ..signals import token_issued
from .conf import get_audit_settings
from .rows import insert_row, log_lost
from .writer import writer

#: The receiver's ``dispatch_uid``: connected once, however often ``ready()`` runs.
DISPATCH_UID = "django_feedback_sso.audit.record"


def connect() -> None:
    token_issued.connect(record, dispatch_uid=DISPATCH_UID)


def disconnect() -> None:
    token_issued.disconnect(dispatch_uid=DISPATCH_UID)


def record(*, config_id: str, vendor_id: str, user: Any, claims: Mapping[str, Any],
           jti: str | None, expires_at: int | None, surface: str = "code", request: Any = None,
           **kwargs: Any) -> None:
    """Insert the row; if that fails, log why and let the page (and its transaction) be.

    Inside a transaction (``ATOMIC_REQUESTS``, a view's ``atomic()``) the insert gets its
    own savepoint: a failed INSERT would otherwise leave the transaction unusable, and the
    view's own writes with it. Outside one it is a single autocommitted statement: a
    savepoint there would be a transaction of its own, two more round trips per token.
    A token minted in an event loop's thread (an ``async def`` view) is written by the
    background writer, whatever ``AUDIT_WRITE`` says: Django refuses the ORM there.
    """
    from .models import AuditEntry

    values = {
        "config_id": config_id, "vendor_id": vendor_id, "user_pk": str(user.pk),
        "username": str(user.get_username())[:254], "jti": jti,
        "issued_at": _as_stored(claims.get("iat", time.time())),
        "expires_at": None if expires_at is None else _as_stored(expires_at),
        "surface": surface, "path": str(getattr(request, "path", ""))[:2048],
    }
    try:
        # Here, in the request's thread: a router may route by the request (a tenant).
        alias = router.db_for_write(AuditEntry)
        audit = get_audit_settings()
        relaxed = not audit.synchronous_commit
        try:
            _write(alias, values, relaxed=relaxed, background=audit.write == "background")
        except SynchronousOnlyOperation:
            # Minted in an event loop's thread: Django refuses the ORM here (before any
            # statement is sent), and a round trip to the database would stall every
            # coroutine on the loop. The writer's thread writes the row instead.
            writer.put(alias, values, relaxed=relaxed)
    except Exception:
        # The exception names the table or the constraint, never the token (not stored).
        log_lost(values)


def _write(alias: str, values: Mapping[str, Any], *, relaxed: bool, background: bool) -> None:
    """Insert the row in this thread, or queue it for the writer (``background``)."""
    connection = connections[alias]
    if in_projects_transaction(connection):
        # The row commits (or rolls back) with the project's transaction, in either
        # mode, so a test suite's TestCase sees it at once; never relaxed.
        with transaction.atomic(using=alias):
            insert_row(connection, values, relaxed=False)
    elif background:
        writer.put(alias, values, relaxed=relaxed)
    else:
        insert_row(connection, values, relaxed=relaxed)


def in_projects_transaction(connection: BaseDatabaseWrapper) -> bool:
    """An ``atomic()`` block, or autocommit turned off (``AUTOCOMMIT: False`` or
    ``set_autocommit(False)``): either way a transaction the project will commit."""
    if connection.in_atomic_block:
        return True
    if connection.connection is None:
        # Not connected: nothing is open yet. Asked without connecting, so a background
        # row costs the request no connection (nor an error in async code).
        return not connection.settings_dict["AUTOCOMMIT"]
    return not connection.get_autocommit()


def _as_stored(seconds: Any) -> datetime:
    """A POSIX time as a ``DateTimeField`` takes it: aware in UTC, or, with ``USE_TZ``
    off, naive in the project's ``TIME_ZONE`` (the backends refuse aware values then)."""
    moment = datetime.fromtimestamp(float(seconds), tz=timezone.utc)
    return moment if settings.USE_TZ else make_naive(moment)
