"""From a Django user to the claims one vendor expects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser

from .conf import get_config
from .exceptions import FeedbackSSOClaimError
from .options import VendorConfig
from .vendors.spec import RESERVED_CLAIMS, IdentityField

#: Longest display name put in a token, in characters.
MAX_DISPLAY_NAME = 255

#: The user fields claims are derived from, by :data:`IdentityField`.
Identity = dict[IdentityField, str]


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


def build_claims(config: VendorConfig, user: AbstractBaseUser,
                 identity: Identity | None = None) -> dict[str, Any]:
    """Identity claims, then static claims from settings, then the ``USER_CLAIMS`` hook.

    ``identity`` is the user's :func:`user_identity` when the caller has read it already.

    Later sources win; a hook may drop a claim by returning ``None`` for it. Identity
    claims are strings by construction and static claims were checked at start-up, so
    only the hook's values are checked here, against the vendor's rules: a bad value
    raises :class:`FeedbackSSOClaimError` naming the vendor and the claim.
    """
    claims = config.vendor.identity_claims(identity or user_identity(user))
    claims.update(config.claims)
    hook = get_config().user_claims
    if hook is None:
        return claims
    extra = hook(user, config.id)
    if not isinstance(extra, Mapping):
        raise FeedbackSSOClaimError(config.id, "*", f"USER_CLAIMS returned "
                                    f"{type(extra).__name__}, not a dict")
    for name, value in extra.items():
        if value is None:
            claims.pop(name, None)
        else:
            validate_claim(config, name, value)
            claims[name] = value
    return claims


def validate_claim(config: VendorConfig, name: Any, value: Any) -> None:
    """Raise :class:`FeedbackSSOClaimError` if the vendor would reject this claim."""
    if not isinstance(name, str):
        raise FeedbackSSOClaimError(config.id, str(name), "has a name that is not a string")
    if name in RESERVED_CLAIMS:
        raise FeedbackSSOClaimError(config.id, name, "is set by the app itself; use LIFETIME")
    problem = config.vendor.claim_problem(name, value)
    if problem:
        raise FeedbackSSOClaimError(config.id, name, problem)
