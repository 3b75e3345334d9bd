"""One audit row written: the INSERT statement, and the log line for a row that is lost.

Shared by the receiver (a row inserted in the request's thread) and the background writer
(a row its batch refused, inserted alone), so neither imports the other.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger("django_feedback_sso.audit")


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
