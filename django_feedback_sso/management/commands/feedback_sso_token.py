"""``manage.py feedback_sso_token <config id> <user>``: mint a token by hand."""

from __future__ import annotations

from typing import Any, NoReturn

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...delivery import delivery_url
from ...exceptions import FeedbackSSOError, FeedbackSSORefused
from ...tokens import IssuedToken, issue_token
from ._common import FAILED, USAGE, as_json, utc, vendor_config


class Command(BaseCommand):
    help = (
        "Mint a token for a user with one configuration (a key of FEEDBACK_SSO['VENDORS']) "
        "and print it with its decoded claims, its expiry and the delivery URL (the "
        "vendor's SSO URL the redirect view would send the user to, or the widget loader "
        "URL carrying the token). The same rules apply as on the site: a refused user "
        "(inactive, staff without ALLOW_STAFF, no email, USER_PASSES) gets the reason and "
        "exit status 1; an unknown configuration or user exits with 2. The token is "
        "recorded by the audit log, if installed, with the surface 'command'. The secret "
        "is never printed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("config_id", help="The configuration id, e.g. sleekplan.")
        parser.add_argument("user", help="The user's username, email address or primary "
                            "key; it must match exactly one user.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object "
                            "(config_id, vendor, user, token, claims, expires_at, "
                            "delivery_url; or error and reason) for scripts.")

    def handle(self, *args: Any, **options: Any) -> None:
        config = vendor_config(options["config_id"])
        user = find_user(options["user"])
        try:
            issued = issue_token(user, config, surface="command")
        except FeedbackSSORefused as refusal:
            self.refused(options["json"], "refused", refusal.reason, str(refusal))
        except FeedbackSSOError as exc:  # a hook's bad value: its message says which
            self.refused(options["json"], "failed", type(exc).__name__, str(exc))
        url = delivery_url(config, issued.token)
        if options["json"]:
            self.stdout.write(as_json({
                "config_id": config.id, "vendor": config.vendor.id,
                "user": {"pk": str(user.pk), "username": user.get_username()},
                "token": issued.token, "claims": dict(issued.claims),
                "expires_at": issued.expires_at, "delivery_url": url}))
        else:
            self.stdout.write(self.describe(config.vendor.name, user, issued, url))

    def refused(self, json_output: bool, error: str, reason: str, message: str) -> NoReturn:
        if json_output:
            self.stdout.write(as_json({"error": error, "reason": reason}))
        raise CommandError(message, returncode=FAILED)

    @staticmethod
    def describe(vendor_name: str, user: Any, issued: IssuedToken, url: str | None) -> str:
        expires = (utc(issued.expires_at) if issued.expires_at is not None
                   else "(never: what is signed carries no expiry)")
        lines = [f"Configuration: {issued.config_id} ({vendor_name})",
                 f"User:          {user.get_username()} (pk {user.pk})",
                 f"Expires:       {expires}",
                 f"Delivery URL:  {url or f'(none: {vendor_name} takes the token in a page)'}",
                 "Claims:", as_json(dict(issued.claims)),
                 "Token:", issued.token]
        return "\n".join(lines)


def find_user(value: str) -> Any:
    """The one user whose username, email address or primary key is ``value``."""
    model = get_user_model()
    manager = model._default_manager
    matches: dict[Any, tuple[Any, list[str]]] = {}
    lookups = [(model.USERNAME_FIELD, "username"), (model.get_email_field_name(), "email")]
    for field, label in lookups:
        for user in manager.filter(**{field: value}):
            matches.setdefault(user.pk, (user, []))[1].append(label)
    try:
        pk = model._meta.pk.to_python(value) if model._meta.pk is not None else None
    except ValidationError:
        pk = None
    if pk is not None:
        for user in manager.filter(pk=pk):
            matches.setdefault(user.pk, (user, []))[1].append("primary key")
    if not matches:
        raise CommandError(f"No user has the username, email address or primary key "
                           f"{value!r}.", returncode=USAGE)
    if len(matches) > 1:
        found = "; ".join(f"pk {pk} by {' and '.join(how)}" for pk, (_, how) in matches.items())
        raise CommandError(f"{value!r} matches {len(matches)} users ({found}); give the "
                           "primary key or the username instead.", returncode=USAGE)
    return next(iter(matches.values()))[0]
