"""From a Django user to the claims one vendor configuration expects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .exceptions import FeedbackSSOClaimError, FeedbackSSOHookError
from .vendors.spec import RESERVED_CLAIMS

if TYPE_CHECKING:
    from .conf import VendorConfig
    from .identity import Identity


def build_claims(config: VendorConfig, user: Any, identity: Identity) -> dict[str, Any]:
    """Identity claims, then static claims from settings, then the ``USER_CLAIMS`` hook.

    ``identity`` is the user's :func:`~django_feedback_sso.identity.user_identity`, read
    once by the caller (``request.user`` is a lazy proxy: every attribute read costs);
    ``user`` itself only goes on to the hook.

    Later sources win; a hook may drop a claim by returning ``None`` for it. Identity
    claims are strings by construction and static claims were checked at start-up, so
    only the hook's values are checked here, against the vendor's rules: a bad value
    raises :class:`FeedbackSSOClaimError` naming the configuration and the claim.
    """
    claims = config.vendor.identity_claims(identity)
    claims.update(config.claims)
    if config.user_claims is None:
        return claims
    extra = config.user_claims(user, config.id)
    if not isinstance(extra, Mapping):
        raise FeedbackSSOHookError(f"{config.id}: USER_CLAIMS returned "
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
