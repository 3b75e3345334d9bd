"""One configuration block, ``FEEDBACK_SSO['VENDORS'][config_id]``, validated."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from ..vendors import Vendor, build_vendor, registry
from ..vendors.custom import as_timedelta
from ..vendors.docs import DOCS_URL
from ..vendors.spec import COMMON_OPTIONS, RESERVED_CLAIMS
from .collector import Collector, quoted, type_name
from .keys import read_private_key
from .options import read_options
from .types import Hook, Problem, VendorConfig, did_you_mean

#: RFC 7518 §3.2: an HMAC key should be at least as long as the hash output.
MIN_SECRET_BYTES = {"HS256": 32, "HS384": 48, "HS512": 64}
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+")
#: Configuration ids appear in URLs (``<slug:config_id>``) and template tags.
_CONFIG_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


def parse_block(config_id: str, block: Any, hooks: Mapping[str, Hook | None],
                ) -> tuple[VendorConfig | None, list[Problem]]:
    """Validate one block; the configuration, or ``None`` and why not."""
    found = Collector(config_id)
    if not _CONFIG_ID.fullmatch(config_id):
        suggestion = re.sub(r"[^a-z0-9_-]+", "-", config_id.lower()).strip("-_") or "vendor"
        found.add("E014", f"{found.key()}: configuration ids are lowercase letters, digits, "
                  "'-' and '_' (they appear in URLs).", f"Rename it, e.g. to {suggestion!r}.")
        return None, found.problems
    if not isinstance(block, Mapping):
        found.add("E001", f"{found.key()} must be a dict.", "Give at least {'SECRET': ...}.")
        return None, found.problems
    vendor = _vendor(config_id, block, found)
    if vendor is None:
        return None, found.problems
    spec = vendor.spec
    _check_unknown_keys(vendor, block, found)
    secret = (read_private_key(vendor, block, found) if spec.token.uses_key_pair
              else _secret(vendor, block, found))
    lifetime = _lifetime(vendor, block, found)
    allow_staff = block.get("ALLOW_STAFF", False)
    if not isinstance(allow_staff, bool):
        found.add("E012", f"{found.key('ALLOW_STAFF')} must be True or False.",
                  "Leave it out to refuse staff and superusers (the safe default).")
    options = read_options(spec, block, found)
    vendor = _with_spec_overrides(vendor, options)
    _check_inferred(vendor, block, options, found)
    claims = _static_claims(vendor, block, options, found)
    _check_role_claims(vendor, block, claims, found)
    if found.has_errors:
        return None, found.problems
    return VendorConfig(id=config_id, vendor=vendor, secret=secret, lifetime=lifetime,
                        allow_staff=allow_staff, claims=claims, options=options,
                        return_hosts=vendor.return_hosts(options),
                        user_claims=hooks.get("USER_CLAIMS"),
                        user_passes=hooks.get("USER_PASSES")), found.problems


def _vendor(config_id: str, block: Mapping[str, Any], found: Collector) -> Vendor | None:
    """The vendor ``VENDOR`` (default: the configuration id) names, or ``SPEC``/``CLASS``."""
    name = block.get("VENDOR", config_id)
    where = found.key("VENDOR") if "VENDOR" in block else found.key()
    if not isinstance(name, str) or not name:
        found.add("E003", f"{where} must be a vendor id such as 'sleekplan', not "
                  f"{quoted(name)}.", f"Installed: {', '.join(registry().specs)}.")
        return None
    try:
        return build_vendor(name, block)
    except LookupError:
        _unknown_vendor(name, where, found)
    except ImportError as exc:
        found.add("E010", f"{found.key('CLASS')} does not import as a Vendor class ({exc}).",
                  "Give the dotted path of a django_feedback_sso.vendors.Vendor subclass.")
    except (TypeError, ValueError) as exc:
        found.add("E013", f"{found.key()}: {exc}.",
                  "The documentation's \"Adding a vendor\" page lists the SPEC keys.")
    except Exception as exc:
        # A CLASS module that fails on import any other way. Reported, not raised: a
        # traceback from here carries the settings block, SECRET included, in its frame
        # locals, and Django's DEBUG error page prints those uncleansed.
        found.add("E010", f"{found.key('CLASS')} failed to load ({type(exc).__name__}: "
                  f"{exc}).", "Fix the error in that module.")
    return None


def _unknown_vendor(name: str, where: str, found: Collector) -> None:
    """E003: no installed app provides ``name``, or the one that does got it wrong."""
    known = registry()
    broken = known.broken(name)
    if broken is not None:
        found.add("E003", f"{where}: vendor {name!r} from {broken.app} can't be used: "
                  f"{broken.message}.", "Fix it in that app (system check "
                  "feedback_sso.E019 reports the same).")
        return
    found.add("E003", f"{where}: {name!r} is not an installed vendor.",
              did_you_mean(name, known.specs) + f"Installed: {', '.join(known.specs)}. For "
              "another vendor, describe it with 'SPEC', point 'CLASS' at a Vendor subclass, "
              "or install an app that provides it (a feedback_sso_vendors module).")


def _check_unknown_keys(vendor: Vendor, block: Mapping[str, Any], found: Collector) -> None:
    # A key pair's vendor takes PRIVATE_KEY instead of SECRET (keys.read_private_key says
    # so of a SECRET given anyway); every other vendor shares a SECRET.
    not_taken = "SECRET" if vendor.spec.token.uses_key_pair else "PRIVATE_KEY"
    known = [*(name for name in COMMON_OPTIONS if name != not_taken),
             *(option.name for option in vendor.spec.options)]
    for name in block:
        if name == "SECRET":
            continue
        if name not in known:
            found.add("E006", f"{found.key(str(name))} is not an option of {vendor.name}.",
                      did_you_mean(str(name), known) + f"{vendor.name} takes: {', '.join(known)}.")


def _secret(vendor: Vendor, block: Mapping[str, Any], found: Collector) -> str:
    secret = block.get("SECRET")
    variable = re.sub(r"[^A-Z0-9]+", "_", str(found.config_id).upper())
    read = (f"read from the environment (e.g. env('{variable}_SSO_SECRET') with "
            "django-environ), never committed.")
    if not isinstance(secret, str) or not secret:
        if secret is None or isinstance(secret, str):  # left out, None or ""
            found.add("E004", f"{found.key('SECRET')} is missing or empty.",
                      f"Set it to {vendor.name}'s SSO secret, {read}")
        else:  # its type only: the value may be the secret itself (an int, bytes …)
            found.add("E004", f"{found.key('SECRET')} must be a string, not "
                      f"{type_name(secret)}.",
                      f"Set it to {vendor.name}'s SSO secret as text (a str), {read}")
        return ""
    try:
        size = len(secret.encode())
    except UnicodeEncodeError:
        # Only a lone surrogate fails to encode; the message must not quote the secret.
        found.add("E004", f"{found.key('SECRET')} is not valid Unicode text (it contains a "
                  "lone surrogate).", "Copy the secret from the vendor again; check how it is "
                  "read from the environment.")
        return ""
    if vendor.spec.token.key_encoding == "hex" and not _HEX.fullmatch(secret.strip()):
        # Its shape only, never the value: "not hexadecimal" says all that is wrong.
        found.add("E004", f"{found.key('SECRET')} must be hexadecimal: {vendor.name} uses "
                  "the bytes its hex digits spell as the key.",
                  f"Copy the secret from {vendor.name} again, exactly as shown; {read}")
        return ""
    minimum = MIN_SECRET_BYTES[vendor.spec.token.algorithm]
    if size < minimum:
        found.add("W001", f"{found.key('SECRET')} is shorter than {minimum} bytes.",
                  "Short HMAC keys are easier to brute-force; regenerate a longer one at the "
                  "vendor if it allows, and filter PyJWT's InsecureKeyLengthWarning if not.",
                  warning=True)
    return secret


def _lifetime(vendor: Vendor, block: Mapping[str, Any], found: Collector) -> timedelta:
    spec = vendor.spec
    try:
        lifetime = as_timedelta(block.get("LIFETIME", spec.token.default_lifetime))
    except TypeError:
        found.add("E007", f"{found.key('LIFETIME')} must be a number of seconds or a "
                  "timedelta.", "For example 300 or timedelta(minutes=5).")
        return spec.token.default_lifetime
    if lifetime < timedelta(seconds=1):
        # exp and iat are whole seconds: anything shorter is a token dead on arrival.
        found.add("E007", f"{found.key('LIFETIME')} must be at least one second.",
                  f"Leave it out for {spec.name}'s default of "
                  f"{_seconds(spec.token.default_lifetime)}.")
    elif spec.token.max_lifetime is not None and lifetime > spec.token.max_lifetime:
        found.add("E008", f"{found.key('LIFETIME')} is {_seconds(lifetime)}, above "
                  f"{spec.name}'s maximum of {_seconds(spec.token.max_lifetime)}.",
                  f"{spec.name} rejects longer-lived tokens ({spec.docs_url}); lower it.")
    return lifetime


def _seconds(delta: timedelta) -> str:
    return f"{int(delta.total_seconds())} seconds"


def _with_spec_overrides(vendor: Vendor, options: Mapping[str, Any]) -> Vendor:
    """``vendor`` with the spec fields its options replace (``VendorOption.spec_fields``)."""
    overrides: dict[str, Any] = {}
    for option in vendor.spec.options:
        for field_name in option.spec_fields if option.name in options else ():
            value = options[option.name]
            overrides[field_name] = ((value,) if isinstance(vendor.spec.flat(field_name),
                                                            tuple) else value)
    spec = vendor.spec.replacing(**overrides) if overrides else vendor.spec
    return vendor if spec == vendor.spec else type(vendor)(spec)


def _check_inferred(vendor: Vendor, block: Mapping[str, Any], options: Mapping[str, Any],
                    found: Collector) -> None:
    """W005: defaults no vendor document confirms, while a token relies on them: the
    redirect view, every token (a claim or header field the option fills), or the loader
    the tag's snippet hands the token to (Help Scout's Beacon, Gleap's SDK)."""
    spec = vendor.spec
    in_every_token = {*spec.token.header_options.values(),
                      *(option.name for option in spec.options if option.claim),
                      *([spec.delivery.script_url_option]
                        if spec.delivery.script_url_option else [])}
    redirect = vendor.has_redirect(options)
    unconfirmed = [option for option in spec.options
                   if option.inferred and block.get(option.name) in (None, "")
                   and (redirect or option.name in in_every_token)]
    if not unconfirmed or found.has_errors:
        return  # with errors in the block, fixing those comes first
    several = len(unconfirmed) > 1
    names = ", ".join(option.name for option in unconfirmed)
    defaults = ", ".join(repr(option.default) for option in unconfirmed)
    found.add("W005", f"{found.key()}: the default{'s' if several else ''} of {names} "
              f"({defaults}) {'are' if several else 'is'} inferred; no {spec.name} document "
              f"confirms {'them' if several else 'it'}.",
              f"Check against {spec.name} ({spec.docs_url}) and set "
              f"{'each' if several else 'it'} explicitly to confirm; the {spec.name} page of "
              f"{DOCS_URL}vendors/ says where the default comes from.", warning=True)


def _static_claims(vendor: Vendor, block: Mapping[str, Any], options: Mapping[str, Any],
                   found: Collector) -> dict[str, Any]:
    spec = vendor.spec
    claims = {option.claim: options[option.name] for option in spec.options
              if option.claim and option.name in options}
    extra = block.get("CLAIMS", {})
    if not isinstance(extra, Mapping):
        found.add("E012", f"{found.key('CLAIMS')} must be a dict of claim name to value.",
                  "For example {'projectId': 'proj_abc123'}.")
        return claims
    for name, value in extra.items():
        if not isinstance(name, str):
            found.add("E012", f"{found.key('CLAIMS')} has a claim name that is not a string "
                      f"({quoted(name)}).", "JWT claim names are strings.")
            continue
        if name in RESERVED_CLAIMS:
            found.add("E012", f"{found.key('CLAIMS', name)} is set by the app itself.",
                      "Remove it; use LIFETIME to change how long tokens last.")
            continue
        if name in spec.claims.names:
            # One static identity would sign every user in as the same vendor account.
            found.add("E012", f"{found.key('CLAIMS', name)} would give every user the same "
                      "identity.", "Identity claims come from the user; set per-user values "
                      "in the USER_CLAIMS hook.")
            continue
        problem = vendor.claim_problem(name, value)
        if problem:
            found.add("E012", f"{found.key('CLAIMS', name)} {problem}.",
                      f"See {spec.docs_url} for what {vendor.name} accepts.")
        claims[name] = value
    return claims


def _check_role_claims(vendor: Vendor, block: Mapping[str, Any], claims: Mapping[str, Any],
                       found: Collector) -> None:
    """W006: a claim that grants rights at the vendor, given to every user by settings."""
    spec = vendor.spec
    static = block.get("CLAIMS")
    by_option = {option.claim: option.name for option in spec.options if option.claim}
    for name in sorted(spec.claims.roles & set(claims)):
        value = claims[name]
        if (value in spec.claims.harmless_role_values.get(name, ())
                or vendor.claim_problem(name, value)):  # harmless, or E012 already
            continue
        from_claims = isinstance(static, Mapping) and name in static
        where = found.key("CLAIMS", name) if from_claims else found.key(by_option[name])
        found.add("W006", f"{where} gives every user {name!r} = {quoted(value)}, which grants "
                  f"rights at {spec.name}.",
                  f"Remove it and return {name!r} from the USER_CLAIMS hook for the users "
                  "who should have it (the hook gets the user and the configuration id).",
                  warning=True)
