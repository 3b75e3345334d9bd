"""``path("sandbox/", include("django_feedback_sso.sandbox.urls"))`` (development only)."""

from __future__ import annotations

from django.urls import URLPattern, path
from django.urls.resolvers import ResolverMatch

from .discourse import ForumLoginView, ForumSignInView
from .guard import sandbox_enabled
from .oidc import OIDCImplicitView, OIDCLoginView
from .views import PortalView, VerifyView, WidgetScriptView

app_name = "feedback_sso_sandbox"


class SandboxURLPattern(URLPattern):
    """A sandbox URL that exists only while the sandbox serves (``guard``). Otherwise it
    resolves nothing: a request gets the 404 of an unknown URL, and ``APPEND_SLASH`` finds
    no ``…/verify/`` to send ``…/verify`` to with a 301 that gives the sandbox away."""

    def resolve(self, path: str) -> ResolverMatch | None:
        return super().resolve(path) if sandbox_enabled() else None


def _while_enabled(pattern: URLPattern) -> SandboxURLPattern:
    return SandboxURLPattern(pattern.pattern, pattern.callback, pattern.default_args,
                             pattern.name)


urlpatterns = [_while_enabled(pattern) for pattern in [
    # The Discourse stand-in's two URLs, at the forum's own paths below its portal.
    path("<slug:config_id>/portal/session/sso", ForumSignInView.as_view(),
         name="discourse_sso"),
    path("<slug:config_id>/portal/session/sso_login", ForumLoginView.as_view(),
         name="discourse_sso_login"),
    path("<slug:config_id>/portal/", PortalView.as_view(), name="portal"),
    path("<slug:config_id>/portal/<path:page>", PortalView.as_view(), name="portal"),
    path("<slug:config_id>/verify/", VerifyView.as_view(), name="verify"),
    path("<slug:config_id>/widget.js", WidgetScriptView.as_view(), name="widget"),
    # Freshworks' round trip: its portal's sign-in, and its SP page (the SSO_URL).
    path("<slug:config_id>/oidc/login", OIDCLoginView.as_view(), name="oidc_login"),
    path("<slug:config_id>/oidc/sp/OIDC/<slug:client_id>/implicit", OIDCImplicitView.as_view(),
         name="oidc_implicit"),
]]
