"""Used ``jti`` values, remembered in Django's cache as the vendor would remember them."""

from __future__ import annotations

import time

from django.core.cache import cache

#: How long a jti is remembered when the token has no ``exp`` to go by.
FALLBACK_TIMEOUT = 24 * 3600


class CacheReplayGuard:
    """A :class:`~django_feedback_sso.verification.ReplayGuard` on the default cache."""

    prefix = "feedback_sso_sandbox:jti"

    def first_use(self, config_id: str, jti: str, expires_at: int | None) -> bool:
        """Record ``jti`` until its token expires; ``False`` if it was already there."""
        timeout = (FALLBACK_TIMEOUT if expires_at is None
                   else max(int(expires_at - time.time()), 0) + 60)
        # cache.add is atomic: of two concurrent uses, exactly one is the first.
        return bool(cache.add(f"{self.prefix}:{config_id}:{jti}", True, timeout))
