"""Sign-out: after the site signs a user out, make each vendor's widget forget them too.

Widgets keep their own session in the browser (Sleekplan's in its SDK storage): after
``logout()``, the next person at that computer would still be signed in at the vendor.
When Django sends ``user_logged_out``, the configurations whose vendor documents a way to
forget the user (``VendorSpec.sign_out_call``) are noted on the request;
:class:`SignOutMiddleware` keeps them in a signed cookie. The next page that renders the
tag for such a configuration without signing anyone in (an anonymous visitor, or a user
refused a token) adds ``sign-out.js``, which makes the call, and the configuration
leaves the cookie; the cookie is deleted when none is left. A page that signs a new user
in leaves the entry for later: the new token replaces the old identity there, and a reset
would sign the new user out.

Off unless ``"django_feedback_sso.signout.SignOutMiddleware"`` is in ``MIDDLEWARE``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

from .conf import VendorConfig, get_config
from .exceptions import FeedbackSSOConfigurationError
from .vendors.parts import sign_out_json

COOKIE = "feedback_sso_sign_out"
SALT = "django_feedback_sso.signout"
#: On the request: the configuration ids still to be told, once this request has read or
#: changed them (the middleware writes them back to the cookie).
_PENDING = "_feedback_sso_sign_out"
_SEPARATOR = "."  # not in a configuration id (a slug), and safe in a cookie


@receiver(user_logged_out, dispatch_uid="django_feedback_sso.signout.logged_out")
def _logged_out(*, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None:
        request.__dict__[_PENDING] = _configurations_that_sign_out()


def _configurations_that_sign_out() -> set[str]:
    """Every working configuration whose vendor documents a sign-out call."""
    try:
        vendors = get_config().vendors
    except FeedbackSSOConfigurationError:  # logging out must work whatever the settings
        return set()
    return {config_id for config_id, config in vendors.items()
            if isinstance(config, VendorConfig) and config.spec.widget.sign_out_call}


def pending(request: Any) -> set[str]:
    """The configuration ids whose widgets still have to forget the user."""
    if request is None:
        return set()
    if _PENDING not in request.__dict__:
        value = request.get_signed_cookie(COOKIE, default="", salt=SALT,
                                          max_age=settings.SESSION_COOKIE_AGE)
        request.__dict__[_PENDING] = set(filter(None, value.split(_SEPARATOR)))
    found: set[str] = request.__dict__[_PENDING]
    return found


def take(request: Any, config: VendorConfig, signs_in: bool) -> str | None:
    """The sign-out call to make on this page for ``config``, once; ``None`` if none is due.

    ``signs_in``: the page signs a user in at this vendor (a token, or a signed-in user
    whose widget fetches one); the call waits for a page that doesn't.
    """
    waiting = pending(request)
    if signs_in or config.id not in waiting or not config.spec.widget.sign_out_call:
        return None
    waiting.discard(config.id)
    return sign_out_json(config.spec.widget.sign_out_call)


class SignOutMiddleware:
    """Keeps the configurations still to be told in a signed, HTTP-only cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if _PENDING not in request.__dict__:
            return response  # nothing read or changed: the cookie stays as it is
        waiting = request.__dict__[_PENDING]
        if waiting:
            response.set_signed_cookie(
                COOKIE, _SEPARATOR.join(sorted(waiting)), salt=SALT,
                max_age=settings.SESSION_COOKIE_AGE, secure=settings.SESSION_COOKIE_SECURE,
                httponly=True, samesite="Lax")
        elif COOKIE in request.COOKIES:
            response.delete_cookie(COOKIE, samesite="Lax")
        return response
