"""The WSGI application gunicorn serves in the server benchmark."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
application = get_wsgi_application()

# The server benchmark measures the app without the audit log (as the in-process rows do).
from django_feedback_sso.audit.receivers import disconnect  # noqa: E402 - after setup

disconnect()
