"""Collects the problems of one settings block, each naming its exact key."""

from __future__ import annotations

from typing import Any

from .types import Problem, key


class Collector:
    """The problems found in ``FEEDBACK_SSO['VENDORS'][config_id]`` (or the top level)."""

    def __init__(self, config_id: str | None = None) -> None:
        self.config_id = config_id
        self.problems: list[Problem] = []

    def key(self, *parts: str) -> str:
        """The settings path of a key of this block."""
        if self.config_id is None:
            return key(*parts)
        return key("VENDORS", self.config_id, *parts)

    def add(self, check_id: str, message: str, hint: str, *, warning: bool = False) -> None:
        self.problems.append(Problem(f"feedback_sso.{check_id}", message, hint, warning,
                                     self.config_id))

    @property
    def has_errors(self) -> bool:
        return any(not problem.warning for problem in self.problems)


def quoted(value: Any) -> str:
    """A non-secret value as a message quotes it: its repr, cut short."""
    try:
        text = repr(value)
    except Exception:  # a settings value with a broken __repr__ is still just a mistake
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 60 else text[:57] + "..."


def type_name(value: Any) -> str:
    """What a value is, for a message that must not quote it (it may be a secret)."""
    return "None" if value is None else type(value).__name__
