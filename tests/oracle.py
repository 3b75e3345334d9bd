"""Independent checks of minted tokens: joserfc, not the PyJWT the app mints with.

The rules below are transcribed from each vendor's documentation (see
../shared/research/vendors.md, Part A), not imported from the app's specs, so a wrong spec
fails these tests instead of agreeing with itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from joserfc import jwt
from joserfc.jwk import OctKey

from tests.settings import SECRETS


@dataclass(frozen=True)
class DocumentedRules:
    required: tuple[str, ...]
    max_lifetime: int | None = None
    email_claim: str = "email"


DOCUMENTED = {
    # https://sleekplan.com/docs/authentication/single-sign-on: mail required.
    "sleekplan": DocumentedRules(required=("mail",), email_claim="mail"),
    # https://www.productlift.dev/docs/single-sign-on: email, uid, name required.
    "productlift": DocumentedRules(required=("email", "uid", "name")),
    # help.feedbackchimp.com 10064: email, name, random jti.
    "feedbackchimp": DocumentedRules(required=("email", "name", "jti")),
    # Issuely help: companyId, email, iat, exp; exp within 10 minutes of iat.
    "issuely": DocumentedRules(required=("companyId", "email", "iat", "exp"), max_lifetime=600),
    # BoostGPT docs: email required; HS256 only; expire within 1 hour.
    "boostgpt": DocumentedRules(required=("email",), max_lifetime=3600),
}


def verify(vendor_id: str, token: str, *, secret: str | None = None) -> dict[str, Any]:
    """Decode with joserfc, HS256 only, and apply the vendor's documented rules."""
    key = OctKey.import_key(secret or SECRETS[vendor_id])
    decoded = jwt.decode(token, key, algorithms=["HS256"])
    assert decoded.header == {"alg": "HS256", "typ": "JWT"}
    claims = decoded.claims
    jwt.JWTClaimsRegistry(exp={"essential": True}, iat={"essential": True},
                          jti={"essential": True}).validate(claims)
    rules = DOCUMENTED[vendor_id]
    for name in rules.required:
        assert claims.get(name) not in (None, ""), f"{vendor_id}: {name} missing"
    if rules.max_lifetime is not None:
        assert claims["exp"] - claims["iat"] <= rules.max_lifetime
    return claims
