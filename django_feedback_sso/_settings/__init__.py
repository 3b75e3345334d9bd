"""Parsing ``settings.FEEDBACK_SSO`` into a :class:`~django_feedback_sso.conf.Config`.

Private: the rest of the app reads the result through :mod:`django_feedback_sso.conf`.
Parsing never raises, whatever a value holds: every mistake becomes a
:class:`~django_feedback_sso.conf.Problem`, and no message ever quotes a ``SECRET``.
The types it builds are in :mod:`.types`, below the parser: imports run one way,
types <- parsing <- ``conf``.
"""

from .top import parse

__all__ = ["parse"]
