"""Who a user is, as vendors see it: the user fields every claim is derived from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .vendors.spec import IdentityField

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

#: The user fields claims are derived from, by :data:`IdentityField`.
Identity = dict[IdentityField, str]

#: Longest display name put in a token, in characters.
MAX_DISPLAY_NAME = 255


def user_identity(user: AbstractBaseUser) -> Identity:
    """The user fields claims are derived from; works for any ``AbstractBaseUser``."""
    email = getattr(user, user.get_email_field_name(), "") or ""
    username = str(user.get_username())
    get_full_name = getattr(user, "get_full_name", None)
    full_name = str(get_full_name() or "").strip() if callable(get_full_name) else ""
    return {
        # Never stripped or normalised: "victim@example.org\u00a0" must not become
        # another account's address at the vendor (the policy refuses it instead).
        "email": str(email),
        "user_id": str(user.pk),
        # A name only labels the user at the vendor; cut so one huge name can't push the
        # token past what a URL carries (Django's own name fields stop at 150 each).
        "display_name": (full_name or username)[:MAX_DISPLAY_NAME],
        "username": username,
    }
