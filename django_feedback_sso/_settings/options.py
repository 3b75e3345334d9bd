"""Vendor-specific options, each read by its kind (``VendorOption.kind``), never its name."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from .._urls import url_problem, without_credentials
from ..vendors.spec import VendorOption, VendorSpec
from .collector import Collector, quoted
from .hosts import host_problem

#: RFC 3986 unreserved characters: a parameter name that needs no escaping anywhere.
_PARAM_NAME = re.compile(r"[A-Za-z0-9_.~-]+")

Reader = Callable[[VendorOption, Any, Collector], Any]


def read_options(spec: VendorSpec, block: Mapping[str, Any], found: Collector) -> dict[str, Any]:
    """The vendor's options from ``block``, defaults filled in, URL templates resolved.

    A value that breaks its kind's rule is reported and left out.
    """
    values: dict[str, Any] = {}
    broken: set[str] = set()  # reported already: URLs built from them aren't reported again
    for option in spec.options:
        value = block.get(option.name, option.default)
        if value is None or (isinstance(value, str) and not value):
            if option.required:
                found.add("E005", f"{found.key(option.name)} is required for {spec.name}.",
                          f"{option.help} ({spec.docs_url})")
                broken.add(option.name)
            continue
        value = READERS[option.kind](option, value, found)
        if value is None:
            broken.add(option.name)
        else:
            values[option.name] = value
    for option in spec.options:  # after the others: a URL may be built from them
        if option.kind in ("url", "base_url") and option.name in values:
            reported = len(found.problems)
            url = _resolve_url(spec, option, values, broken, found)
            if url is None or len(found.problems) > reported:
                broken.add(option.name)
            if url is not None:
                values[option.name] = url
    return values


def _text(option: VendorOption, value: Any, found: Collector) -> str | None:
    if isinstance(value, str):
        return value
    found.add("E012", f"{found.key(option.name)} must be a string.", option.help)
    return None


def _choice(option: VendorOption, value: Any, found: Collector) -> str | None:
    if isinstance(value, str) and value in option.choices:
        return value
    found.add("E012", f"{found.key(option.name)} is {quoted(value)}.",
              f"Use one of: {', '.join(option.choices)}.")
    return None


def _digits(option: VendorOption, value: Any, found: Collector) -> str | None:
    """A numeric id as its digits: scripts write it as a bare number."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return value
    found.add("E012", f"{found.key(option.name)} must be a number (digits only), "
              f"not {quoted(value)}.", option.help)
    return None


def _param(option: VendorOption, value: Any, found: Collector) -> str | None:
    if not isinstance(value, str):
        return _text(option, value, found)
    if _PARAM_NAME.fullmatch(value):
        return value
    found.add("E012", f"{found.key(option.name)} is {quoted(value)}, not a query parameter "
              "name.", "Use letters, digits, '_', '-', '.' or '~' only.")
    return None


def _hosts(option: VendorOption, value: Any, found: Collector) -> tuple[str, ...] | None:
    if not isinstance(value, (list, tuple)) or not all(isinstance(h, str) for h in value):
        found.add("E012", f"{found.key(option.name)} must be a list of host names.",
                  "For example ['feedback.example.com'] (no scheme, no path).")
        return None
    for entry in value:
        problem = host_problem(entry.lower())
        if problem:
            # An entry pasted from a URL may carry a password: never quote what precedes "@".
            shown = re.sub(r"^.*@", "***@", entry, flags=re.DOTALL)
            found.add("E012", f"{found.key(option.name)} contains {shown!r}, which "
                      f"{problem[0]}.", problem[1])
    return tuple(host.lower() for host in value)


def _url(option: VendorOption, value: Any, found: Collector) -> str | None:
    """A URL or a template of one (``{PORTAL_URL}/sdk``); checked once resolved."""
    return _text(option, value, found)


READERS: dict[str, Reader] = {
    "text": _text,
    "choice": _choice,
    "digits": _digits,
    "param": _param,
    "hosts": _hosts,
    "url": _url,
    "base_url": _url,
}


#: Placeholders are option names: nothing str.format would read as a format spec ("{X:>9999}"
#: pads to any length), a conversion, an index or an attribute.
_PLACEHOLDER = re.compile(r"[A-Z][A-Z0-9_]*")
_PLACEHOLDER_HINT = ("Placeholders are option names only, e.g. '{PORTAL_URL}/sdk', or "
                     "'{PORTAL_URL_HOST}' for a URL option's host")


def _pieces(template: str) -> list[tuple[str, str | None]] | None:
    """``template`` as (literal text, placeholder name or ``None``) pairs; ``None`` if a
    brace is unmatched or a placeholder holds more than a name. Never formats anything."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:  # a lone "{" or "}"
        return None
    if any(name is not None and (spec or conversion or not _PLACEHOLDER.fullmatch(name))
           for _, name, spec, conversion in parsed):
        return None
    return [(literal, name) for literal, name, _, _ in parsed]


def _placeholders(values: Mapping[str, Any]) -> dict[str, str]:
    """Each text option as ``{NAME}``, and each URL's host as ``{NAME_HOST}`` too
    (FeatureOS wants its portal's domain as a parameter of its SSO URL)."""
    found = {name: value for name, value in values.items() if isinstance(value, str)}
    for name, value in list(found.items()):
        try:
            host = urlsplit(value).hostname if "://" in value else None
        except ValueError:
            host = None
        if host:
            found[f"{name}_HOST"] = host
    return found


def _resolve_url(spec: VendorSpec, option: VendorOption, values: Mapping[str, Any],
                 broken: set[str], found: Collector) -> str | None:
    """Fill ``{OPTION}`` placeholders, then require an https URL (http on localhost).

    ``None`` if a placeholder can't be filled: reported, unless it names an option reported
    already (the same mistake, reported once where it is made).
    """
    key = found.key(option.name)
    pieces = _pieces(str(values[option.name]))
    if pieces is None:
        found.add("E009", f"{key} has a {{placeholder}} that is not just an option's name.",
                  f"{_PLACEHOLDER_HINT}: nothing else inside the braces (no ':', '!', '[' or "
                  "'.'). Write a literal brace as '{{' or '}}'.")
        return None
    names = {name for _, name in pieces if name is not None}
    if any(name in broken or name.removesuffix("_HOST") in broken for name in names):
        return None
    filled = _placeholders(values)
    missing = sorted(names - set(filled))
    if missing:
        _report_missing(spec, key, missing[0], values, found)
        return None
    url = "".join(literal + (filled[name] if name else "") for literal, name in pieces)
    problem = url_problem(url)
    if problem:
        found.add("E009", f"{key} is {without_credentials(url)!r}: {problem}.",
                  "Give an absolute https URL such as 'https://feedback.example.com'.")
    # Other URLs and return targets are appended to a base: no trailing slash on it.
    return url.rstrip("/") if option.kind == "base_url" else url


def _report_missing(spec: VendorSpec, key: str, name: str, values: Mapping[str, Any],
                    found: Collector) -> None:
    """A placeholder with no value: the option it names is unset, or there is none. Only
    the spec's own option names are quoted, never whatever else sat in the braces."""
    options = {option.name for option in spec.options}
    named = next((candidate for candidate in (name, name.removesuffix("_HOST"))
                  if candidate in options and candidate not in values), None)
    message = (f"has the placeholder {{{name}}}, but {found.key(named)} is not set"
               if named else f"has a {{placeholder}} that names none of {spec.name}'s options")
    found.add("E009", f"{key} {message}.", f"{_PLACEHOLDER_HINT}; set that option too, or "
              "give the full URL.")
