"""The top level of ``FEEDBACK_SSO``: its keys, the hooks, and every configuration."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.utils.module_loading import import_string

from ..conf import DEFAULT_AUDIT_RETENTION, SETTING, Config, Hook, Problem, VendorConfig, key
from .block import parse_block
from .collector import Collector, quoted, type_name

TOP_LEVEL_KEYS = ("VENDORS", "DEFAULT_VENDOR", "USER_CLAIMS", "USER_PASSES", "AUDIT_RETENTION",
                  "AUDIT_SYNCHRONOUS_COMMIT", "AUDIT_WRITE")
AUDIT_WRITES = ("request", "background")
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
    retention = _audit_retention(raw.get("AUDIT_RETENTION", DEFAULT_AUDIT_RETENTION), found)
    synchronous = _audit_synchronous_commit(raw.get("AUDIT_SYNCHRONOUS_COMMIT", False), found)
    write = _audit_write(raw.get("AUDIT_WRITE", "request"), found)
    return Config(vendors=vendors, default_vendor=default, problems=tuple(found.problems),
                  audit_retention=retention, audit_synchronous_commit=synchronous,
                  audit_write=write)


def _audit_retention(value: Any, found: Collector) -> timedelta | None:
    """A positive ``timedelta``, or ``None`` (keep forever). Not a number: days or seconds?"""
    if value is None or (isinstance(value, timedelta) and value > timedelta(0)):
        return value
    found.add("E016", f"{key('AUDIT_RETENTION')} is {quoted(value)}, not a positive "
              "timedelta or None.", "Set it to how long the audit log keeps a row, e.g. "
              "timedelta(days=90), or None to keep every row.")
    return DEFAULT_AUDIT_RETENTION


def _audit_synchronous_commit(value: Any, found: Collector) -> bool:
    """``True`` or ``False``: a string such as ``"false"`` (from the environment) is truthy."""
    if isinstance(value, bool):
        return value
    found.add("E017", f"{key('AUDIT_SYNCHRONOUS_COMMIT')} is {quoted(value)}, not True or "
              "False.", "Set it to True to make each audit row's commit wait for "
              "PostgreSQL's WAL flush, or leave it out (False).")
    return False


def _audit_write(value: Any, found: Collector) -> str:
    if isinstance(value, str) and value in AUDIT_WRITES:
        return value
    found.add("E018", f"{key('AUDIT_WRITE')} is {quoted(value)}, not \"request\" or "
              "\"background\".", "Leave it out to insert each audit row before the response "
              "(\"request\"), or set \"background\" to queue it for a writer thread.")
    return "request"


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
