"""The app's exceptions: runtime errors in one tree, configuration errors apart.

Catch :class:`FeedbackSSOError` around minting for what can go wrong at run time (a user
refused, a hook returning bad values). :class:`FeedbackSSOConfigurationError` is not part
of that tree, as django-anymail keeps its configuration error apart: a broken setting is
a bug to fix (``manage.py check`` reports it first), not an outcome to handle.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured


class FeedbackSSOConfigurationError(ImproperlyConfigured):
    """``settings.FEEDBACK_SSO`` is wrong; the message names the key and the fix."""


class FeedbackSSOError(Exception):
    """Base class of every runtime error this app raises."""


class FeedbackSSOUnknownVendor(FeedbackSSOError, LookupError):
    """No configuration with this id exists under ``FEEDBACK_SSO['VENDORS']``."""

    def __init__(self, config_id: str) -> None:
        super().__init__(
            f"No vendor {config_id!r} is configured: add it to FEEDBACK_SSO['VENDORS']."
        )
        self.config_id = config_id


class FeedbackSSOClaimError(FeedbackSSOError, ValueError):
    """A claim value breaks the vendor's rules (usually from a ``USER_CLAIMS`` hook)."""

    def __init__(self, config_id: str, claim: str, problem: str) -> None:
        super().__init__(f"{config_id}: claim {claim!r} {problem}")
        self.config_id = config_id
        self.claim = claim


class FeedbackSSOHookError(FeedbackSSOError, TypeError):
    """A ``USER_PASSES`` or ``USER_CLAIMS`` hook returned something it must not."""


class FeedbackSSOSigningError(FeedbackSSOError):
    """The JWT library failed to sign or to verify a signature (e.g. a short key's warning
    turned into an error by ``-W error``).

    Raised ``from None``: the signing frames hold the secret, and Django's DEBUG page shows
    the locals of every frame of a chained exception.
    """


class FeedbackSSORefused(FeedbackSSOError):
    """This user may not have a token from this configuration; ``reason`` says why."""

    ANONYMOUS = "anonymous"
    INACTIVE = "inactive"
    NO_EMAIL = "no_email"
    #: The stored email has surrounding whitespace: the vendor would get another address.
    INVALID_EMAIL = "invalid_email"
    STAFF = "staff"
    HOOK = "user_passes"
    #: The token would make a URL longer than browsers and vendors accept (see ``tokens``).
    TOKEN_TOO_LARGE = "token_too_large"  # noqa: S105 - a reason code, not a password

    def __init__(self, config_id: str, reason: str) -> None:
        super().__init__(f"{config_id}: no token for this user ({reason})")
        self.config_id = config_id
        self.reason = reason


class FeedbackSSOTokenRejected(FeedbackSSOError, ValueError):
    """A token fails its vendor's documented rules (see ``verification``); ``reason`` says
    which, as one of the stable codes below, and the message says it for humans."""

    INVALID_TOKEN = "invalid_token"  # noqa: S105 - a reason code, not a password
    WRONG_ALGORITHM = "wrong_algorithm"
    BAD_SIGNATURE = "bad_signature"
    MISSING_CLAIM = "missing_claim"
    INVALID_CLAIM = "invalid_claim"
    LIFETIME_TOO_LONG = "lifetime_too_long"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    REPLAYED = "replayed"
    INVALID_HEADER = "invalid_header"

    def __init__(self, config_id: str, reason: str, detail: str,
                 claim: str | None = None) -> None:
        super().__init__(f"{config_id}: token rejected ({reason}): {detail}")
        self.config_id = config_id
        self.reason = reason
        self.detail = detail
        self.claim = claim
