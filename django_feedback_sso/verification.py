"""The vendor's side of SSO: would this vendor accept this token, and if not, why not?

One set of rules driven by each :class:`~django_feedback_sso.vendors.spec.VendorSpec`:
header fields the vendor picks its key by (Zendesk Messaging's ``kid``), the signature
and pinned algorithm (checked in ``tokens``, the only module that knows PyJWT), then
required claims, claim values, the account, the vendor's lifetime limit, expiry,
not-before, and a reused ``jti`` where the vendor forbids replay. Each rule is a
named :class:`Rule`, run in order of :data:`RULES`: :func:`verify_token` stops at the first
that fails (the sandbox stands in for the vendors with it); :func:`check_rules` runs them
all and reports each (``manage.py feedback_sso_verify``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, Protocol
from urllib.parse import parse_qsl

from .conf import VendorConfig
from .exceptions import FeedbackSSOTokenRejected as Rejected
from .signatures import decode_discourse, discourse_signature_matches, hash_matches, hmac_key
from .tokens import unverified_header, verify_signature
from .vendors.spec import IdentityField

#: How far ``iat``/``nbf`` may lie in the future: clocks of two servers drift a little.
CLOCK_SKEW = 30


class ReplayGuard(Protocol):
    """Remembers the ``jti`` values a vendor has accepted."""

    def first_use(self, config_id: str, jti: str, expires_at: int | None) -> bool:
        """Record ``jti``; ``False`` if it had been recorded before."""


@dataclass(frozen=True)
class Rule:
    """One of the vendor's rules: ``check`` raises ``Rejected`` when a token breaks it."""

    name: str
    check: Callable[[VendorConfig, Mapping[str, Any], float, ReplayGuard | None], None]
    #: Rules that must pass first: this one reads what they vouch for (numbers, claims).
    needs: tuple[str, ...] = ()


class RuleResult(NamedTuple):
    """How one token fared against one rule: ``passed``, ``failed`` or ``skipped``."""

    rule: str
    outcome: Literal["passed", "failed", "skipped"]
    detail: str = ""
    reason: str | None = None


def verify_token(token: str, config: VendorConfig, *, now: float | None = None,
                 replay_guard: ReplayGuard | None = None) -> dict[str, Any]:
    """The claims of ``token`` if ``config``'s vendor would accept it.

    Raises :class:`~django_feedback_sso.exceptions.FeedbackSSOTokenRejected` with a
    distinct ``reason`` per rule. Without a ``replay_guard`` reuse is not checked (and
    checking a token does not use it up). ``now`` (Unix seconds) is for tests.
    """
    _check_header(config, token)
    claims = verify_signature(token, config)
    clock = time.time() if now is None else now
    for rule in RULES:
        rule.check(config, claims, clock, replay_guard)
    return claims


def verify_identity_hash(presented: str, identity_claims: Mapping[str, Any],
                         config: VendorConfig) -> dict[str, Any]:
    """The claims if ``presented`` is the hash the vendor recomputes from them.

    An ``identity_hash`` vendor (Help Scout, Front, Chatwoot …) gets the identity and its
    hash side by side from the widget and recomputes the HMAC of the hashed claim's value
    with its copy of the secret; only that claim is signed. The required claims, the
    values and the account are then checked as for a JWT; there is no expiry to check.
    Raises :class:`~django_feedback_sso.exceptions.FeedbackSSOTokenRejected`.
    """
    token = config.spec.token
    claims = dict(identity_claims)
    value = claims.get(token.hashed_claim or "")
    if value in (None, ""):
        raise Rejected(config.id, Rejected.MISSING_CLAIM,
                       f"{config.spec.name} hashes the claim {token.hashed_claim!r}, which "
                       "was not sent", claim=token.hashed_claim)
    try:
        key = hmac_key(config.secret, token.key_encoding)
        matches = hash_matches(key, str(value), presented, token.algorithm)
    except ValueError:
        matches = False
    if not matches:
        raise Rejected(config.id, Rejected.BAD_SIGNATURE,
                       f"the hash is not the HMAC of {token.hashed_claim!r} with "
                       f"{config.spec.name}'s secret")
    for rule in RULES:
        if rule.name in HASH_RULES:
            rule.check(config, claims, 0.0, None)
    return claims


def check_identity_hash_rules(presented: str, identity_claims: Mapping[str, Any],
                              config: VendorConfig,
                              ) -> tuple[dict[str, Any] | None, list[RuleResult]]:
    """:func:`check_rules` for an identity hash: the hash against the identity, then the
    rules that apply to an identity (:data:`HASH_RULES`), each reported."""
    hash_rules = [rule for rule in RULES if rule.name in HASH_RULES]
    token = config.spec.token
    value = identity_claims.get(token.hashed_claim or "")
    try:
        matches = value not in (None, "") and hash_matches(
            hmac_key(config.secret, token.key_encoding), str(value), presented,
            token.algorithm)
    except ValueError:
        matches = False
    if not matches:
        detail = (f"the identity has no {token.hashed_claim!r}" if value in (None, "") else
                  f"not the HMAC of {token.hashed_claim!r} with {config.spec.name}'s secret")
        return None, [RuleResult(SIGNATURE, "failed", detail, Rejected.BAD_SIGNATURE),
                      *(RuleResult(rule.name, "skipped", "the hash did not verify")
                        for rule in hash_rules)]
    claims = dict(identity_claims)
    return claims, [RuleResult(SIGNATURE, "passed", f"HMAC of {token.hashed_claim!r}, the "
                               "configured secret"), *_verdicts(hash_rules, config, claims)]


def verify_discourse_connect(sso: str, sig: str, config: VendorConfig) -> dict[str, Any]:
    """The fields of a DiscourseConnect answer if the forum would take them.

    ``sig`` must be the hex HMAC-SHA256 of ``sso`` exactly as sent, with the secret
    (``lib/discourse_connect_base.rb``, ``parse``); the fields must hold a ``nonce`` and the
    required claims. Whether the forum issued that nonce only the forum can tell.
    Raises :class:`~django_feedback_sso.exceptions.FeedbackSSOTokenRejected`.
    """
    claims = _discourse_fields(sso, sig, config)
    for rule in RULES:
        if rule.name in DISCOURSE_RULES:
            rule.check(config, claims, 0.0, None)
    return claims


def _discourse_fields(sso: str, sig: str, config: VendorConfig) -> dict[str, Any]:
    """The signed fields, holding the nonce the forum asked with; the rules come after."""
    if not discourse_signature_matches(hmac_key(config.secret), sso, sig):
        raise Rejected(config.id, Rejected.BAD_SIGNATURE, "sig is not the HMAC-SHA256 of sso "
                       f"with {config.spec.name}'s secret")
    try:
        claims: dict[str, Any] = decode_discourse(sso)
    except ValueError:
        raise Rejected(config.id, Rejected.INVALID_TOKEN,
                       "sso is not base64 of a query string") from None
    if not claims.get("nonce"):
        raise Rejected(config.id, Rejected.MISSING_CLAIM, f"{config.spec.name} requires the "
                       "nonce of its request", claim="nonce")
    return claims


def check_discourse_rules(presented: str, config: VendorConfig,
                          ) -> tuple[dict[str, Any] | None, list[RuleResult]]:
    """:func:`check_rules` for a DiscourseConnect answer (``sso=…&sig=…``, or the whole
    ``return_sso_url`` with them): the signature and nonce, then :data:`DISCOURSE_RULES`.
    Whether the forum issued the nonce, and still holds it, only the forum knows."""
    rules = [rule for rule in RULES if rule.name in DISCOURSE_RULES]
    try:
        claims = _discourse_fields(*discourse_parts(presented), config)
    except Rejected as rejected:
        return None, [RuleResult(SIGNATURE, "failed", rejected.detail, rejected.reason),
                      *(RuleResult(rule.name, "skipped", "the signature did not verify")
                        for rule in rules)]
    return claims, [RuleResult(SIGNATURE, "passed", "HMAC-SHA256 of sso, the configured "
                               "secret; a nonce"), *_verdicts(rules, config, claims)]


def _verdicts(rules: list[Rule], config: VendorConfig,
              claims: Mapping[str, Any]) -> list[RuleResult]:
    """Each of ``rules`` on claims that carry no time: passed, or failed and why."""
    results = []
    for rule in rules:
        try:
            rule.check(config, claims, 0.0, None)
        except Rejected as rejected:
            results.append(RuleResult(rule.name, "failed", rejected.detail, rejected.reason))
        else:
            results.append(RuleResult(rule.name, "passed"))
    return results


def discourse_parts(presented: str) -> tuple[str, str]:
    """``sso`` and ``sig`` from ``sso=…&sig=…`` or a whole ``…/session/sso_login?…`` URL."""
    query = presented.partition("?")[2] if "?" in presented else presented
    params = dict(parse_qsl(query.strip(), keep_blank_values=True))
    return params.get("sso", ""), params.get("sig", "")


def check_rules(token: str, config: VendorConfig, *,
                now: float | None = None) -> tuple[dict[str, Any] | None, list[RuleResult]]:
    """Every rule's verdict on ``token``, in order, and its claims if the signature holds.

    Unlike :func:`verify_token` it goes on past a failure, so one run shows everything
    wrong; a rule whose prerequisites failed is skipped, and so is every rule when the
    signature fails (unsigned claims say nothing). Replay is not checked: offline there
    is no record of the ``jti`` values the vendor has seen.
    """
    try:
        _check_header(config, token)
        claims = verify_signature(token, config)
    except Rejected as rejected:
        skipped = [RuleResult(rule.name, "skipped", "the signature did not verify")
                   for rule in RULES]
        return None, [RuleResult(SIGNATURE, "failed", rejected.detail, rejected.reason),
                      *skipped]
    clock = time.time() if now is None else now
    results = [RuleResult(SIGNATURE, "passed", f"{config.spec.token.algorithm}, the configured "
                          "secret")]
    failed: set[str] = set()
    for rule in RULES:
        blocked = [name for name in rule.needs if name in failed]
        if blocked:
            failed.add(rule.name)
            results.append(RuleResult(rule.name, "skipped", f"needs {', '.join(blocked)}"))
            continue
        try:
            rule.check(config, claims, clock, None)
        except Rejected as rejected:
            failed.add(rule.name)
            results.append(RuleResult(rule.name, "failed", rejected.detail, rejected.reason))
        else:
            results.append(_passed(rule, config))
    return claims, results


def _passed(rule: Rule, config: VendorConfig) -> RuleResult:
    if rule.name == REPLAY and config.spec.token.rejects_reused_jti:
        return RuleResult(rule.name, "skipped", f"{config.spec.name} accepts each jti once; "
                          "offline there is no record of the ones it has seen")
    return RuleResult(rule.name, "passed")


def identity(config: VendorConfig, claims: Mapping[str, Any]) -> dict[IdentityField, str]:
    """Who the vendor signs in: the user fields its claims carry, by the spec's names."""
    return {source: str(claims[claim]) for claim, source in config.spec.claims.names.items()
            if claims.get(claim) not in (None, "")}


def _check_header(config: VendorConfig, token: str) -> None:
    """Header fields fixed by an option name the account's key, looked up before the
    signature: a token for another key can't pass, whatever it is signed with."""
    fields = config.spec.token.header_options
    if not fields:
        return
    header = unverified_header(token, config)
    for name, option in fields.items():
        if header.get(name) != config.options.get(option):
            raise Rejected(config.id, Rejected.INVALID_HEADER,
                           f"header {name!r} does not name this {config.spec.name} key "
                           f"({option}); {config.spec.name} looks the secret up by it")


def _check_present(config: VendorConfig, claims: Mapping[str, Any], now: float,
                   replay_guard: ReplayGuard | None) -> None:
    spec = config.spec
    required = [*spec.claims.required]
    if spec.token.max_lifetime is not None:
        required.append("exp")  # a lifetime limit can't hold for a token that never expires
    if spec.token.rejects_reused_jti:
        required.append("jti")
    for name in dict.fromkeys(required):
        if claims.get(name) in (None, ""):
            raise Rejected(config.id, Rejected.MISSING_CLAIM,
                           f"{spec.name} requires the claim {name!r}", claim=name)
    any_of = spec.claims.required_any
    if any_of and all(claims.get(name) in (None, "") for name in any_of):
        raise Rejected(config.id, Rejected.MISSING_CLAIM,
                       f"{spec.name} requires at least one of the claims "
                       f"{', '.join(map(repr, spec.claims.required_any))}",
                       claim=spec.claims.required_any[0])


def _check_time_types(config: VendorConfig, claims: Mapping[str, Any], now: float,
                      replay_guard: ReplayGuard | None) -> None:
    # PyJWT's JSON parser reads NaN, Infinity and integers of any size; the rules after
    # this one do arithmetic on them.
    for name in ("iat", "exp", "nbf"):
        value = claims.get(name)
        if value is not None and not _seconds(value):
            raise Rejected(config.id, Rejected.INVALID_CLAIM,
                           f"claim {name!r} must be a number of seconds", claim=name)


def _seconds(value: Any) -> bool:
    """Whether ``value`` is a finite number (not a bool, NaN, ±Infinity or 10**400)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer no float can hold
        return False


def _check_values(config: VendorConfig, claims: Mapping[str, Any], now: float,
                  replay_guard: ReplayGuard | None) -> None:
    for name, value in claims.items():
        problem = None if name in ("iat", "exp", "nbf", "jti") else (
            config.vendor.claim_problem(name, value))
        if problem:
            raise Rejected(config.id, Rejected.INVALID_CLAIM, f"claim {name!r} {problem}",
                           claim=name)


def _check_account(config: VendorConfig, claims: Mapping[str, Any], now: float,
                   replay_guard: ReplayGuard | None) -> None:
    # Claims fixed by an account option (Issuely's companyId) name the account the
    # token is for; the vendor looks the secret up by them, so another value can't pass.
    for option in config.spec.options:
        expected = config.options.get(option.name)
        if option.required and option.claim and claims.get(option.claim) != expected:
            raise Rejected(config.id, Rejected.INVALID_CLAIM,
                           f"claim {option.claim!r} names another {config.spec.name} "
                           f"account than {option.name}", claim=option.claim)


def _check_lifetime(config: VendorConfig, claims: Mapping[str, Any], now: float,
                    replay_guard: ReplayGuard | None) -> None:
    spec = config.spec
    exp, iat = claims.get("exp"), claims.get("iat")
    if spec.token.max_lifetime is not None and exp is not None:
        limit = spec.token.max_lifetime.total_seconds()
        start = iat if iat is not None else now
        if exp - start > limit:
            raise Rejected(config.id, Rejected.LIFETIME_TOO_LONG,
                           f"exp is {int(exp - start)} s after {'now' if iat is None else 'iat'}; "
                           f"{spec.name} accepts at most {int(limit)} s ({spec.docs_url})",
                           claim="exp")


def _check_expiry(config: VendorConfig, claims: Mapping[str, Any], now: float,
                  replay_guard: ReplayGuard | None) -> None:
    exp = claims.get("exp")
    if exp is not None and now >= exp:
        raise Rejected(config.id, Rejected.EXPIRED, f"expired {int(now - exp)} s ago",
                       claim="exp")


def _check_not_before(config: VendorConfig, claims: Mapping[str, Any], now: float,
                      replay_guard: ReplayGuard | None) -> None:
    for name in ("iat", "nbf"):
        value = claims.get(name)
        if value is not None and value > now + CLOCK_SKEW:
            raise Rejected(config.id, Rejected.NOT_YET_VALID,
                           f"{name} is {int(value - now)} s in the future", claim=name)


def _check_replay(config: VendorConfig, claims: Mapping[str, Any], now: float,
                  replay_guard: ReplayGuard | None) -> None:
    if replay_guard is None or not config.spec.token.rejects_reused_jti:
        return
    exp = claims.get("exp")
    if not replay_guard.first_use(config.id, str(claims["jti"]),
                                  int(exp) if exp is not None else None):
        raise Rejected(config.id, Rejected.REPLAYED,
                       f"this jti was used before; {config.spec.name} accepts each token "
                       f"once ({config.spec.docs_url})", claim="jti")


SIGNATURE = "signature"
#: The rules that apply to an identity hash's claims: it has no time claims or jti.
HASH_RULES = frozenset({"required claims", "claim values", "account"})
#: The rules that apply to a DiscourseConnect answer's fields: all text, no time claims.
DISCOURSE_RULES = frozenset({"required claims", "account"})
REPLAY = "replay"
TIME_TYPES = "time claims are numbers"

#: The rules after the signature, in the order they are checked.
RULES: tuple[Rule, ...] = (
    Rule("required claims", _check_present),
    Rule(TIME_TYPES, _check_time_types),
    Rule("claim values", _check_values),
    Rule("account", _check_account),
    Rule("lifetime", _check_lifetime, needs=(TIME_TYPES,)),
    Rule("expiry", _check_expiry, needs=(TIME_TYPES,)),
    Rule("not before", _check_not_before, needs=(TIME_TYPES,)),
    Rule(REPLAY, _check_replay, needs=("required claims",)),
)
