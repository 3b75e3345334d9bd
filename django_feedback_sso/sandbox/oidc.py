"""The stand-in for a vendor that starts an OpenID-style implicit round trip (Freshworks).

Its portal's sign-in (``oidc/login``) does what Freshworks does
(https://supportsandbox.freshdesk.com/support/solutions/articles/11000000028069): it makes a
``nonce`` and a ``state``, remembers them for this browser, and sends the browser to the
site's redirect view with ``response_type=id_token``, ``client_id``, ``scope``, ``state``,
``redirect_uri`` and ``nonce``. Its SP page (``oidc/sp/OIDC/<client id>/implicit``, the
``SSO_URL``) takes ``state`` and ``id_token`` back, verifies the token with the public half
of the configured key, and refuses a state or nonce it did not issue ("Invalid state param
or nonce param sent by IDP", article 11000000028132).
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from ..conf import VendorConfig
from .views import Outcome, SandboxView, _back_url, _claims, _status, check

#: How long a sign-in the stand-in started may take to come back, in seconds.
MAX_AGE = 600


def _cookie(config: VendorConfig) -> str:
    return f"feedback_sso_sandbox_oidc_{config.id}"


def _salt(config: VendorConfig) -> str:
    return f"feedback_sso.sandbox.oidc.{config.id}"


class OIDCView(SandboxView):
    """A sandbox view for configurations whose vendor starts the implicit round trip."""

    def oidc_config(self, config_id: str) -> VendorConfig:
        config = self.vendor_config(config_id)
        if config.spec.redirect.handshake != "oidc_implicit":
            raise Http404("This vendor does not start an implicit round trip.")
        return config

    @staticmethod
    def sso_url(config: VendorConfig) -> str:
        return str(config.options[config.spec.redirect.sso_url_option or ""])


class OIDCLoginView(OIDCView):
    """The portal's sign-in: off to the site's redirect view, as Freshworks sends users."""

    def get(self, request: HttpRequest, config_id: str) -> HttpResponse:
        config = self.oidc_config(config_id)
        sso_url = self.sso_url(config)
        nonce = secrets.token_urlsafe(12)
        # Freshworks' state decodes to "<org host>;<hash>;<nonce>" (its example, decoded).
        state = base64.b64encode(f"{urlsplit(sso_url).netloc};{secrets.token_urlsafe(24)};"
                                 f"{nonce}".encode()).decode()
        query = {"response_type": "id_token", "client_id": _client_id(sso_url),
                 "scope": "openid email profile", "state": state, "redirect_uri": sso_url,
                 "nonce": nonce}
        url = f"{reverse('feedback_sso:redirect', args=[config.id])}?{urlencode(query)}"
        response = HttpResponseRedirect(url)
        response.set_signed_cookie(_cookie(config), json.dumps({"state": state, "nonce": nonce}),
                                   salt=_salt(config), max_age=MAX_AGE, httponly=True,
                                   samesite="Lax", secure=request.is_secure())
        return response


class OIDCImplicitView(OIDCView):
    """The SP page (``SSO_URL``): who signed in, or why the answer was refused."""

    def get(self, request: HttpRequest, config_id: str, client_id: str) -> HttpResponse:
        config = self.oidc_config(config_id)
        if client_id != _client_id(self.sso_url(config)):
            raise Http404("No such SSO policy.")
        outcome = self.outcome(request, config)
        context = {"vendor": config.vendor, "outcome": outcome, "claims": _claims(outcome),
                   "page": request.path, "back_url": _back_url(request),
                   "sign_in_url": reverse("feedback_sso_sandbox:oidc_login", args=[config.id])}
        response = TemplateResponse(request, "feedback_sso_sandbox/portal.html", context,
                                    status=_status(outcome))
        response.delete_cookie(_cookie(config), samesite="Lax")  # a sign-in is answered once
        return response

    @staticmethod
    def outcome(request: HttpRequest, config: VendorConfig) -> Outcome:
        started = _started(request, config)
        if started is None:
            return Outcome("refused", reason="invalid_state",
                           detail="no sign-in was started from this browser (or it expired)")
        if request.GET.get("state") != started.get("state"):
            return Outcome("refused", reason="invalid_state",
                           detail="Invalid state param sent by IDP: it must come back unchanged")
        outcome = check(config, request.GET.get(config.spec.redirect.token_param) or None)
        if outcome.state == "signed-in" and outcome.claims.get("nonce") != started.get("nonce"):
            return Outcome("refused", reason="invalid_nonce",
                           detail="Invalid nonce param sent by IDP: the id_token must carry "
                                  "the nonce of this sign-in")
        return outcome


def _started(request: HttpRequest, config: VendorConfig) -> dict[str, Any] | None:
    """The state and nonce this browser's sign-in was started with, if any."""
    try:
        value = request.get_signed_cookie(_cookie(config), salt=_salt(config), max_age=MAX_AGE)
        started = json.loads(value or "")
    except (KeyError, signing.BadSignature, ValueError):
        return None
    return started if isinstance(started, dict) else None


def _client_id(sso_url: str) -> str:
    """The SSO policy's id: ``…/sp/OIDC/<client id>/implicit``."""
    parts = urlsplit(sso_url).path.rstrip("/").split("/")
    return parts[-2] if len(parts) >= 2 else ""
