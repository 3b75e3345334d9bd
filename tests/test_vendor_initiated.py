"""Vendor-initiated sign-in (issue 12): vendors send users to the redirect view with their own
parameters; the view checks each and sends the user on with the token where the vendor
expects it, by a 302 or, for Zendesk, a POST form that keeps the token out of every URL."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client

from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.vendors.spec import VendorSpec
from tests.html import Snippet
from tests.oracle import verify

pytestmark = pytest.mark.django_db


def base(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def redirect(client: Client, vendor_id: str, **params: str) -> Any:
    return client.get(f"/feedback-sso/{vendor_id}/redirect/?{urlencode(params)}")


@pytest.fixture
def signed_in(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


# Each vendor's URL, from its own docs ------------------------------------------------------


def test_canny_sends_its_redirect_and_company_id_back(signed_in: Client, user: Any) -> None:
    """https://help.canny.io/en/articles/1961021: back to https://canny.io/api/redirects/sso
    with ssoToken, companyID and redirect."""
    target = "https://acme.canny.io/feature-requests/p/dark-mode"

    response = redirect(signed_in, "canny", redirect=target, companyID="5f0c0ffee0c0ffee0c0ffee0")

    assert response.status_code == 302
    assert base(response["Location"]) == "https://canny.io/api/redirects/sso"
    params = query(response["Location"])
    assert params["companyID"] == ["5f0c0ffee0c0ffee0c0ffee0"]
    assert params["redirect"] == [target]
    assert verify("canny", params["ssoToken"][0])["email"] == user.email


def test_canny_uses_its_own_company_id_whatever_arrives(signed_in: Client) -> None:
    response = redirect(signed_in, "canny", companyID="someone-elses-company")

    assert query(response["Location"])["companyID"] == ["5f0c0ffee0c0ffee0c0ffee0"]


def test_featurebase_sends_return_to_back(signed_in: Client, user: Any) -> None:
    """https://developers.featurebase.app/install/board/sso."""
    target = "https://acme.featurebase.app/roadmap"

    response = redirect(signed_in, "featurebase", return_to=target)

    assert base(response["Location"]) == "https://acme.featurebase.app/api/v1/auth/access/jwt"
    params = query(response["Location"])
    assert params["return_to"] == [target]
    assert verify("featurebase", params["jwt"][0])["userId"] == str(user.pk)


def test_featureos_sends_redirect_and_domain_back(signed_in: Client) -> None:
    """github.com/skcript/featureos-sso-redirect: …/redirects/sso?domain&redirect&ssoToken."""
    target = "https://feedback.acme.test/b/feature-requests"

    response = redirect(signed_in, "featureos", redirect=target, domain="feedback.acme.test")

    assert base(response["Location"]) == "https://app.featureos.app/redirects/sso"
    params = query(response["Location"])
    assert (params["domain"], params["redirect"]) == (["feedback.acme.test"], [target])
    assert verify("featureos", params["ssoToken"][0])


@pytest.mark.parametrize("domain", ["attacker.featureos.app", "evil.example", "EVIL.example"])
def test_featureos_never_sends_our_token_to_another_portals_domain(signed_in: Client,
                                                                   domain: str) -> None:
    """``domain`` tells FeatureOS where to sign the user in: a host of ours, or not at all."""
    response = redirect(signed_in, "featureos", domain=domain)

    assert query(response["Location"])["domain"] == ["feedback.acme.test"]


def test_featureos_started_by_the_site_names_the_portal_as_domain(signed_in: Client) -> None:
    response = redirect(signed_in, "featureos")

    assert query(response["Location"])["domain"] == ["feedback.acme.test"]


@pytest.mark.parametrize("domain", [
    "https://evil.example/", "evil.example/path", "a&ssoToken=forged", "a=b", "a%26b",
    "a b", "-leading-dash", "..", "x" * 256, "caf\u00e9.example", "a\r\nb",
])
def test_featureos_drops_a_domain_that_is_not_a_plain_name(signed_in: Client,
                                                           domain: str) -> None:
    response = redirect(signed_in, "featureos", domain=domain)

    params = query(response["Location"])
    assert params["domain"] == ["feedback.acme.test"]
    assert len(params["ssoToken"]) == 1


def test_suggix_puts_the_token_on_the_page_it_sent(signed_in: Client) -> None:
    """https://help.suggix.com/development/sso: ?redirect=https://feedback.yourwebsite.com,
    back with ?ssoToken=."""
    response = redirect(signed_in, "suggix", redirect="https://feedback.acme-suggix.test/p/42")

    assert base(response["Location"]) == "https://feedback.acme-suggix.test/p/42"
    assert verify("suggix", query(response["Location"])["ssoToken"][0])


def test_userback_lands_on_the_portal_url_it_documents(signed_in: Client) -> None:
    response = redirect(signed_in, "userback", next="/other-page")

    assert base(response["Location"]) == "https://acme.ideas.userback.io/p/AbCdEf"
    assert verify("userback", query(response["Location"])["sso_jwt"][0])


def test_productlane_sso_endpoint(signed_in: Client) -> None:
    response = redirect(signed_in, "productlane")

    assert base(response["Location"]) == "https://feedback.acme-lane.test/api/portal/sso"
    assert verify("productlane", query(response["Location"])["token"][0])


def test_website_toolbox_callback_with_jump(signed_in: Client) -> None:
    response = redirect(signed_in, "website_toolbox", next="/categories")

    assert base(response["Location"]) == "https://forum.acme.test/oauth"
    params = query(response["Location"])
    assert (params["action"], params["service"]) == (["doOauthCallback"], ["JWT"])
    assert params["jump"] == ["https://forum.acme.test/categories"]
    assert verify("website_toolbox", params["code"][0])


# Zendesk: a POST form -----------------------------------------------------------------------

ZENDESK_PARAMS = {"return_to": "https://acme.zendesk.com/hc/en-us/requests",
                  "brand_id": "360001", "locale_id": "1", "timestamp": "1700000000"}


def form_of(response: Any) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The form's attributes and its hidden input's."""
    elements = Snippet(response.content.decode()).elements
    (form,) = [element.attrs for element in elements if element.tag == "form"]
    (field,) = [element.attrs for element in elements if element.tag == "input"]
    return form, field


def test_zendesk_gets_the_token_in_a_post_body_never_a_url(signed_in: Client,
                                                            user: Any) -> None:
    response = redirect(signed_in, "zendesk", **ZENDESK_PARAMS)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert not response.has_header("Location")
    form, field = form_of(response)
    assert form["method"] == "post"
    assert base(str(form["action"])) == "https://acme.zendesk.com/access/jwt"
    assert query(str(form["action"])) == {name: [value] for name, value in ZENDESK_PARAMS.items()}
    assert (field["type"], field["name"]) == ("hidden", "jwt")
    assert verify("zendesk", str(field["value"]))["email"] == user.email
    assert "jwt=" not in str(form["action"])


def test_zendesk_form_page_is_never_cached_and_sends_no_referrer(signed_in: Client) -> None:
    response = redirect(signed_in, "zendesk")

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "private", "max-age=0"} <= cache_control
    assert response["Pragma"] == "no-cache"
    assert response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert '<meta name="referrer" content="no-referrer">' in html
    assert "<noscript><button type=\"submit\">Continue to Zendesk Help Center</button>" in html
    (script,) = Snippet(html).scripts()
    assert script.attrs == {"src": "/static/feedback_sso/post-form.js"}


@pytest.mark.parametrize(("name", "value"), [
    ("brand_id", "1&jwt=forged"), ("locale_id", "https://evil.example/"),
    ("timestamp", "1 2"), ("brand_id", ""), ("locale_id", "/x"),
])
def test_zendesk_drops_pass_through_values_that_are_not_plain(signed_in: Client, name: str,
                                                              value: str) -> None:
    response = redirect(signed_in, "zendesk", **{**ZENDESK_PARAMS, name: value})

    form, _ = form_of(response)
    expected = {key: [val] for key, val in ZENDESK_PARAMS.items() if key != name}
    assert query(str(form["action"])) == expected


def test_zendesk_drops_a_hostile_return_to(signed_in: Client) -> None:
    response = redirect(signed_in, "zendesk", return_to="https://evil.example/hc")

    form, _ = form_of(response)
    assert form["action"] == "https://acme.zendesk.com/access/jwt"


def test_zendesk_staff_go_to_the_return_target_without_a_token(client: Client,
                                                               staff_user: Any) -> None:
    client.force_login(staff_user)

    response = redirect(client, "zendesk", **ZENDESK_PARAMS)

    assert response.status_code == 302
    assert response["Location"] == ZENDESK_PARAMS["return_to"]


def test_anonymous_users_log_in_first_and_keep_the_vendors_parameters(client: Client) -> None:
    response = redirect(client, "zendesk", **ZENDESK_PARAMS)

    assert response.status_code == 302
    back = query(response["Location"])["next"][0]
    assert back == "/feedback-sso/zendesk/redirect/?" + urlencode(ZENDESK_PARAMS)


# The spec ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "message"), [
    ({"delivery_method": "put"}, "x: delivery_method must be get or post"),
    ({"passthrough_params": ("token",)}, "x: the token parameter can't be passed through"),
])
def test_spec_refuses_a_broken_delivery(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match="^" + message + "$"):
        VendorSpec(id="x", name="X", docs_url="", claim_names={"email": "email"}, **changes)


# Role-granting claims ------------------------------------------------------------------------


@pytest.mark.parametrize(("vendor_id", "claim", "value"), [
    ("featurebase", "role", "admin"),      # "used for user roles feature with enterprise plan"
    ("featureos", "add_to_team", True),    # "adds managers to a private org"
])
def test_role_granting_claims_come_from_hooks_never_from_user_fields(
        vendor_settings: Any, user: Any, vendor_id: str, claim: str, value: Any) -> None:
    config = get_vendor_config(vendor_id)
    assert claim in config.spec.role_claims
    assert claim not in issue_token_for(user, vendor_id).claims
    vendor_settings(USER_CLAIMS=lambda u, config_id: {claim: value}
                    if config_id == vendor_id else {})

    assert verify(vendor_id, issue_token_for(user, vendor_id).token)[claim] == value
