"""``manage.py feedback_sso_public_key <config id>``: the public key to give the vendor."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...tokens import public_key_pem
from ._common import USAGE, vendor_config


class Command(BaseCommand):
    help = (
        "Print the public key (SubjectPublicKeyInfo PEM, -----BEGIN PUBLIC KEY-----) of a "
        "configuration that signs with the site's own key pair (PRIVATE_KEY: Freshworks), "
        "to paste into the vendor's SSO settings. The private key is never printed. A "
        "configuration with a shared SECRET has no public key; it and an unknown "
        "configuration exit with 2."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("config_id", help="The configuration id, e.g. freshdesk.")

    def handle(self, *args: Any, **options: Any) -> None:
        config = vendor_config(options["config_id"])
        if not config.spec.token.uses_key_pair:
            raise CommandError(
                f"{config.id}: {config.spec.name} shares a SECRET with the site; there is no "
                "public key to give it (only PRIVATE_KEY vendors have one, such as Freshworks).",
                returncode=USAGE)
        self.stdout.write(public_key_pem(config), ending="")
