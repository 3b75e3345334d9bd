"""The one class that runs every vendor spec."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from .._urls import add_query
from .spec import IdentityField, VendorSpec


class Vendor:
    """A vendor as the rest of the app sees it, driven by its :class:`VendorSpec`.

    A vendor whose rules data can't express subclasses this and overrides one method;
    point ``FEEDBACK_SSO['VENDORS'][id]['CLASS']`` at the subclass.
    """

    spec: VendorSpec

    def __init__(self, spec: VendorSpec) -> None:
        self.spec = spec

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec.id}>"

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.name

    def identity_claims(self, identity: Mapping[IdentityField, str]) -> dict[str, Any]:
        """Claims derived from the user, renamed and normalised the vendor's way."""
        claims: dict[str, Any] = {}
        for claim, source in self.spec.claims.names.items():
            value = identity.get(source, "")
            rule = self.spec.claims.rules.get(claim)
            if value and rule is not None and rule.normalize is not None:
                value = rule.normalize(value)
            if value:
                claims[claim] = value
        return claims

    def claim_problem(self, claim: str, value: Any) -> str | None:
        """Why the vendor would reject ``value`` in ``claim``, or ``None``."""
        rule = self.spec.claims.rules.get(claim)
        problem = rule.problem(value) if rule is not None else None
        if problem:
            return problem
        # Every claim, ruled or not: a rule checks only the outer type, and NaN, Infinity
        # or a datetime nested in an object would otherwise reach PyJWT, which writes
        # NaN into a token no vendor can parse and fails on the rest mid-signing.
        return None if is_plain_json(value) else (
            "must be JSON-serialisable (no NaN, Infinity, dates or objects; string keys; "
            f"nested at most {MAX_JSON_DEPTH} deep)")

    def missing_claims(self, payload: Mapping[str, Any]) -> list[str]:
        """Required claims absent or empty in a finished payload.

        A ``required_any`` group none of whose claims is there counts as one missing
        claim, named ``"email or userId"``.
        """
        missing = [name for name in self.spec.claims.required
                   if payload.get(name) in (None, "")]
        group = self.spec.claims.required_any
        if group and all(payload.get(name) in (None, "") for name in group):
            missing.append(" or ".join(group))
        return missing

    def has_redirect(self, options: Mapping[str, Any]) -> bool:
        """Whether the redirect view has somewhere to send users for this vendor."""
        option = self.spec.redirect.sso_url_option
        return bool(option and options.get(option))

    def sso_url(self, options: Mapping[str, Any], token: str | None,
                return_target: str | None,
                passthrough: Sequence[tuple[str, str]] = ()) -> str:
        """Where the redirect view sends the user (check :meth:`has_redirect` first).

        ``passthrough``: the vendor's own parameters (``spec.redirect.passthrough_params``) it sent
        to the redirect view, already validated; they replace any default on the URL.
        For a ``post`` vendor this is the form's action and ``token`` is ``None``.
        """
        spec = self.spec
        url = str(options[spec.redirect.sso_url_option or ""])
        params: list[tuple[str, str]] = list(passthrough)
        if return_target and spec.redirect.return_mode == "target":
            url = return_target
        elif return_target and spec.redirect.return_mode == "param" and spec.redirect.return_param:
            params.append((spec.redirect.return_param, return_target))
        if token is not None:
            params.append((spec.redirect.token_param, token))
        return add_query(url, params)

    def return_hosts(self, options: Mapping[str, Any]) -> frozenset[str]:
        """Hosts a return target may point at: the vendor's own plus any ``hosts`` option."""
        hosts = {urlsplit(str(options[name])).hostname for name in self.spec.redirect.host_options
                 if options.get(name)}
        for option in self.spec.options:
            if option.kind == "hosts":
                hosts.update(options.get(option.name) or ())
        return frozenset(host for host in hosts if host)


#: How deep a claim's objects and lists may nest. No vendor documents more than a level or
#: two; a bound keeps the answer the same on every Python (whose recursion limits differ).
MAX_JSON_DEPTH = 32


def is_plain_json(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` is JSON with no NaN, Infinity, dates or other objects inside,
    nested at most :data:`MAX_JSON_DEPTH` deep.

    Strings and integers, nearly every claim on every token, are answered at once: this
    runs on every claim of every token minted.
    """
    if value is None or isinstance(value, (str, int)):  # bool is an int
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if depth >= MAX_JSON_DEPTH:
        return False
    if isinstance(value, dict):
        return all(isinstance(key, str) and is_plain_json(item, depth + 1)
                   for key, item in value.items())
    if isinstance(value, list):
        return all(is_plain_json(item, depth + 1) for item in value)
    return False
