"""The top level of ``FEEDBACK_SSO``: its keys, the hooks, and every configuration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.module_loading import import_string

from .block import parse_block
from .collector import Collector, quoted, type_name
from .types import SETTING, Config, Hook, Problem, VendorConfig, key

#: Keys the optional audit log (``django_feedback_sso.audit``) reads: accepted here, parsed
#: and checked by that app itself, so a project without it may still set them.
AUDIT_KEYS = ("AUDIT_RETENTION", "AUDIT_SYNCHRONOUS_COMMIT", "AUDIT_WRITE")
TOP_LEVEL_KEYS = ("VENDORS", "DEFAULT_VENDOR", "USER_CLAIMS", "USER_PASSES", *AUDIT_KEYS)
HOOKS = ("USER_CLAIMS", "USER_PASSES")


def parse(raw: Any) -> Config:
    """Validate a ``FEEDBACK_SSO`` value; errors are collected, never raised.

    ``None`` is an error like any other value that isn't a dict; a project that leaves the
    setting out is parsed as ``{}`` (no vendor configured, warning W002).
    """
    found = Collector()
    if not isinstance(raw, Mapping):
        # Its type, not its value: a value that isn't a dict may still hold a secret.
        found.add("E001", f"{SETTING} must be a dict, not {type_name(raw)}.",
                  f"Set {SETTING} = {{'VENDORS': {{...}}}}.")
        return Config(vendors={}, problems=tuple(found.problems))
    for name in raw:
        if name not in TOP_LEVEL_KEYS:
            found.add("E002", f"{key(str(name))} is not a known setting.",
                      f"Use only {', '.join(TOP_LEVEL_KEYS)}; vendor options go under "
                      f"{key('VENDORS', '<config id>')}.")
    hooks = {name: _import_hook(raw, name, found) for name in HOOKS}
    blocks = raw.get("VENDORS", {})
    if not isinstance(blocks, Mapping):
        found.add("E001", f"{key('VENDORS')} must be a dict.",
                  "Map each configuration id to its options, e.g. {'sleekplan': {'SECRET': "
                  "...}}.")
        blocks = {}
    problems = list(found.problems)
    vendors: dict[str, VendorConfig | Problem] = {}
    for config_id, block in blocks.items():
        config, block_problems = parse_block(str(config_id), block, hooks)
        problems += block_problems
        errors = [problem for problem in block_problems if not problem.warning]
        vendors[str(config_id)] = errors[0] if errors or config is None else config
    found.problems = problems
    default = _default(raw.get("DEFAULT_VENDOR"), vendors, found)
    return Config(vendors=vendors, default_vendor=default, problems=tuple(found.problems))


def _default(default: Any, vendors: Mapping[str, Any], found: Collector) -> str | None:
    if default is not None and (not isinstance(default, str) or default not in vendors):
        found.add("E011", f"{key('DEFAULT_VENDOR')} is {quoted(default)}, which is not "
                  "configured.", f"Set it to one of: {', '.join(vendors) or '(none configured)'}.")
        return None
    if not vendors:
        found.add("W002", f"{key('VENDORS')} configures no vendor.",
                  "Add a vendor, e.g. {'sleekplan': {'SECRET': ...}}.", warning=True)
    if default is None and len(vendors) == 1:
        return next(iter(vendors))
    return default


def _import_hook(raw: Mapping[str, Any], name: str, found: Collector) -> Hook | None:
    path = raw.get(name)
    if path is None or path == "":
        return None
    try:
        hook = import_string(path) if isinstance(path, str) else path
    except ImportError as exc:
        found.add("E010", f"{key(name)} = {quoted(path)} does not import ({exc}).",
                  "Give the dotted path of a function (user, config_id), e.g. "
                  "'myproject.sso.user_claims'.")
        return None
    except Exception as exc:
        # The hook's module fails on import some other way. Reported, not raised: a
        # traceback from here carries ``raw``, every vendor's SECRET, in its frame locals,
        # and Django's DEBUG error page prints those uncleansed.
        found.add("E010", f"{key(name)} = {quoted(path)} failed to import "
                  f"({type(exc).__name__}: {exc}).", "Fix the error in that module.")
        return None
    if not callable(hook):
        found.add("E010", f"{key(name)} = {quoted(path)} is not callable.",
                  "Point it at a function taking (user, config_id).")
        return None
    return hook  # type: ignore[no-any-return]
