"""Signals a project can listen to, e.g. to audit who was signed in where."""

from django.dispatch import Signal

#: Sent after a token is minted, with ``config_id`` (the key under
#: ``FEEDBACK_SSO['VENDORS']``), ``vendor_id`` (the vendor it configures), ``user``,
#: ``claims``, ``jti`` and ``expires_at`` (Unix seconds). The secret and the token itself
#: are never sent.
token_issued = Signal()
