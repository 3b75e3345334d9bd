"""Vendors described in settings under ``SPEC``: every :class:`VendorSpec` field as data.

A SPEC key is the upper-case name of a ``VendorSpec`` field (``CLAIM_NAMES``,
``MAX_LIFETIME``, ``OPTIONS`` …); a key left out takes the field's own default, so the
dataclass is the one source of defaults. :func:`spec_to_settings` writes a spec back as
such a dict (the tests round-trip every built-in vendor through it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any, get_args

from django.utils.module_loading import import_string

from .spec import ClaimRule, IdentityField, OptionKind, VendorOption, VendorSpec

#: Fields a SPEC can't set: the id is the configuration's (or its ``VENDOR``).
_NOT_SETTABLE = {"id"}
SPEC_KEYS = tuple(f.name.upper() for f in dataclasses.fields(VendorSpec)
                  if f.name not in _NOT_SETTABLE)
#: A shorthand: ``SSO_URL`` adds the option, the redirect and its host in one key.
SHORTHANDS = ("SSO_URL",)

_RULE_KEYS = {"TYPES": "types", "PATTERN": "pattern", "MINIMUM": "minimum",
              "MAXIMUM": "maximum", "CHOICES": "choices", "NORMALIZE": "normalize"}
_OPTION_KEYS = {"NAME": "name", "HELP": "help", "REQUIRED": "required", "KIND": "kind",
                "CHOICES": "choices", "DEFAULT": "default", "CLAIM": "claim",
                "SPEC_FIELDS": "spec_fields", "INFERRED": "inferred"}
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
        raise ValueError(f"unknown SPEC key {unknown[0]!r} (known: {', '.join(SPEC_KEYS)})")
    fields: dict[str, Any] = {"id": vendor_id, "name": vendor_id, "docs_url": ""}
    for name, value in raw.items():
        if name in SHORTHANDS:
            continue
        field_name = name.lower()
        convert: Callable[[Any], Any] = _CONVERT.get(field_name, _text)
        try:
            fields[field_name] = convert(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"SPEC[{name!r}] {exc}") from None
    _apply_shorthands(raw, fields)
    if not isinstance(fields.get("claim_names"), Mapping) or not fields["claim_names"]:
        raise ValueError("SPEC['CLAIM_NAMES'] must map each vendor claim to one of "
                         + ", ".join(get_args(IdentityField)))
    return VendorSpec(**fields)


def _apply_shorthands(raw: Mapping[str, Any], fields: dict[str, Any]) -> None:
    """``SSO_URL``, and what a ``RETURN_PARAM`` implies unless set explicitly."""
    if raw.get("SSO_URL"):
        fields["options"] = (
            *fields.get("options", ()),
            VendorOption("SSO_URL", "Where users are sent with their token.", kind="url",
                         default=_text(raw["SSO_URL"])),
            VendorOption("RETURN_HOSTS", "Extra hosts return targets may use.", kind="hosts"))
        fields.setdefault("sso_url_option", "SSO_URL")
        fields.setdefault("host_options", ("SSO_URL",))
    if fields.get("return_param"):
        fields.setdefault("return_mode", "param")
        fields.setdefault("incoming_return_params", (fields["return_param"],))


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


def _text_set(value: Any) -> frozenset[str]:
    return frozenset(_texts(value))


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


def _optional_timedelta(value: Any) -> timedelta | None:
    return None if value is None else as_timedelta(value)


def _claim_names(value: Any) -> dict[str, IdentityField]:
    sources = get_args(IdentityField)
    if not isinstance(value, Mapping) or any(
            not isinstance(source, str) or source not in sources for source in value.values()):
        raise ValueError("must map each vendor claim to one of " + ", ".join(sources))
    return {_text(claim): source for claim, source in value.items()}


def _claim_rules(value: Any) -> dict[str, ClaimRule]:
    if not isinstance(value, Mapping):
        raise TypeError("must map claim names to rules")
    return {_text(claim): _claim_rule(rule) for claim, rule in value.items()}


def _claim_rule(raw: Any) -> ClaimRule:
    rule: dict[str, Any] = _keyed(raw, _RULE_KEYS, "a claim rule")
    if "types" in rule:
        names = _texts(rule["types"])
        if any(name not in _TYPES for name in names):
            raise ValueError(f"TYPES must name types from {', '.join(_TYPES)}")
        rule["types"] = tuple(_TYPES[name] for name in names)
    if "choices" in rule:
        rule["choices"] = _texts(rule["choices"])
    if "normalize" in rule:
        rule["normalize"] = _function(rule["normalize"])
    for bound in ("minimum", "maximum"):
        if bound in rule and (isinstance(rule[bound], bool)
                              or not isinstance(rule[bound], (int, float))):
            raise TypeError(f"{bound.upper()} must be a number")
    return ClaimRule(**rule)


def _function(path: Any) -> Callable[[str], str]:
    function = import_string(_text(path))
    if not callable(function):
        raise TypeError(f"{path} is not callable")
    return function  # type: ignore[no-any-return]


def _options(value: Any) -> tuple[VendorOption, ...]:
    if isinstance(value, (str, Mapping)) or not isinstance(value, (list, tuple)):
        raise TypeError("must be a list of option dicts")
    options = []
    for raw in value:
        option: dict[str, Any] = _keyed(raw, _OPTION_KEYS, "an option")
        for name in ("choices", "spec_fields"):
            if name in option:
                option[name] = _texts(option[name])
        if option.get("kind", "text") not in get_args(OptionKind):
            raise ValueError(f"KIND must be one of {', '.join(get_args(OptionKind))}")
        options.append(VendorOption(**option))
    return tuple(options)


def _keyed(raw: Any, keys: Mapping[str, str], what: str) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise TypeError(f"{what} must be a dict")
    unknown = [str(name) for name in raw if name not in keys]
    if unknown:
        raise ValueError(f"{what} has the unknown key {unknown[0]!r}")
    return {keys[name]: value for name, value in raw.items()}


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "claim_names": _claim_names,
    "claim_rules": _claim_rules,
    "options": _options,
    "required_claims": _texts,
    "time_claims": _texts,
    "incoming_return_params": _texts,
    "host_options": _texts,
    "page_globals": _texts,
    "role_claims": _text_set,
    "harmless_role_values": _values_by_name,
    "header_options": _text_map,
    "default_lifetime": as_timedelta,
    "max_lifetime": _optional_timedelta,
    "rejects_reused_jti": _flag,
    "snippet_embeds_token": _flag,
    "script_url_option": _optional_text,
    "script_token_param": _optional_text,
    "sso_url_option": _optional_text,
    "return_param": _optional_text,
}


def spec_to_settings(spec: VendorSpec) -> dict[str, Any]:
    """``spec`` as a ``SPEC`` dict that :func:`spec_from_settings` turns back into it."""
    defaults = {f.name: f.default for f in dataclasses.fields(VendorSpec)
                if f.default is not dataclasses.MISSING}
    raw: dict[str, Any] = {}
    for f in dataclasses.fields(VendorSpec):
        value = getattr(spec, f.name)
        if f.name in _NOT_SETTABLE or (f.name in defaults and value == defaults[f.name]):
            continue
        raw[f.name.upper()] = _as_data(f.name, value)
    return raw


def _as_data(field_name: str, value: Any) -> Any:
    if field_name == "claim_rules":
        return {claim: _fields_as_data(rule, _RULE_KEYS) for claim, rule in value.items()}
    if field_name == "options":
        return [_fields_as_data(option, _OPTION_KEYS) for option in value]
    if field_name == "harmless_role_values":
        return {claim: list(values) for claim, values in value.items()}
    if isinstance(value, (tuple, frozenset)):
        return sorted(value) if isinstance(value, frozenset) else list(value)
    return dict(value) if isinstance(value, Mapping) else value


def _fields_as_data(item: Any, keys: Mapping[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, name in keys.items():
        value = getattr(item, name)
        default = next(f.default for f in dataclasses.fields(item) if f.name == name)
        if value == default and name != "name":
            continue
        if name == "types":
            value = [t.__name__ for t in value]
        elif name == "normalize":
            value = f"{value.__module__}.{value.__qualname__}"
        elif isinstance(value, tuple):
            value = list(value)
        data[key] = value
    return data
