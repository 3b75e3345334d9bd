"""The audit log's own settings: ``AUDIT_RETENTION``, ``AUDIT_SYNCHRONOUS_COMMIT`` and
``AUDIT_WRITE``, top-level keys of ``FEEDBACK_SSO``.

The core accepts these keys and leaves them to this app: parsed here (never raising, like
the core's parser), reported by this app's check (E016-E018), cached until settings
change. The cache clears in the core's one ``setting_changed`` receiver, through
``conf.reset_with``. A mistake here stops the audit log alone: tokens are still issued,
and each row the log can't record is logged as lost.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings

from .._settings.collector import Collector, quoted
from ..conf import SETTING, Problem, key, reset_with

#: ``FEEDBACK_SSO['AUDIT_RETENTION']`` when it is not set.
DEFAULT_RETENTION = timedelta(days=90)
WRITES = ("request", "background")


@dataclass(frozen=True)
class AuditSettings:
    """The audit log's settings after validation, and what was wrong with them."""

    #: How long a row is kept before ``manage.py feedback_sso_purge_audit`` deletes it;
    #: ``None`` keeps rows forever.
    retention: timedelta | None = DEFAULT_RETENTION
    #: On PostgreSQL, whether each row's commit waits for the WAL flush (``False``, the
    #: default, doesn't; see ``rows._statement``).
    synchronous_commit: bool = False
    #: ``"request"`` inserts each row before the response, ``"background"`` queues it for
    #: a thread of its own (``writer.py``).
    write: str = "request"
    problems: tuple[Problem, ...] = ()


def parse(raw: Any) -> AuditSettings:
    """The ``AUDIT_*`` keys of a ``FEEDBACK_SSO`` value; errors are collected, never raised.

    A value that isn't a dict is the core's error (E001): the defaults then, no problem.
    """
    if not isinstance(raw, Mapping):
        return AuditSettings()
    found = Collector()
    retention = _retention(raw.get("AUDIT_RETENTION", DEFAULT_RETENTION), found)
    synchronous = _synchronous_commit(raw.get("AUDIT_SYNCHRONOUS_COMMIT", False), found)
    write = _write(raw.get("AUDIT_WRITE", "request"), found)
    return AuditSettings(retention=retention, synchronous_commit=synchronous, write=write,
                         problems=tuple(found.problems))


@reset_with(SETTING)
@functools.cache
def load_audit_settings() -> AuditSettings:
    """``settings.FEEDBACK_SSO``'s audit keys parsed once, problems and all."""
    return parse(getattr(settings, SETTING, {}))


def get_audit_settings() -> AuditSettings:
    """The audit log's settings; raises the first error found in them (all are errors)."""
    audit = load_audit_settings()
    if audit.problems:
        raise audit.problems[0].as_error()
    return audit


def _retention(value: Any, found: Collector) -> timedelta | None:
    """A positive ``timedelta``, or ``None`` (keep forever). Not a number: days or seconds?"""
    if value is None or (isinstance(value, timedelta) and value > timedelta(0)):
        return value
    found.add("E016", f"{key('AUDIT_RETENTION')} is {quoted(value)}, not a positive "
              "timedelta or None.", "Set it to how long the audit log keeps a row, e.g. "
              "timedelta(days=90), or None to keep every row.")
    return DEFAULT_RETENTION


def _synchronous_commit(value: Any, found: Collector) -> bool:
    """``True`` or ``False``: a string such as ``"false"`` (from the environment) is truthy."""
    if isinstance(value, bool):
        return value
    found.add("E017", f"{key('AUDIT_SYNCHRONOUS_COMMIT')} is {quoted(value)}, not True or "
              "False.", "Set it to True to make each audit row's commit wait for "
              "PostgreSQL's WAL flush, or leave it out (False).")
    return False


def _write(value: Any, found: Collector) -> str:
    if isinstance(value, str) and value in WRITES:
        return value
    found.add("E018", f"{key('AUDIT_WRITE')} is {quoted(value)}, not \"request\" or "
              "\"background\".", "Leave it out to insert each audit row before the response "
              "(\"request\"), or set \"background\" to queue it for a writer thread.")
    return "request"
