"""``AUDIT_WRITE = "background"``: rows queued by the request, inserted by a thread.

The request pays for putting a dict on a queue; one daemon thread per process inserts
what has queued up within :data:`LINGER_SECONDS`, many rows per statement and one commit
per batch, on its own database connection. The price is durability: rows still queued
when the process dies without exiting normally (``SIGKILL``, the OOM killer,
``os._exit()``) are lost. A normal exit (a worker restart, Ctrl-C) waits up to
:data:`EXIT_FLUSH_SECONDS` for the queue to drain, and logs what it gave up on.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time
from collections.abc import Mapping
from itertools import groupby
from typing import Any

from django.db import DataError, IntegrityError, connections, transaction

from .rows import insert_row, log_lost

logger = logging.getLogger("django_feedback_sso.audit")

#: The most rows one INSERT carries; more queued rows go in the next batch.
MAX_BATCH = 500
#: How long the writer lets rows gather after the first one before writing. A statement
#: costs the thread Python work (and the GIL) whatever its size: written one by one, rows
#: would slow the requests beside it more than the inserts did in them.
LINGER_SECONDS = 0.05
#: The most rows waiting at once. Beyond it (the database down or far too slow) new rows
#: are dropped and counted, rather than growing the process's memory without end.
MAX_QUEUED = 10_000
#: The writer closes its connection once the queue has been empty this long (at once with
#: ``CONN_MAX_AGE`` 0, as a request would): no idle connection held per process forever.
IDLE_SECONDS = 1.0
#: How long a normal interpreter exit waits for queued rows to be written.
EXIT_FLUSH_SECONDS = 5.0

Row = Mapping[str, Any]


class BackgroundWriter:
    """One per process: a queue of rows and the daemon thread that drains it."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        # Anew in a forked child too: the parent's lock may have been held at the fork.
        self._start_lock = threading.Lock()
        # The queue and condition are made when the thread starts, not here: a gevent or
        # eventlet worker patches ``threading`` and ``queue`` after a preloading parent
        # forked it, and must get their cooperative kinds.
        self._queue: queue.Queue[tuple[str, Row, bool]] | None = None
        self._drained: threading.Condition | None = None
        self._thread: threading.Thread | None = None
        #: Rows queued and not yet written (or given up on); ``flush()`` waits for 0.
        self._pending = 0
        self._dropped = 0

    def put(self, alias: str, row: Row, *, relaxed: bool) -> None:
        """Queue ``row`` for database ``alias`` (routed in the request, where a router
        can see it); the thread starts on first use, in whichever process this is."""
        if self._thread is None or not self._thread.is_alive():
            self._start()
        assert self._queue is not None
        assert self._drained is not None
        with self._drained:
            if self._pending >= MAX_QUEUED:
                self._dropped += 1
                if self._dropped == 1 or self._dropped % 1000 == 0:
                    logger.error("feedback_sso: the audit log's queue is full (%d rows "
                                 "waiting): %d rows dropped so far", self._pending,
                                 self._dropped)
                return
            self._pending += 1
        self._queue.put((alias, row, relaxed))

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued row is written; ``False`` if ``timeout`` ran out first."""
        if self._drained is None:
            return True
        with self._drained:
            return self._drained.wait_for(lambda: self._pending == 0, timeout)

    def flush_at_exit(self) -> None:
        if not self.flush(EXIT_FLUSH_SECONDS):
            logger.error("feedback_sso: the process exited with %d audit rows unwritten",
                         self._pending)

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is not None and self._thread.is_alive():
                return
            if self._queue is None:
                self._queue, self._drained = queue.Queue(), threading.Condition()
            self._thread = threading.Thread(
                target=self._run, name="feedback-sso-audit-writer", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        assert self._queue is not None
        assert self._drained is not None
        while True:
            try:
                batch = [self._queue.get(timeout=IDLE_SECONDS)]
            except queue.Empty:
                close_connections(idle=True)
                continue
            time.sleep(LINGER_SECONDS)
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                # Consecutive rows for the same database and commit mode: one INSERT.
                by_target = groupby(batch, key=lambda item: (item[0], item[2]))
                for (alias, relaxed), items in by_target:
                    write_batch(alias, [row for _, row, _ in items], relaxed=relaxed)
                if self._queue.empty():
                    close_connections(idle=False)
            except Exception:  # write_batch logs the rows it loses; the thread must live on
                logger.exception("feedback_sso: the audit log's writer failed")
            finally:
                # Only now: flush() returning means the rows are committed, and with
                # CONN_MAX_AGE 0 the connection closed (a test database can be dropped).
                with self._drained:
                    self._pending -= len(batch)
                    self._drained.notify_all()


def write_batch(alias: str, rows: list[Row], *, relaxed: bool) -> None:
    """Insert ``rows`` in one transaction; if one of them is refused, the others alone.

    The writer's transactions are its own: ``relaxed`` turns off ``synchronous_commit``
    for each (PostgreSQL; see ``rows._statement`` for what that trades).
    """
    from .models import AuditEntry

    connection = connections[alias]
    try:
        with _own_transaction(alias):
            if relaxed and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            AuditEntry.objects.using(alias).bulk_create(
                [AuditEntry(**row) for row in rows], batch_size=MAX_BATCH)
    except (IntegrityError, DataError):
        # A row the table refuses (a repeated jti, a value too long): keep the others.
        for row in rows:
            try:
                with _own_transaction(alias):
                    insert_row(connection, row, relaxed=False)
            except Exception:
                log_lost(row)
    except Exception:
        # The database down or unreachable: one line for the batch, not one per row.
        logger.exception("feedback_sso: the audit log could not record %d tokens "
                         "(jti %s … %s)", len(rows), rows[0]["jti"], rows[-1]["jti"])


class _own_transaction:  # lowercase: used like transaction.atomic
    """``atomic()`` that also commits when the database's ``AUTOCOMMIT`` is off, where
    ``atomic()`` alone would leave the writer's rows in a transaction nobody commits."""

    def __init__(self, alias: str) -> None:
        self.alias = alias
        self.atomic = transaction.atomic(using=alias)

    def __enter__(self) -> None:
        self.atomic.__enter__()

    def __exit__(self, *exc: Any) -> None:
        self.atomic.__exit__(*exc)
        connection = connections[self.alias]
        if not connection.get_autocommit() and not connection.in_atomic_block:
            if exc[0] is None:
                connection.commit()
            else:
                connection.rollback()


def close_connections(*, idle: bool) -> None:
    """What a request's end does for its connections (CONN_MAX_AGE honoured, a broken one
    dropped); after :data:`IDLE_SECONDS` without a row, closed whatever the age."""
    for connection in connections.all(initialized_only=True):
        if idle:
            connection.close()
        else:
            connection.close_if_unusable_or_obsolete()


#: The process's writer.
writer = BackgroundWriter()

# A forked child (gunicorn's --preload, multiprocessing) starts with the parent's queue
# and a thread object whose thread didn't survive the fork: give it a writer of its own.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=writer._reset)
atexit.register(writer.flush_at_exit)
