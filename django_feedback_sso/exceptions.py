"""One exception tree for the whole app.

Configuration errors subclass ``ImproperlyConfigured`` so Django treats them as such; a
refusal is an expected outcome, not a failure, and the delivery layer treats the user as
anonymous when it sees one.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured


class FeedbackSSOError(Exception):
    """Base class of every error this app raises."""


class FeedbackSSOConfigurationError(FeedbackSSOError, ImproperlyConfigured):
    """``settings.FEEDBACK_SSO`` is wrong; the message names the key and the fix."""


class FeedbackSSOUnknownVendor(FeedbackSSOError, LookupError):
    """The vendor id is not configured under ``FEEDBACK_SSO['VENDORS']``."""

    def __init__(self, vendor_id: str) -> None:
        super().__init__(
            f"No vendor {vendor_id!r} is configured: add it to FEEDBACK_SSO['VENDORS']."
        )
        self.vendor_id = vendor_id


class FeedbackSSOClaimError(FeedbackSSOError, ValueError):
    """A claim value breaks the vendor's rules (usually from a ``USER_CLAIMS`` hook)."""

    def __init__(self, vendor_id: str, claim: str, problem: str) -> None:
        super().__init__(f"{vendor_id}: claim {claim!r} {problem}")
        self.vendor_id = vendor_id
        self.claim = claim


class FeedbackSSOHookError(FeedbackSSOError, TypeError):
    """A ``USER_PASSES`` or ``USER_CLAIMS`` hook returned something it must not."""


class FeedbackSSOSigningError(FeedbackSSOError):
    """The JWT library failed to sign (e.g. a warning turned into an error by ``-W error``).

    Raised ``from None``: the signing frames hold the secret, and Django's DEBUG page shows
    the locals of every frame of a chained exception.
    """


class FeedbackSSORefused(FeedbackSSOError):
    """This user may not have a token for this vendor; ``reason`` says why."""

    ANONYMOUS = "anonymous"
    INACTIVE = "inactive"
    NO_EMAIL = "no_email"
    #: The stored email has surrounding whitespace: the vendor would get another address.
    INVALID_EMAIL = "invalid_email"
    STAFF = "staff"
    HOOK = "user_passes"
    #: The token would make a URL longer than browsers and vendors accept (see ``tokens``).
    TOKEN_TOO_LARGE = "token_too_large"  # noqa: S105 - a reason code, not a password

    def __init__(self, vendor_id: str, reason: str) -> None:
        super().__init__(f"{vendor_id}: no token for this user ({reason})")
        self.vendor_id = vendor_id
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

    def __init__(self, vendor_id: str, reason: str, detail: str,
                 claim: str | None = None) -> None:
        super().__init__(f"{vendor_id}: token rejected ({reason}): {detail}")
        self.vendor_id = vendor_id
        self.reason = reason
        self.detail = detail
        self.claim = claim
