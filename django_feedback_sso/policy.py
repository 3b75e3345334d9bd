"""Who may have a token. Everything not allowed here is refused, never half-issued.

Three checks, asked by ``issue_token`` in this order around reading the user's identity:
:func:`check_user` (the account), :func:`check_identity` (what the vendor would be told),
:func:`check_user_passes` (the project's own rule, last).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .exceptions import FeedbackSSOHookError, FeedbackSSORefused

if TYPE_CHECKING:
    from .conf import VendorConfig
    from .identity import Identity

#: RFC 5321 §4.5.3.1: the longest address a mail path can carry.
MAX_EMAIL_LENGTH = 254


def check_user(config: VendorConfig, user: Any) -> None:
    """Raise :class:`FeedbackSSORefused` unless this account may sign in with ``config``.

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


def check_identity(config: VendorConfig, identity: Identity) -> None:
    """Raise :class:`FeedbackSSORefused` unless the user's
    :func:`~django_feedback_sso.identity.user_identity` has an address the vendor can
    trust: present, as stored (surrounding whitespace would be another address), and no
    longer than a mail path carries."""
    email = identity["email"]
    if not email:
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.NO_EMAIL)
    if email != email.strip() or len(email) > MAX_EMAIL_LENGTH:
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.INVALID_EMAIL)


def check_user_passes(config: VendorConfig, user: Any) -> None:
    """Raise :class:`FeedbackSSORefused` if the ``USER_PASSES`` hook says no (and
    :class:`FeedbackSSOHookError` if it answers anything but ``True`` or ``False``)."""
    if config.user_passes is None:
        return
    passes = config.user_passes(user, config.id)
    if not isinstance(passes, bool):
        # A truthy object, a queryset or None is a bug in the hook, not an answer:
        # the delivery layer logs it (raises under DEBUG) and issues no token.
        raise FeedbackSSOHookError(f"{config.id}: USER_PASSES returned "
                                   f"{type(passes).__name__}, not True or False")
    if not passes:
        raise FeedbackSSORefused(config.id, FeedbackSSORefused.HOOK)
