"""Option shapes several vendors share (built-in or from another app)."""

from __future__ import annotations

from .spec import VendorOption


def portal(example: str, *, required: bool) -> VendorOption:
    """``PORTAL_URL``: the vendor's portal, which relative return targets resolve against."""
    return VendorOption(
        "PORTAL_URL",
        f"Your portal's address, e.g. {example!r}.",
        required=required,
        kind="base_url",
    )


def token_param(default: str) -> VendorOption:
    """``TOKEN_PARAM``, for a token parameter no vendor document names (check W005)."""
    return VendorOption("TOKEN_PARAM", "The query parameter carrying the token to the vendor.",
                        kind="param", default=default, spec_fields=("token_param",),
                        inferred=True)


def return_hosts() -> VendorOption:
    """``RETURN_HOSTS``: more hosts a return target may point at."""
    return VendorOption("RETURN_HOSTS", "Extra hosts that return targets may point at.",
                        kind="hosts")
