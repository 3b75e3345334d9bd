"""Vendors described in settings under ``SPEC``: every :class:`VendorSpec` field as data.

A SPEC key is the upper-case name of a ``VendorSpec`` field (``CLAIM_NAMES``,
``MAX_LIFETIME``, ``OPTIONS`` …); a key left out takes the field's own default, so the
dataclass is the one source of defaults. :func:`spec_to_settings` writes a spec back as
such a dict (the tests round-trip every built-in vendor through it).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any, get_args

from django.utils.module_loading import import_string

from .spec import (
    DERIVE,
    FLAT_FIELDS,
    GROUPS,
    ClaimRule,
    IdentityField,
    OptionKind,
    VendorOption,
    VendorSpec,
)

#: Fields a SPEC can't set: the id is the configuration's (or its ``VENDOR``).
_TOP_FIELDS = ("name", "docs_url")
#: Every SPEC key, in the order the settings reference lists them.
SPEC_FIELDS = (*_TOP_FIELDS, *list(FLAT_FIELDS)[:14], "options", *list(FLAT_FIELDS)[14:])
SPEC_KEYS = tuple(name.upper() for name in SPEC_FIELDS)
#: A shorthand: ``SSO_URL`` adds the option, the redirect and its host in one key.
SHORTHANDS = ("SSO_URL",)

_RULE_KEYS = {"TYPES": "types", "PATTERN": "pattern", "MINIMUM": "minimum",
              "MAXIMUM": "maximum", "CHOICES": "choices", "NORMALIZE": "normalize"}
_OPTION_KEYS = {"NAME": "name", "HELP": "help", "REQUIRED": "required", "KIND": "kind",
                "CHOICES": "choices", "DEFAULT": "default", "CLAIM": "claim",
                "SPEC_FIELDS": "spec_fields", "INFERRED": "inferred"}
#: Option names are keys of the settings block, beside ``SECRET`` and ``LIFETIME``.
_OPTION_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool,
                           "dict": dict, "list": list}


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
    unknown = sorted(str(name) for name in raw if name not in (*SPEC_KEYS, *SHORTHANDS))
    if unknown:
        raise ValueError(f"unknown SPEC key {unknown[0]!r} (known: "
                         f"{', '.join((*SPEC_KEYS, *SHORTHANDS))})")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        convert: Callable[[Any], Any] = _CONVERT.get(name.lower(), _text)
        try:
            values[name] = convert(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"SPEC[{name!r}]{_joined(exc)}") from None
    fields: dict[str, Any] = {"id": vendor_id, "name": vendor_id, "docs_url": ""}
    fields.update((name.lower(), value) for name, value in values.items()
                  if name not in SHORTHANDS)
    _apply_shorthands(values, fields)
    if not fields.get("claim_names"):
        raise ValueError("SPEC['CLAIM_NAMES'] must map each vendor claim to one of "
                         + ", ".join(get_args(IdentityField)))
    try:
        return VendorSpec.from_flat(**fields)
    except ValueError as exc:  # its messages start with the id, which the check names
        raise ValueError(str(exc).removeprefix(f"{vendor_id}: ")) from None


def _joined(exc: Exception) -> str:
    """An inner message after its key: ``['email'] …`` nests, anything else is spaced."""
    return str(exc) if str(exc).startswith("[") else f" {exc}"


def _apply_shorthands(values: Mapping[str, Any], fields: dict[str, Any]) -> None:
    """``SSO_URL``: the option, the redirect to it and its host in one key. (What a
    ``RETURN_PARAM`` implies, the spec derives itself, as for every spec.)"""
    if values.get("SSO_URL"):
        options: tuple[VendorOption, ...] = fields.get("options", ())
        added = [VendorOption("SSO_URL", "Where users are sent with their token.", kind="url",
                              default=values["SSO_URL"])]
        if not any(option.name == "RETURN_HOSTS" for option in options):
            added.append(VendorOption("RETURN_HOSTS", "Extra hosts return targets may use.",
                                      kind="hosts"))
        fields["options"] = (*options, *added)
        fields.setdefault("sso_url_option", "SSO_URL")
        fields.setdefault("host_options", ("SSO_URL",))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"must be a string, not {type(value).__name__}")
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise TypeError("must be a list of strings")
    return tuple(_text(item) for item in value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("must be True or False")
    return value


def _text_map(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise TypeError("must map names to strings")
    return {_text(name): _text(item) for name, item in value.items()}


def _values_by_name(value: Any) -> dict[str, tuple[Any, ...]]:
    if not isinstance(value, Mapping) or any(
            isinstance(items, (str, Mapping)) or not isinstance(items, (list, tuple))
            for items in value.values()):
        raise TypeError("must map claim names to lists of values")
    return {_text(name): tuple(items) for name, items in value.items()}


def _claim_names(value: Any) -> dict[str, IdentityField]:
    sources = get_args(IdentityField)
    if not isinstance(value, Mapping) or any(
            not isinstance(source, str) or source not in sources for source in value.values()):
        raise ValueError("must map each vendor claim to one of " + ", ".join(sources))
    return {_text(claim): source for claim, source in value.items()}


def _claim_rules(value: Any) -> dict[str, ClaimRule]:
    if not isinstance(value, Mapping):
        raise TypeError("must map claim names to rules")
    rules = {}
    for claim, rule in value.items():
        try:
            rules[_text(claim)] = _claim_rule(rule)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"[{claim!r}]{_joined(exc)}") from None
    return rules


def _claim_rule(raw: Any) -> ClaimRule:
    rule: dict[str, Any] = _keyed(raw, _RULE_KEYS, "a claim rule")
    if "types" in rule:
        names = _texts(rule["types"])
        if any(name not in _TYPES for name in names):
            raise ValueError(f"TYPES must name types from {', '.join(_TYPES)}")
        rule["types"] = tuple(_TYPES[name] for name in names)
    if "pattern" in rule:
        rule["pattern"] = _pattern(rule["pattern"])
    if "choices" in rule:
        rule["choices"] = _texts(rule["choices"])
    if "normalize" in rule:
        rule["normalize"] = _function(rule["normalize"])
    for bound in ("minimum", "maximum"):
        if bound in rule and (isinstance(rule[bound], bool)
                              or not isinstance(rule[bound], (int, float))):
            raise TypeError(f"{bound.upper()} must be a number")
    return ClaimRule(**rule)


def _pattern(value: Any) -> str:
    try:
        re.compile(_text(value))
    except re.error as exc:  # not a ValueError: it would pass for a broken CLASS module
        raise ValueError(f"PATTERN is not a regular expression ({exc})") from None
    return str(value)


def _function(path: Any) -> Callable[[str], str]:
    dotted = _text(path)
    try:
        function = import_string(dotted)
    except Exception as exc:  # ImportError, or the module failing as it loads
        raise ValueError(f"NORMALIZE {dotted!r} does not import ({type(exc).__name__}: "
                         f"{exc})") from None
    if not callable(function):
        raise TypeError(f"NORMALIZE {dotted!r} is not callable")
    return function  # type: ignore[no-any-return]


def _options(value: Any) -> tuple[VendorOption, ...]:
    if isinstance(value, (str, Mapping)) or not isinstance(value, (list, tuple)):
        raise TypeError("must be a list of option dicts")
    options = []
    for index, raw in enumerate(value):
        try:
            options.append(_option(raw))
        except (TypeError, ValueError) as exc:
            raise ValueError(f"[{index}]{_joined(exc)}") from None
    return tuple(options)


def _option(raw: Any) -> VendorOption:
    option: dict[str, Any] = _keyed(raw, _OPTION_KEYS, "an option")
    if not isinstance(option.get("name"), str) or not _OPTION_NAME.fullmatch(option["name"]):
        raise ValueError("NAME must be an upper-case settings key such as 'BOARD_URL'")
    if not isinstance(option.get("help"), str):
        raise ValueError("HELP must say what the option is and where the vendor shows it")
    for name in [name for name in _OPTION_CONVERT if name in option]:
        try:
            option[name] = _OPTION_CONVERT[name](option[name])
        except TypeError as exc:
            raise TypeError(f"{name.upper()} {exc}") from None
    if option.get("kind", "text") not in get_args(OptionKind):
        raise ValueError(f"KIND must be one of {', '.join(get_args(OptionKind))}")
    return VendorOption(**option)


def _keyed(raw: Any, keys: Mapping[str, str], what: str) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise TypeError(f"{what} must be a dict")
    unknown = [str(name) for name in raw if name not in keys]
    if unknown:
        raise ValueError(f"{what} has the unknown key {unknown[0]!r}")
    return {keys[name]: value for name, value in raw.items()}


_OPTION_CONVERT: dict[str, Callable[[Any], Any]] = {
    "required": _flag, "inferred": _flag, "choices": _texts, "spec_fields": _texts,
    "default": _optional_text, "claim": _optional_text,
}
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "claim_names": _claim_names,
    "claim_rules": _claim_rules,
    "options": _options,
    "role_claims": lambda value: frozenset(_texts(value)),
    "harmless_role_values": _values_by_name,
    "header_options": _text_map,
    "default_lifetime": as_timedelta,
    "max_lifetime": lambda value: None if value is None else as_timedelta(value),
    **dict.fromkeys(("required_claims", "time_claims", "incoming_return_params",
                     "passthrough_params", "host_passthrough_params", "required_any",
                     "host_options", "page_globals",
                     "sign_out_call"), _texts),
    **dict.fromkeys(("rejects_reused_jti", "snippet_embeds_token"), _flag),
    **dict.fromkeys(("script_url_option", "script_token_param", "sso_url_option",
                     "return_param"), _optional_text),
}


def spec_to_settings(spec: VendorSpec) -> dict[str, Any]:
    """``spec`` as a ``SPEC`` dict of plain data that
    :func:`~django_feedback_sso.vendors.custom.spec_from_settings` turns back into it.
    ``ValueError`` if a part isn't data (a ``normalize`` with no import path)."""
    raw: dict[str, Any] = {}
    for name in SPEC_FIELDS:
        value = getattr(spec, name) if name in (*_TOP_FIELDS, "options") else spec.flat(name)
        if _as_derived_or_default(spec, name, value):
            continue
        raw[name.upper()] = _as_data(name, value)
    return raw


def _as_derived_or_default(spec: VendorSpec, name: str, value: Any) -> bool:
    """Whether a spec without this field would have the same value anyway."""
    if name in _TOP_FIELDS or name == "options":
        return not value
    group, field_name = FLAT_FIELDS[name]
    default = next(f for f in dataclasses.fields(GROUPS[group]) if f.name == field_name)
    usual = (spec.replacing(**{name: DERIVE}).flat(name) if default.default is DERIVE
             else _default(default))
    return bool(usual == value)


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return f.default


def _as_data(field_name: str, value: Any) -> Any:
    if field_name == "claim_rules":
        return {claim: _fields_as_data(rule, _RULE_KEYS, f"claim rule {claim!r}")
                for claim, rule in value.items()}
    if field_name == "options":
        return [_fields_as_data(option, _OPTION_KEYS, f"option {option.name!r}")
                for option in value]
    if isinstance(value, timedelta) and not value.microseconds:
        return value // timedelta(seconds=1)
    if field_name == "harmless_role_values":
        return {claim: list(values) for claim, values in value.items()}
    if isinstance(value, (tuple, frozenset)):
        return sorted(value) if isinstance(value, frozenset) else list(value)
    return dict(value) if isinstance(value, Mapping) else value


def _fields_as_data(item: Any, keys: Mapping[str, str], label: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    defaults = {f.name: _default(f) for f in dataclasses.fields(item)}
    for key, name in keys.items():
        value = getattr(item, name)
        if value == defaults[name]:
            continue
        try:
            if name == "types":
                value = [_type_name(t) for t in value]
            elif name == "normalize":
                value = _import_path(value)
        except ValueError as exc:
            raise ValueError(f"{label}: {exc}") from None
        data[key] = list(value) if isinstance(value, tuple) else value
    return data


def _type_name(type_: type) -> str:
    if _TYPES.get(type_.__name__) is not type_:
        raise ValueError(f"TYPES may name only {', '.join(_TYPES)}, not {type_.__name__}")
    return type_.__name__


def _import_path(function: Callable[[str], str]) -> str:
    path = f"{function.__module__}.{function.__qualname__}"
    try:
        importable = import_string(path) is function
    except ImportError:
        importable = False
    if not importable:
        raise ValueError("NORMALIZE must be a module-level function importable by its "
                         f"dotted path, not {path}")
    return path
