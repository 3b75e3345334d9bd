"""One built-in vendor as the tests see it: its spec, its fixture, and what follows from them.

Expectations come from the fixture (the vendor's documents, an example configuration, the
snippet written out by hand), never from the spec: the spec only lends the labels a test
needs to find things (the display name a link shows).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.templatetags.static import static
from django.urls import reverse

import django_feedback_sso
from django_feedback_sso.vendors import BUILTIN_SPECS
from django_feedback_sso.vendors.spec import VendorSpec
from tests.html import Parsed
from tests.oracle import DOCUMENTED, DocumentedRules
from tests.settings import FIXTURES

#: A URL's parts, its query as sorted pairs: two URLs compare equal whatever the order.
URLParts = tuple[str, str, str, list[tuple[str, str]]]


def user_facts(user: Any) -> dict[str, str]:
    """What each identity source gives, by the README's rules rather than the app's code."""
    full_name = f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}".strip()
    return {"email": user.email, "user_id": str(user.pk),
            "display_name": (full_name or user.get_username())[:255],
            "username": user.get_username()}


def url_parts(url: str, *, drop: str | None = None) -> URLParts:
    """``url`` as scheme, host, path and its query pairs, less the parameter ``drop``."""
    parts = urlsplit(url)
    query = sorted((name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)
                   if name != drop)
    return parts.scheme, parts.netloc, parts.path, query


class _Values(dict[str, Any]):
    """A configuration for ``str.format_map``: ``{OPTION_HOST}`` is an option's host."""

    def __missing__(self, key: str) -> Any:
        if key.endswith("_HOST"):
            return urlsplit(self[key.removesuffix("_HOST")]).netloc
        raise KeyError(key)


@dataclass(frozen=True)
class VendorFacts:
    """One built-in vendor's folder, read for the tests."""

    id: str
    spec: VendorSpec
    rules: DocumentedRules
    example: Mapping[str, Any]
    #: The fixture's ``SNIPPET``; ``None`` for a vendor whose tag is the redirect link.
    snippet: tuple[Parsed, ...] | None

    @classmethod
    def of(cls, vendor_id: str) -> VendorFacts:
        fixture = FIXTURES[vendor_id]
        snippet = getattr(fixture, "SNIPPET", None)
        return cls(vendor_id, BUILTIN_SPECS[vendor_id], DOCUMENTED[vendor_id], fixture.EXAMPLE,
                   None if snippet is None else tuple(snippet))

    def class_name(self, kind: str) -> str:
        """``TestWebsiteToolbox<kind>``: a test class name for this vendor."""
        return "Test" + "".join(part.title() for part in self.id.split("_")) + kind

    @property
    def module_url(self) -> str:
        """The vendor's ``widget.js`` as the app serves it: its URL and a hash prefix."""
        path = Path(django_feedback_sso.__file__).parent / "vendors" / self.id / "widget.js"
        version = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.exists() else ""
        return f"{reverse('feedback_sso:script', args=[self.id])}?v={version}"

    def expand(self, template: str, options: Mapping[str, Any] | None = None) -> str:
        """``template`` with ``{OPTION}`` from ``options`` (the fixture's EXAMPLE unless
        given), ``{OPTION_HOST}``, and the app's own ``{helper}``, ``{token_url}`` and
        ``{redirect_url}``, and ``{module}``: the URL of the vendor's JavaScript module,
        versioned by its content's hash (worked out here from the file)."""
        values = _Values(self.example if options is None else options)
        values.update(helper=static("feedback_sso/feedback-sso.js"), module=self.module_url,
                      token_url=reverse("feedback_sso:token", args=[self.id]),
                      redirect_url=reverse("feedback_sso:redirect", args=[self.id]))
        return template.format_map(values)

    # The redirect ------------------------------------------------------------------------

    @property
    def sso_url(self) -> str:
        """Where the token goes when the site sends the user, for the test settings."""
        assert self.rules.sso_url is not None, f"{self.id} documents no SSO URL"
        return self.expand(self.rules.sso_url)

    @property
    def portal(self) -> str:
        """The vendor's pages for the site's users, for the test settings."""
        assert self.rules.portal is not None, f"{self.id} documents no portal"
        return self.expand(self.rules.portal)

    @property
    def hosts(self) -> set[str]:
        """The vendor's own hosts: its SSO URL's and its portal's."""
        return {urlsplit(self.sso_url).netloc, urlsplit(self.portal).netloc}

    @property
    def own_host(self) -> str:
        """The portal's host: the one a return target names."""
        return urlsplit(self.portal).netloc

    @property
    def return_params(self) -> tuple[str, ...]:
        """Where a return target reaches the redirect view: ``next``, and the vendor's own."""
        own = self.rules.sends_return_in
        return ("next",) if own in (None, "next") else ("next", own)

    @property
    def keeps_targets(self) -> bool:
        """The vendor takes users on to a page after sign-in."""
        return self.rules.any_page or self.rules.return_param is not None

    # The token and the snippet -----------------------------------------------------------

    def claims_for(self, user: Any) -> dict[str, Any]:
        """The claims the vendor's documents say a token for ``user`` carries."""
        facts = user_facts(user)
        return {**{claim: facts[fact] for claim, fact in self.rules.identity.items()},
                **{claim: self.example[option]
                   for claim, option in self.rules.option_claims.items()},
                **self.rules.fixed_claims}

    def expected_snippet(self, *, signed_in: bool) -> list[Parsed]:
        """The whole snippet the tag renders with EXAMPLE; ``TOKEN`` marks the token,
        which only a signed-in user gets."""
        written = self.snippet or (
            ("a", {"href": "{redirect_url}", "class": "feedback-sso-link",
                   "data-feedback-sso": self.id}, f"Open {self.spec.name}"),)
        expanded = [(tag, {name: self.expand(value) for name, value in attrs.items()}, text)
                    for tag, attrs, text in written]
        if signed_in:
            return expanded
        return [(tag, _without_token(attrs), text) for tag, attrs, text in expanded]


def _without_token(attrs: dict[str, str]) -> dict[str, str]:
    """The attributes an anonymous user gets: no ``TOKEN`` attribute or URL parameter."""
    kept = {}
    for name, value in attrs.items():
        if value == "TOKEN":
            continue
        if "TOKEN" in value:
            parts = urlsplit(value)
            query = [(key, val) for key, val in parse_qsl(parts.query) if val != "TOKEN"]
            value = urlunsplit(parts._replace(query=urlencode(query)))
        kept[name] = value
    return kept
