"""``manage.py feedback_sso_verify <config id> [token]``: would the vendor accept it?"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...exceptions import FeedbackSSOSigningError
from ...verification import (
    RuleResult,
    check_discourse_rules,
    check_identity_hash_rules,
    check_rules,
)
from ._common import FAILED, USAGE, as_json, printable, utc, vendor_config

LABELS = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}
#: The token argument that means "read it from standard input".
FROM_STDIN = "-"


class Command(BaseCommand):
    help = (
        "Check a token offline, as the vendor would: its signature against the configured "
        "secret and pinned algorithm, then each of the vendor's documented rules (required "
        "claims, claim values, account, lifetime limit, expiry, not-before), the same rules "
        "the sandbox applies. Prints each rule as PASS, FAIL or SKIP with the reason, and "
        "the decoded claims once the signature holds. Exits with status 1 if any rule "
        "fails, 2 for an unknown configuration, no token, or a token that can't be checked "
        "(a short secret under python -W error). It never prints the secret and "
        "never signs anything; replay (a jti the vendor has seen) can't be checked offline. "
        "For a vendor that takes an identity hash, the token is the hash and --identity the "
        "identity it signs. For DiscourseConnect (Discourse), the token is the answer, "
        "sso=…&sig=… or the whole return URL carrying them."
    )
    #: ``call_command(..., stdin=...)`` (tests, scripts) hands the token over as a stream.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("config_id", help="The configuration id the token is for, "
                            "e.g. sleekplan.")
        parser.add_argument("token", nargs="?", default=FROM_STDIN, help="The token; '-' or "
                            "nothing reads it from standard input (keeps it out of the "
                            "shell history).")
        parser.add_argument("--identity", metavar="JSON", help="For a vendor that takes "
                            "an identity hash (Help Scout, Front …): the identity the widget "
                            "sends beside it, as a JSON object, e.g. '{\"email\": "
                            "\"ada@example.com\"}'; the token is then the hash.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object "
                            "(config_id, vendor, valid, rules, claims) for scripts.")

    def handle(self, *args: Any, **options: Any) -> None:
        config = vendor_config(options["config_id"])
        token = read_token(options["token"], options.get("stdin") or sys.stdin)
        if not token:
            raise CommandError("No token: pass it as an argument or on standard input.",
                               returncode=USAGE)
        try:
            if config.spec.token.kind == "identity_hash":
                identity = read_identity(options.get("identity"), config.spec.name)
                claims, results = check_identity_hash_rules(token, identity, config)
            elif config.spec.token.kind == "discourse_connect":
                claims, results = check_discourse_rules(token, config)
            else:
                claims, results = check_rules(token, config)
        except FeedbackSSOSigningError as exc:  # python -W error and a short secret
            raise CommandError(f"Can't check the token: {exc}.", returncode=USAGE) from None
        valid = not any(result.outcome == "failed" for result in results)
        if options["json"]:
            self.stdout.write(as_json({
                "config_id": config.id, "vendor": config.vendor.id, "valid": valid,
                "rules": [result._asdict() for result in results], "claims": claims}))
        else:
            self.stdout.write(printable(self.describe(config.id, config.vendor.name, claims,
                                                      results)))
        if not valid:
            failed = sum(result.outcome == "failed" for result in results)
            raise CommandError(f"{config.vendor.name} would reject this token: {failed} "
                               f"rule{'s' if failed > 1 else ''} failed.", returncode=FAILED)

    @staticmethod
    def describe(config_id: str, vendor_name: str, claims: dict[str, Any] | None,
                 results: list[RuleResult]) -> str:
        lines = [f"Token for {config_id} ({vendor_name}), checked offline:"]
        lines += [f"  {LABELS[r.outcome]}  {r.rule}" + (f": {r.detail}" if r.detail else "")
                  for r in results]
        if claims is not None:
            lines += ["Claims:", as_json(claims)]
            if isinstance(claims.get("exp"), (int, float)) and not isinstance(
                    claims["exp"], bool):
                lines.append(f"Expires: {utc(claims['exp'])}")
        return "\n".join(lines)


def read_identity(given: str | None, vendor_name: str) -> dict[str, Any]:
    """``--identity``: a JSON object, which an identity hash can't be checked without."""
    try:
        identity = json.loads(given) if given else None
    except ValueError:
        identity = None
    if not isinstance(identity, dict):
        raise CommandError(f"{vendor_name} checks a hash of the identity: pass the identity "
                           "the widget sends as --identity, a JSON object such as "
                           "'{\"email\": \"ada@example.com\"}'.", returncode=USAGE)
    return identity


def read_token(given: str, stdin: TextIO) -> str:
    """The token argument, or standard input for ``-``, stripped."""
    if given != FROM_STDIN:
        return given.strip()
    try:
        return stdin.read().strip()
    except UnicodeDecodeError:
        raise CommandError("No token: standard input is not UTF-8 text.",
                           returncode=USAGE) from None
