"""``manage.py create_demo_users``: the demo accounts, created or reset, then printed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.users import DEMO_USERS


class Command(BaseCommand):
    help = "Create (or reset) the demo users and print their credentials."

    def handle(self, *args: Any, **options: Any) -> None:
        model = get_user_model()
        for demo in DEMO_USERS:
            user, _ = model.objects.update_or_create(
                username=demo.username,
                defaults={"first_name": demo.first_name, "last_name": demo.last_name,
                          "email": demo.email, "is_staff": demo.is_staff, "is_active": True},
            )
            user.set_password(demo.password)
            user.save()
            role = "staff (refused SSO)" if demo.is_staff else "regular user"
            self.stdout.write(f"  {demo.username} / {demo.password}  {role}")
