"""One vendor's settings block: validated into a :class:`VendorConfig`, or into problems.

Every message names the exact settings key and the fix. No message ever contains a
``SECRET`` value: only key names and the values of non-secret options are quoted.
"""

from __future__ import annotations

import difflib
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from .exceptions import FeedbackSSOConfigurationError
from .hosts import host_problem
from .vendors import BUILTIN_SPECS, Vendor, build_vendor
from .vendors.custom import as_timedelta
from .vendors.spec import RESERVED_CLAIMS, VendorSpec

SETTING = "FEEDBACK_SSO"
COMMON_OPTIONS = ("SECRET", "LIFETIME", "ALLOW_STAFF", "CLAIMS", "CLASS", "SPEC")
#: RFC 7518 §3.2: an HMAC key should be at least as long as the hash output.
MIN_SECRET_BYTES = {"HS256": 32, "HS384": 48, "HS512": 64}


def key(*parts: str) -> str:
    """The settings path of a key, as messages show it."""
    return SETTING + "".join(f"[{part!r}]" for part in parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the settings, as a system check reports it."""

    id: str
    message: str
    hint: str
    warning: bool = False
    vendor_id: str | None = None

    def as_error(self) -> FeedbackSSOConfigurationError:
        return FeedbackSSOConfigurationError(f"{self.message} {self.hint}")


@dataclass(frozen=True)
class VendorConfig:
    """One configured vendor, validated. The secret never shows in ``repr``."""

    vendor: Vendor
    secret: str = field(repr=False)
    lifetime: timedelta
    allow_staff: bool
    claims: Mapping[str, Any]
    #: Vendor-specific options, defaults filled in and URL templates resolved.
    options: Mapping[str, Any]
    return_hosts: frozenset[str]

    @property
    def id(self) -> str:
        return self.vendor.id

    @property
    def spec(self) -> VendorSpec:
        return self.vendor.spec


class _Collector:
    """Collects the problems of one vendor block."""

    def __init__(self, vendor_id: str) -> None:
        self.vendor_id = vendor_id
        self.problems: list[Problem] = []

    def key(self, *parts: str) -> str:
        return key("VENDORS", self.vendor_id, *parts)

    def add(self, check_id: str, message: str, hint: str, *, warning: bool = False) -> None:
        self.problems.append(Problem(f"feedback_sso.{check_id}", message, hint, warning,
                                     self.vendor_id))


def parse_vendor_block(vendor_id: str, block: Any) -> tuple[VendorConfig | None, list[Problem]]:
    """Validate ``FEEDBACK_SSO['VENDORS'][vendor_id]``."""
    found = _Collector(vendor_id)
    if vendor_id != vendor_id.lower():
        found.add("E014", f"{found.key()}: vendor ids are lowercase.",
                  f"Rename it to {vendor_id.lower()!r}.")
        return None, found.problems
    if not isinstance(block, Mapping):
        found.add("E001", f"{found.key()} must be a dict.", "Give at least {'SECRET': ...}.")
        return None, found.problems
    vendor = _vendor(vendor_id, block, found)
    if vendor is None:
        return None, found.problems
    _check_unknown_keys(vendor.spec, block, found)
    secret = _secret(vendor.spec, block, found)
    lifetime = _lifetime(vendor.spec, block, found)
    allow_staff = block.get("ALLOW_STAFF", False)
    if not isinstance(allow_staff, bool):
        found.add("E012", f"{found.key('ALLOW_STAFF')} must be True or False.",
                  "Leave it out to refuse staff and superusers (the safe default).")
    options = _options(vendor.spec, block, found)
    claims = _static_claims(vendor, block, options, found)
    if any(not problem.warning for problem in found.problems):
        return None, found.problems
    return VendorConfig(vendor=vendor, secret=secret, lifetime=lifetime,
                        allow_staff=allow_staff, claims=claims, options=options,
                        return_hosts=vendor.return_hosts(options)), found.problems


def _vendor(vendor_id: str, block: Mapping[str, Any], found: _Collector) -> Vendor | None:
    try:
        return build_vendor(vendor_id, block)
    except LookupError:
        close = difflib.get_close_matches(vendor_id, BUILTIN_SPECS, n=1)
        found.add("E003", f"{found.key()}: {vendor_id!r} is not a built-in vendor.",
                  (f"Did you mean {close[0]!r}? " if close else "")
                  + f"Built in: {', '.join(BUILTIN_SPECS)}. For another vendor, describe it "
                  "with 'SPEC' or point 'CLASS' at a Vendor subclass.")
    except ImportError as exc:
        found.add("E010", f"{found.key('CLASS')} does not import as a Vendor class ({exc}).",
                  "Give the dotted path of a django_feedback_sso.vendors.Vendor subclass.")
    except (TypeError, ValueError) as exc:
        found.add("E013", f"{found.key()}: {exc}.",
                  "See 'Adding a vendor' in the README for the SPEC keys.")
    except Exception as exc:
        # A CLASS module that fails on import any other way. Reported, not raised: a
        # traceback from here carries the settings block, SECRET included, in its frame
        # locals, and Django's DEBUG error page prints those uncleansed.
        found.add("E010", f"{found.key('CLASS')} failed to load ({type(exc).__name__}: "
                  f"{exc}).", "Fix the error in that module.")
    return None


def _check_unknown_keys(spec: VendorSpec, block: Mapping[str, Any], found: _Collector) -> None:
    known = [*COMMON_OPTIONS, *(option.name for option in spec.options)]
    for name in block:
        if name not in known:
            close = difflib.get_close_matches(str(name), known, n=1)
            found.add("E006", f"{found.key(str(name))} is not an option of {spec.name}.",
                      (f"Did you mean {close[0]!r}? " if close else "")
                      + f"{spec.name} takes: {', '.join(known)}.")


def _secret(spec: VendorSpec, block: Mapping[str, Any], found: _Collector) -> str:
    secret = block.get("SECRET")
    if not isinstance(secret, str) or not secret:
        found.add("E004", f"{found.key('SECRET')} is missing or empty.",
                  "Set it to the vendor's SSO secret, read from the environment (e.g. "
                  "env('SLEEKPLAN_SSO_SECRET') with django-environ), never committed.")
        return ""
    minimum = MIN_SECRET_BYTES[spec.algorithm]
    if len(secret.encode()) < minimum:
        found.add("W001", f"{found.key('SECRET')} is shorter than {minimum} bytes.",
                  "Short HMAC keys are easier to brute-force; regenerate a longer one at the "
                  "vendor if it allows, and filter PyJWT's InsecureKeyLengthWarning if not.",
                  warning=True)
    return secret


def _lifetime(spec: VendorSpec, block: Mapping[str, Any], found: _Collector) -> timedelta:
    try:
        lifetime = as_timedelta(block.get("LIFETIME", spec.default_lifetime))
    except TypeError:
        found.add("E007", f"{found.key('LIFETIME')} must be a number of seconds or a "
                  "timedelta.", "For example 300 or timedelta(minutes=5).")
        return spec.default_lifetime
    if lifetime < timedelta(seconds=1):
        # exp and iat are whole seconds: anything shorter is a token dead on arrival.
        found.add("E007", f"{found.key('LIFETIME')} must be at least one second.",
                  f"Leave it out for {spec.name}'s default of {_seconds(spec.default_lifetime)}.")
    elif spec.max_lifetime is not None and lifetime > spec.max_lifetime:
        found.add("E008", f"{found.key('LIFETIME')} is {_seconds(lifetime)}, above "
                  f"{spec.name}'s maximum of {_seconds(spec.max_lifetime)}.",
                  f"{spec.name} rejects longer-lived tokens ({spec.docs_url}); lower it.")
    return lifetime


def _seconds(delta: timedelta) -> str:
    return f"{int(delta.total_seconds())} seconds"


def _options(spec: VendorSpec, block: Mapping[str, Any], found: _Collector) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for option in spec.options:
        value = block.get(option.name, option.default)
        if value in (None, ""):
            if option.required:
                found.add("E005", f"{found.key(option.name)} is required for {spec.name}.",
                          f"{option.help} ({spec.docs_url})")
            continue
        if option.name == "RETURN_HOSTS":
            value = _host_list(value, found)
        elif not isinstance(value, str):
            found.add("E012", f"{found.key(option.name)} must be a string.", option.help)
            continue
        elif option.kind == "choice" and value not in option.choices:
            found.add("E012", f"{found.key(option.name)} is {value!r}.",
                      f"Use one of: {', '.join(option.choices)}.")
        values[option.name] = value
    for option in spec.options:
        if option.kind == "url" and option.name in values:
            values[option.name] = _url(option.name, values, found)
    return values


def _host_list(value: Any, found: _Collector) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(h, str) for h in value):
        found.add("E012", f"{found.key('RETURN_HOSTS')} must be a list of host names.",
                  "For example ['feedback.example.com'] (no scheme, no path).")
        return ()
    for entry in value:
        problem = host_problem(entry.lower())
        if problem:
            # An entry pasted from a URL may carry a password: never quote what precedes "@".
            shown = re.sub(r"^.*@", "***@", entry, flags=re.DOTALL)
            found.add("E012", f"{found.key('RETURN_HOSTS')} contains {shown!r}, which "
                      f"{problem[0]}.", problem[1])
    return tuple(host.lower() for host in value)


def _url(name: str, values: Mapping[str, Any], found: _Collector) -> str:
    try:
        url = str(values[name]).format_map({k: v for k, v in values.items()
                                            if isinstance(v, str)})
    except (KeyError, ValueError, IndexError, AttributeError, TypeError) as exc:
        found.add("E009", f"{found.key(name)} has a {{placeholder}} that can't be filled "
                  f"({type(exc).__name__}: {exc}).",
                  "Placeholders name other options, e.g. '{PORTAL_URL}/sdk'; set that option "
                  "too, or give the full URL.")
        return ""
    problem = url_problem(url)
    if problem:
        found.add("E009", f"{found.key(name)} is {_without_credentials(url)!r}: {problem}.",
                  "Give an absolute https URL such as 'https://feedback.example.com'.")
    return url.rstrip("/") if name == "PORTAL_URL" else url


def _without_credentials(url: str) -> str:
    """``url`` as a message may quote it: a password in it is a secret too."""
    return re.sub(r"//[^/?#]*@", "//***@", url)


def url_problem(url: str) -> str | None:
    """Why ``url`` can't be a vendor URL: https, a host, no credentials, no fragment."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return "not a valid URL"
    if not parts.hostname:
        return "it has no host"
    if parts.scheme != "https" and not (parts.scheme == "http" and is_loopback(parts.hostname)):
        return "it must use https (http only on localhost)"
    if parts.username or parts.password:
        return "it must not contain credentials"
    if parts.fragment:
        return "it must not contain a #fragment"
    return None


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (where the offline sandbox lives)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _static_claims(vendor: Vendor, block: Mapping[str, Any], options: Mapping[str, Any],
                   found: _Collector) -> dict[str, Any]:
    claims = {option.claim: options[option.name] for option in vendor.spec.options
              if option.claim and option.name in options}
    extra = block.get("CLAIMS", {})
    if not isinstance(extra, Mapping):
        found.add("E012", f"{found.key('CLAIMS')} must be a dict of claim name to value.",
                  "For example {'projectId': 'proj_abc123'}.")
        return claims
    for name, value in extra.items():
        if name in RESERVED_CLAIMS:
            found.add("E012", f"{found.key('CLAIMS', name)} is set by the app itself.",
                      "Remove it; use LIFETIME to change how long tokens last.")
            continue
        if name in vendor.spec.claim_names:
            # One static identity would sign every user in as the same vendor account.
            found.add("E012", f"{found.key('CLAIMS', name)} would give every user the same "
                      "identity.", "Identity claims come from the user; set per-user values "
                      "in the USER_CLAIMS hook.")
            continue
        problem = vendor.claim_problem(name, value)
        if problem:
            found.add("E012", f"{found.key('CLAIMS', name)} {problem}.",
                      f"See {vendor.spec.docs_url} for what {vendor.name} accepts.")
        claims[name] = value
    return claims
