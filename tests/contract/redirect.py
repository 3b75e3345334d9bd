"""The redirect view: it carries the token to the URL the vendor documents, by the parameter
it documents, and keeps to the vendor's own pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client

from tests.contract.base import Contract
from tests.contract.facts import URLParts, VendorFacts, url_parts
from tests.contract.token import assert_never_cached
from tests.html import Snippet
from tests.oracle import verify

#: A page on no host of any vendor's.
FOREIGN_PAGE = "https://evil.example/ideas/42"


def landing(response: Any, token_param: str) -> tuple[str, list[str]]:
    """Where the browser goes next and the tokens it carries: a 302's ``Location``, or the
    action of a POST form with its hidden field, the token never in its URL."""
    if response.status_code == 302:
        location = response["Location"]
        return location, parse_qs(urlsplit(location).query).get(token_param, [])
    assert response.status_code == 200
    found = Snippet(response.content.decode()).elements
    (form,) = [element.attrs for element in found if element.tag == "form"]
    action = str(form["action"])
    assert token_param not in parse_qs(urlsplit(action).query)
    return action, [str(element.attrs["value"]) for element in found
                    if element.tag == "input" and element.attrs.get("name") == token_param]


@pytest.mark.django_db
class RedirectContract(Contract):
    """A vendor with an SSO URL."""

    def parameters(self) -> dict[str, Sequence[Any]]:
        return {**super().parameters(), "return_param": self.vendor.return_params}

    @property
    def token_param(self) -> str:
        assert self.vendor.rules.token_param is not None, f"{self.vendor.id}: no token_param"
        return self.vendor.rules.token_param

    def own_page(self) -> str:
        return f"{self.vendor.portal}/ideas/42"

    def redirect(self, client: Client, **params: str) -> Any:
        query = f"?{urlencode(params)}" if params else ""
        return client.get(f"/feedback-sso/{self.vendor.id}/redirect/{query}")

    def expected_landing(self, target: str | None = None) -> URLParts:
        """Where the vendor documents the token goes, with the page to go on to."""
        rules = self.vendor.rules
        if target and rules.any_page:
            return url_parts(target)
        scheme, host, path, query = url_parts(self.vendor.sso_url)
        if target and rules.return_param:
            query = sorted([*query, (rules.return_param, target)])
        return scheme, host, path, query

    def signed_in_landing(self, response: Any, user: Any) -> URLParts:
        """The landing URL less its token, which verifies and names ``user``."""
        url, tokens = landing(response, self.token_param)
        (token,) = tokens
        assert verify(self.vendor.id, token)[self.vendor.rules.email_claim] == user.email
        return url_parts(url, drop=self.token_param)

    def test_the_redirect_carries_the_token_where_the_vendor_documents(
            self, client: Client, user: Any) -> None:
        client.force_login(user)

        response = self.redirect(client)

        assert self.signed_in_landing(response, user) == self.expected_landing()
        assert_never_cached(response)

    def test_an_own_page_goes_on_as_the_vendor_documents(self, client: Client, user: Any,
                                                        return_param: str) -> None:
        """Kept where the vendor takes users on after sign-in, dropped where it doesn't."""
        client.force_login(user)

        response = self.redirect(client, **{return_param: self.own_page()})

        expected = self.expected_landing(self.own_page() if self.vendor.keeps_targets else None)
        assert self.signed_in_landing(response, user) == expected

    def test_a_foreign_page_is_dropped(self, client: Client, user: Any,
                                       return_param: str) -> None:
        client.force_login(user)

        response = self.redirect(client, **{return_param: FOREIGN_PAGE})

        assert self.signed_in_landing(response, user) == self.expected_landing()

    def test_refused_users_go_to_the_portal_without_a_token(self, client: Client,
                                                            staff_user: Any) -> None:
        client.force_login(staff_user)

        response = self.redirect(client)

        assert (response.status_code, response["Location"]) == (302, self.vendor.portal)


class KeepsTargets(RedirectContract):
    """A vendor that takes users on to a page after sign-in."""

    def test_refused_users_go_straight_to_an_own_page(self, client: Client, staff_user: Any,
                                                      return_param: str) -> None:
        """No token: straight to the page, to sign in there."""
        client.force_login(staff_user)

        response = self.redirect(client, **{return_param: self.own_page()})

        assert (response.status_code, response["Location"]) == (302, self.own_page())


@pytest.mark.django_db
class NoRedirect(Contract):
    """A vendor without an SSO URL (a widget only) has no redirect view."""

    def test_there_is_no_redirect_view(self, client: Client, user: Any) -> None:
        client.force_login(user)

        assert client.get(f"/feedback-sso/{self.vendor.id}/redirect/").status_code == 404


def redirect_parts(vendor: VendorFacts) -> list[type[Contract]]:
    """The parts of the redirect's contract that apply to ``vendor``."""
    if vendor.rules.sso_url is None:
        return [NoRedirect]
    return [KeepsTargets if vendor.keeps_targets else RedirectContract]
