"""Writes a row for every ``token_issued``; a failing write is logged, never raised."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from django.db import router, transaction

from ..signals import token_issued

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
    """
    from .models import AuditEntry

    entry = AuditEntry(
        config_id=config_id, vendor_id=vendor_id, user_pk=str(user.pk),
        username=str(user.get_username())[:254], jti=jti,
        issued_at=_utc(claims.get("iat", time.time())), expires_at=_utc(expires_at),
        surface=surface, path=str(getattr(request, "path", ""))[:2048])
    alias = router.db_for_write(AuditEntry)
    try:
        if transaction.get_connection(alias).in_atomic_block:
            with transaction.atomic(using=alias):
                entry.save(using=alias, force_insert=True)
        else:
            entry.save(using=alias, force_insert=True)
    except Exception:
        # The exception names the table or the constraint, never the token (not stored).
        logger.exception("feedback_sso: the audit log could not record a %s token "
                         "(jti %s, surface %s)", config_id, jti, surface)


def _utc(seconds: Any) -> datetime:
    return datetime.fromtimestamp(float(seconds), tz=timezone.utc)
