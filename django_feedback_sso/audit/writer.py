"""``AUDIT_WRITE = "background"``: rows queued by the request, inserted by a thread.

The request pays for putting a dict on a queue; one daemon thread per process inserts
what has queued up within :data:`LINGER_SECONDS`, many rows per statement and one commit
per batch, on its own database connection. The price is durability: rows still queued
when the process dies without exiting (``SIGKILL``, the OOM killer) are lost. A normal
exit (a worker restart, Ctrl-C) waits up to :data:`EXIT_FLUSH_SECONDS` for the queue to
drain."""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time
from collections.abc import Mapping
from typing import Any

from django.db import connections, router, transaction

logger = logging.getLogger("django_feedback_sso.audit")

#: The most rows one INSERT carries; more queued rows go in the next batch.
MAX_BATCH = 500
#: How long the writer lets rows gather after the first one before writing. A statement
#: costs the thread Python work (and the GIL) whatever its size: written one by one, rows
#: would slow the requests beside it more than the inserts did in them.
LINGER_SECONDS = 0.05
#: How long a normal interpreter exit waits for queued rows to be written.
EXIT_FLUSH_SECONDS = 5.0

Row = Mapping[str, Any]


class BackgroundWriter:
    """One per process: a queue of rows and the daemon thread that drains it."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._queue: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        #: Rows queued and not yet written (or given up on); ``flush()`` waits for 0.
        self._pending = 0
        self._drained = threading.Condition()

    def put(self, row: Row, *, relaxed: bool) -> None:
        """Queue ``row``; the thread starts on first use, in whichever process this is."""
        with self._drained:
            self._pending += 1
        self._queue.put({"row": row, "relaxed": relaxed})
        if self._thread is None:
            self._start()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued row is written; ``False`` if ``timeout`` ran out first."""
        with self._drained:
            return self._drained.wait_for(lambda: self._pending == 0, timeout)

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="feedback-sso-audit-writer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            batch = [self._queue.get()]
            time.sleep(LINGER_SECONDS)
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                write_batch([item["row"] for item in batch],
                            relaxed=all(item["relaxed"] for item in batch))
                if self._queue.empty():
                    # What a request's end does for its connection: honours CONN_MAX_AGE
                    # (0, Django's default, closes it) and drops a broken one.
                    for connection in connections.all(initialized_only=True):
                        connection.close_if_unusable_or_obsolete()
            except Exception:  # write_batch logs each row it loses; never let the thread die
                logger.exception("feedback_sso: the audit log's writer failed")
            finally:
                # Only now: flush() returning means the rows are committed, and with
                # CONN_MAX_AGE 0 the connection closed (a test database can be dropped).
                with self._drained:
                    self._pending -= len(batch)
                    self._drained.notify_all()


def write_batch(rows: list[Row], *, relaxed: bool) -> None:
    """Insert ``rows`` in one transaction; if that fails, row by row, logging each loss."""
    from .models import AuditEntry

    alias = router.db_for_write(AuditEntry)
    entries = [AuditEntry(**row) for row in rows]
    try:
        with transaction.atomic(using=alias):
            if relaxed and connections[alias].vendor == "postgresql":
                # The batch's own transaction: see receivers._statement for the trade-off.
                with connections[alias].cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            AuditEntry.objects.using(alias).bulk_create(entries, batch_size=MAX_BATCH)
        return
    except Exception:
        if len(entries) == 1:
            _log_lost(rows[0])
            return
    for row, entry in zip(rows, entries, strict=True):  # find the row that failed; keep the others
        try:
            with transaction.atomic(using=alias):
                entry.save(using=alias, force_insert=True)
        except Exception:
            _log_lost(row)


def _log_lost(row: Row) -> None:
    # The same message as a failed write in the request (receivers.record).
    logger.exception("feedback_sso: the audit log could not record a %s token "
                     "(jti %s, surface %s)", row["config_id"], row["jti"], row["surface"])


#: The process's writer.
writer = BackgroundWriter()

# A forked child (gunicorn's --preload, multiprocessing) starts with the parent's queue
# and a thread object whose thread didn't survive the fork: give it a writer of its own.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=writer._reset)
atexit.register(writer.flush, EXIT_FLUSH_SECONDS)
