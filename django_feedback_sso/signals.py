"""Signals a project can listen to, e.g. to audit who was signed in where."""

from typing import Literal

from django.dispatch import Signal

#: Where a token was delivered: the template tag (or Jinja2 global), the JSON token
#: endpoint, the redirect view, the REST framework view, the ``feedback_sso_token``
#: management command, or ``code`` when a project calls ``issue_token`` itself.
Surface = Literal["tag", "endpoint", "redirect", "api", "command", "code"]
#: Every :data:`Surface`, in that order.
SURFACES: tuple[Surface, ...] = ("tag", "endpoint", "redirect", "api", "command", "code")

#: Sent after a token is minted, with ``config_id`` (the key under
#: ``FEEDBACK_SSO['VENDORS']``), ``vendor_id`` (the vendor it configures), ``user``,
#: ``claims``, ``jti``, ``expires_at`` (Unix seconds; ``None`` for an identity hash or a
#: DiscourseConnect answer, which carry no expiry), ``surface`` (one of
#: :data:`SURFACES`) and ``request`` (the ``HttpRequest`` it was minted for, ``None``
#: outside a request, e.g. from the management command). The secret and the token itself
#: are never sent.
token_issued = Signal()
