"""Freshworks' OpenID-style implicit round trip: answer its ``nonce`` and ``state``.

Freshworks sends the browser to the redirect view (the "Authorization URL" of its JWT SSO
settings) with ``response_type=id_token``, ``client_id``, ``scope``, ``state``,
``redirect_uri`` and ``nonce``; it takes back ``<redirect URL>?state=…&id_token=…``, the
token signed RS256 and echoing the nonce
(https://supportsandbox.freshdesk.com/support/solutions/articles/11000000028109).

Only the nonce and the state are read. The token goes to the configured ``SSO_URL`` and
nowhere else: the incoming ``redirect_uri`` (and ``client_id``, ``scope``) is never followed,
since a link with a redirect_uri of an attacker's would otherwise hand them a signed
identity token for whoever clicks it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseBase, HttpResponseRedirect

from ..tokens import IssuedToken
from . import token_or_answer

if TYPE_CHECKING:
    from django.http import HttpRequest

    from ..conf import VendorConfig

# A nonce or state is an opaque short value: Freshworks' are base64 ("xb2Ce5AGSDGhWYQI",
# a state ending "SQ=="). Nothing that reads as a URL, a second parameter or markup.
_NONCE = re.compile(r"[A-Za-z0-9._~+/=-]{1,255}")
_STATE = re.compile(r"[A-Za-z0-9._~+/=-]{1,1024}")


def answer(request: HttpRequest, config: VendorConfig) -> HttpResponseBase:
    """``SSO_URL?state=…&id_token=…`` for the signed-in user, or why not."""
    nonce = request.GET.get("nonce", "")
    if not _NONCE.fullmatch(nonce):  # nothing to bind a token to: nothing issued
        return _text(400, f"This sign-in link is incomplete: {config.spec.name} sends a "
                          f"nonce. Start again from {config.spec.name}.")
    issued = token_or_answer(request, config, nonce, functools.partial(_refused, config))
    if not isinstance(issued, IssuedToken):
        return issued
    state = request.GET.get("state", "")
    query = {"state": state} if _STATE.fullmatch(state) else {}
    query[config.spec.redirect.token_param] = issued.token
    sso_url = str(config.options[config.spec.redirect.sso_url_option or ""])
    separator = "&" if "?" in sso_url else "?"
    response = HttpResponseRedirect(f"{sso_url}{separator}{urlencode(query)}")
    response["Referrer-Policy"] = "no-referrer"
    return response  # the redirect view marks every handshake's answer never-cached


def _refused(config: VendorConfig, status: int) -> HttpResponseBase:
    """No token: the user may not have one (403), or minting failed (503, logged)."""
    if status == 403:
        return _text(403, f"Your account can't be signed in to {config.spec.name} from this "
                          f"site. Sign in at {config.spec.name} directly.")
    return _text(status, "Sign-in to this service is unavailable.")


def _text(status: int, message: str) -> HttpResponseBase:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
