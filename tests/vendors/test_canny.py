"""Canny's quirks (https://developers.canny.io/install/widget/sso); its contract is generated
(tests/contract/)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.test import Client


def test_canny_uses_its_own_company_id_whatever_arrives(client: Client, user: Any) -> None:
    """https://help.canny.io/en/articles/1961021: Canny's SSO redirect sends companyID; the
    token goes back with the configured one, never another company's."""
    client.force_login(user)

    response = client.get("/feedback-sso/canny/redirect/", {"companyID": "someone-elses-company"})

    assert parse_qs(urlsplit(response["Location"]).query)["companyID"] == [
        "5f0c0ffee0c0ffee0c0ffee0"]
