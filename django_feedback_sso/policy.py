"""Who may have a token. Everything not allowed here is refused, never half-issued."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .exceptions import FeedbackSSOHookError, FeedbackSSORefused
from .identity import Identity, user_identity

if TYPE_CHECKING:
    from .conf import VendorConfig

#: RFC 5321 §4.5.3.1: the longest address a mail path can carry.
MAX_EMAIL_LENGTH = 254


def check_user(config: VendorConfig, user: Any) -> Identity:
    """Raise :class:`FeedbackSSORefused` unless ``user`` may sign in with ``config``.

    Returns the user's :func:`~django_feedback_sso.identity.user_identity`, read here for
    the email check, so minting doesn't read the user's fields twice (``request.user`` is
    a lazy proxy, and every attribute read through it costs).

    Staff and superusers are refused unless the configuration sets ``ALLOW_STAFF``:
    several vendors refuse admin SSO outright, and an SSO token for a site administrator
    is the most valuable one to steal.
    """
    if user is None or not user.is_authenticated:
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.ANONYMOUS)
    if not getattr(user, "is_active", True):
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.INACTIVE)
    is_staff = getattr(user, "is_staff", False) or getattr(user, "is_superuser", False)
    if is_staff and not config.allow_staff:
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.STAFF)
    identity = user_identity(user)
    email = identity["email"]
    if not email:
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.NO_EMAIL)
    if email != email.strip() or len(email) > MAX_EMAIL_LENGTH:
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.INVALID_EMAIL)
    if config.user_passes is not None:
        passes = config.user_passes(user, config.id)
        if not isinstance(passes, bool):
            # A truthy object, a queryset or None is a bug in the hook, not an answer:
            # the delivery layer logs it (raises under DEBUG) and issues no token.
            raise FeedbackSSOHookError(f"{config.id}: USER_PASSES returned "
                                       f"{type(passes).__name__}, not True or False")
        if not passes:
            raise FeedbackSSORefused(config.id, FeedbackSSORefused.HOOK)
    return identity
