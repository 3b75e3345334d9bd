"""FeatureOS's quirks (github.com/skcript/featureos-sso-redirect: …/redirects/sso?domain&
redirect&ssoToken); its contract is generated (tests/contract/)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from tests.oracle import verify


@pytest.fixture
def signed_in(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def query(response: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(response["Location"]).query)


def test_featureos_sends_its_domain_back(signed_in: Client) -> None:
    target = "https://feedback.acme.test/b/feature-requests"

    response = signed_in.get("/feedback-sso/featureos/redirect/",
                             {"redirect": target, "domain": "feedback.acme.test"})

    params = query(response)
    assert (params["domain"], params["redirect"]) == (["feedback.acme.test"], [target])
    assert verify("featureos", params["ssoToken"][0])


@pytest.mark.parametrize("domain", [
    "attacker.featureos.app", "evil.example", "EVIL.example", "feedback.acme.test.",
    # Hosts without a dot are hosts too: a name, loopback, an IPv4 address as a number.
    "evilcorp", "localhost", "127.0.0.1", "2130706433", "0x7f000001",
])
def test_featureos_never_sends_our_token_to_another_portals_domain(signed_in: Client,
                                                                   domain: str) -> None:
    """``domain`` tells FeatureOS where to sign the user in: a host of ours, or not at all."""
    response = signed_in.get("/feedback-sso/featureos/redirect/", {"domain": domain})

    assert query(response)["domain"] == ["feedback.acme.test"]


@pytest.mark.parametrize("domain", ["localhost", "feedback", "Feedback.Acme.Test"])
def test_featureos_sends_back_a_domain_that_is_one_of_its_hosts_dotted_or_not(
        vendor_settings: Any, signed_in: Client, domain: str) -> None:
    vendor_settings("featureos", RETURN_HOSTS=["localhost", "feedback"])

    response = signed_in.get("/feedback-sso/featureos/redirect/", {"domain": domain})

    assert query(response)["domain"] == [domain]


@pytest.mark.parametrize("domain", [
    "https://evil.example/", "evil.example/path", "a&ssoToken=forged", "a=b", "a%26b",
    "a b", "-leading-dash", "..", "x" * 256, "caf\u00e9.example", "a\r\nb",
])
def test_featureos_drops_a_domain_that_is_not_a_plain_name(signed_in: Client,
                                                           domain: str) -> None:
    response = signed_in.get("/feedback-sso/featureos/redirect/", {"domain": domain})

    params = query(response)
    assert params["domain"] == ["feedback.acme.test"]
    assert len(params["ssoToken"]) == 1
