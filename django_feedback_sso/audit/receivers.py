"""Writes a row for every ``token_issued``; a failing write is logged, never raised."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from django.conf import settings
from django.core.exceptions import SynchronousOnlyOperation
from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.timezone import make_naive

from ..conf import get_config
from ..signals import token_issued
from .writer import writer

logger = logging.getLogger("django_feedback_sso.audit")

#: The receiver's ``dispatch_uid``: connected once, however often ``ready()`` runs.
DISPATCH_UID = "django_feedback_sso.audit.record"


def connect() -> None:
    token_issued.connect(record, dispatch_uid=DISPATCH_UID)


def disconnect() -> None:
    token_issued.disconnect(dispatch_uid=DISPATCH_UID)


def record(*, config_id: str, vendor_id: str, user: Any, claims: Mapping[str, Any],
           jti: str | None, expires_at: int, surface: str = "code", request: Any = None,
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
        "expires_at": _as_stored(expires_at),
        "surface": surface, "path": str(getattr(request, "path", ""))[:2048],
    }
    try:
        # Here, in the request's thread: a router may route by the request (a tenant).
        alias = router.db_for_write(AuditEntry)
        config = get_config()
        relaxed = not config.audit_synchronous_commit
        try:
            _write(alias, values, relaxed=relaxed, background=config.audit_write == "background")
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


def log_lost(values: Mapping[str, Any]) -> None:
    """Log, with its traceback, that the row in ``values`` could not be written."""
    logger.exception("feedback_sso: the audit log could not record a %s token "
                     "(jti %s, surface %s)", values["config_id"], values["jti"],
                     values["surface"])


def insert_row(connection: BaseDatabaseWrapper, values: Mapping[str, Any], *,
            relaxed: bool) -> None:
    """One INSERT statement, compiled once per database rather than by ``Model.save()``.

    ``save()`` costs about as much Python as the INSERT costs the database (pre/post-save
    signals, a query compiled per call): the row is the same, written for half the time.
    """
    relaxed = relaxed and connection.vendor == "postgresql"
    sql, fields = _statement(connection, relaxed)
    params = [field.get_db_prep_save(values[field.attname], connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


_statements: dict[tuple[str, str, bool], tuple[str, list[Any]]] = {}


def _statement(connection: BaseDatabaseWrapper, relaxed: bool) -> tuple[str, list[Any]]:
    """The INSERT for ``connection``'s database, and the fields its parameters fill.

    ``relaxed`` (PostgreSQL only, never inside the project's transaction): the statement
    turns off ``synchronous_commit`` for its own transaction, so its commit returns
    without waiting for the WAL to reach the disk. A crash of the database server can
    then lose the last moments of rows (up to three times ``wal_writer_delay``, 0.6 s
    by default), never corrupt them; asynchronous commit doesn't wait for synchronous
    standbys either, so a failover can lose the same moments. See
    https://www.postgresql.org/docs/current/wal-async-commit.html. ``set_config(…, true)``
    is local to the transaction, which in autocommit is this one statement, so nothing
    else the connection commits is affected.
    """
    from .models import AuditEntry

    cache_key = (connection.alias, connection.vendor, relaxed)
    if cache_key not in _statements:
        meta = AuditEntry._meta
        fields = [field for field in meta.concrete_fields if field is not meta.pk]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(field.column)) for field in fields)
        table = quote(meta.db_table)
        if relaxed:
            # INSERT … SELECT types its values by the SELECT, not by the columns: each
            # parameter is cast to its column's type without the length (``varchar``, not
            # ``varchar(100)``, whose explicit cast would truncate instead of failing).
            casts = ", ".join(f"CAST(%s AS {_without_modifier(field.db_type(connection))})"
                              for field in fields)
            values = f"SELECT {casts} FROM set_config('synchronous_commit', 'off', true)"  # noqa: S608 - names and types from the model, values are parameters
        else:
            values = f"VALUES ({', '.join(['%s'] * len(fields))})"
        sql = f"INSERT INTO {table} ({columns}) {values}"
        _statements[cache_key] = (sql, fields)
    return _statements[cache_key]


def _without_modifier(db_type: str | None) -> str:
    return re.sub(r"\(.*\)", "", str(db_type)).strip()


def _as_stored(seconds: Any) -> datetime:
    """A POSIX time as a ``DateTimeField`` takes it: aware in UTC, or, with ``USE_TZ``
    off, naive in the project's ``TIME_ZONE`` (the backends refuse aware values then)."""
    moment = datetime.fromtimestamp(float(seconds), tz=timezone.utc)
    return moment if settings.USE_TZ else make_naive(moment)
