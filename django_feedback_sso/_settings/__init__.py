"""Parsing ``settings.FEEDBACK_SSO`` into a :class:`~django_feedback_sso.conf.Config`.

Private: the rest of the app reads the result through :mod:`django_feedback_sso.conf`.
Parsing never raises, whatever a value holds: every mistake becomes a
:class:`~django_feedback_sso.conf.Problem`, and no message ever quotes a ``SECRET``.
"""

from .top import parse

__all__ = ["parse"]
