"""The WSGI application of the load test, and its setup step.

    python -m tests.security.load_server prepare 200   # migrate, users, sessions -> JSON
    gunicorn tests.security.load_server:application     # serve

Both need DJANGO_SETTINGS_MODULE=tests.security.load_settings and FEEDBACK_SSO_LOAD_DB.
"""

from __future__ import annotations

import json
import sys

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()


def prepare(count: int) -> list[dict[str, str]]:
    """Create ``count`` users, each logged in through a stored session; who is who."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from tests.factories import UserFactory

    call_command("migrate", run_syncdb=True, verbosity=0)
    logged_in = []
    for _ in range(count):
        user = UserFactory()
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        logged_in.append({"session": str(session.session_key), "email": user.email,
                          "pk": str(user.pk)})
    return logged_in


if __name__ == "__main__" and sys.argv[1:2] == ["prepare"]:
    print(json.dumps(prepare(int(sys.argv[2]))))
