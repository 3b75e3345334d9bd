"""Vendors that aren't built in, described in settings under ``SPEC``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, get_args

from .spec import IdentityField, VendorOption, VendorSpec

#: SPEC key -> what its value must be (also the text of the error when it is not).
SPEC_KEYS = {
    "NAME": "the vendor's display name",
    "DOCS_URL": "the vendor's SSO documentation URL",
    "CLAIM_NAMES": "a dict of vendor claim -> one of email, user_id, display_name, username",
    "REQUIRED_CLAIMS": "a list of claim names",
    "ALGORITHM": "HS256, HS384 or HS512",
    "DEFAULT_LIFETIME": "seconds or a timedelta",
    "MAX_LIFETIME": "seconds or a timedelta",
    "TIME_CLAIMS": "a list from iat, exp, jti (exp is required)",
    "SSO_URL": "the https URL users are redirected to with their token",
    "TOKEN_PARAM": "the query parameter carrying the token",
    "RETURN_PARAM": "the query parameter carrying a return target to the vendor",
    "SNIPPET_TEMPLATE": "a template name for {% feedback_sso_token %}",
}


def as_timedelta(value: Any) -> timedelta:
    """Seconds or a timedelta, as a timedelta; anything else is a ``TypeError``."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return timedelta(seconds=value)
        except OverflowError:  # more than timedelta.max: no vendor takes that either
            raise TypeError("must be a number of seconds or a timedelta") from None
    raise TypeError("must be a number of seconds or a timedelta")


def spec_from_settings(vendor_id: str, raw: Mapping[str, Any]) -> VendorSpec:
    """Build a spec from a settings dict; ``ValueError`` names the offending key."""
    unknown = sorted(set(raw) - set(SPEC_KEYS))
    if unknown:
        raise ValueError(f"unknown SPEC key {unknown[0]!r} (known: {', '.join(SPEC_KEYS)})")
    claim_names = raw.get("CLAIM_NAMES")
    sources = get_args(IdentityField)
    if not isinstance(claim_names, Mapping) or not claim_names or any(
        source not in sources for source in claim_names.values()
    ):
        raise ValueError(f"SPEC['CLAIM_NAMES'] must be {SPEC_KEYS['CLAIM_NAMES']}")
    sso_url = raw.get("SSO_URL")
    fields: dict[str, Any] = {
        "id": vendor_id,
        "name": str(raw.get("NAME", vendor_id)),
        "docs_url": str(raw.get("DOCS_URL", "")),
        "claim_names": dict(claim_names),
        "required_claims": tuple(raw.get("REQUIRED_CLAIMS", ())),
        "algorithm": raw.get("ALGORITHM", "HS256"),
        "time_claims": tuple(raw.get("TIME_CLAIMS", ("iat", "exp", "jti"))),
        "token_param": raw.get("TOKEN_PARAM", "token"),
    }
    for key in ("DEFAULT_LIFETIME", "MAX_LIFETIME"):
        if key in raw:
            try:
                fields[key.lower()] = as_timedelta(raw[key])
            except TypeError as exc:
                raise ValueError(f"SPEC[{key!r}] {exc}") from None
    if "SNIPPET_TEMPLATE" in raw:
        fields.update(snippet_template=raw["SNIPPET_TEMPLATE"], snippet_embeds_token=True)
    if sso_url:
        fields.update(
            options=(VendorOption("SSO_URL", "Where users are sent with their token.",
                                  kind="url", default=str(sso_url)),
                     VendorOption("RETURN_HOSTS", "Extra hosts return targets may use.")),
            sso_url_option="SSO_URL",
            host_options=("SSO_URL",),
        )
        if raw.get("RETURN_PARAM"):
            fields.update(return_mode="param", return_param=raw["RETURN_PARAM"],
                          incoming_return_params=(raw["RETURN_PARAM"],))
    return VendorSpec(**fields)
