"""Featurebase's quirks: what the generated contract (tests/contract/) doesn't cover."""

from __future__ import annotations

from typing import Any

from django_feedback_sso.shortcuts import issue_token_for
from tests.oracle import verify


def test_featurebase_flat_custom_attributes_and_company_ids_pass_through(
        vendor_settings: Any, user: Any) -> None:
    # The newest JWT article
    # (https://help.featurebase.app/en/help/articles/5257986-creating-and-signing-a-jwt):
    # custom attributes are top-level keys (created in Featurebase first), not a
    # customFields object, and each company is named by companyId.
    extra = {"plan": "enterprise", "seats": 12, "companies": [
        {"companyId": "acme-1", "name": "Acme", "monthlySpend": 500, "industry": "Retail"}]}
    vendor_settings(USER_CLAIMS=lambda u, config_id: extra)

    claims = verify("featurebase", issue_token_for(user, "featurebase").token)

    assert {name: value for name, value in claims.items()
            if name not in ("iat", "exp", "jti")} == {
        "email": user.email, "userId": str(user.pk), "name": "Jane Doe", **extra}
