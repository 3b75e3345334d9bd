"""Property tests: whatever a user's fields hold, snippets stay intact and tokens stay exact.

User data reaches a page only inside the token, so hostile names, emails with ``</script>``
and 10 kB strings must leave every snippet with exactly its usual elements and attributes
(parsed by html5lib, the HTML5 parsing algorithm browsers use), and the token must verify
with joserfc and carry the values exactly. A blank email is refused, never signed.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from joserfc import jwt
from joserfc.jwk import OctKey
from joserfc.jws import JWSRegistry

from django_feedback_sso.exceptions import FeedbackSSOClaimError
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.views import TokenView
from tests.conftest import JWT_VENDORS, VENDORS, render_tag, request_for
from tests.contract.facts import VendorFacts
from tests.customuser.models import EmailUser
from tests.html import elements, marked_tokens
from tests.oracle import verify
from tests.security.hooks import EXTRA
from tests.settings import FEEDBACK_SSO, SECRETS

PROPERTY_SETTINGS = settings(max_examples=30, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])

HOSTILE = [
    "</script><script>alert(1)</script>", "</SCRIPT >", "<!--", "<!-- <script>",
    "--><script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "' onmouseover='x",
    "]]>", "${alert(1)}`", "{{ request }}", "{% debug %}", "&lt;script&gt;", "&#60;",
    "\\u003c/script\\u003e", "\u2028\u2029", "\x00\x01\x08\x1b\x7f", "\r\n\t", "\ufeff",
    "\U0001f600", "\U0001f3f3\ufe0f\u200d\U0001f308", "a\u0301", "\u0130", "\u01c4",
    "\u202eevil", "<a href=javascript:alert(1)>x</a>", "@", "  ",
]

#: Any text: random unicode (no lone surrogates, which no database stores), the hostile
#: list, and 10 kB repetitions of it.
field = st.one_of(
    st.text(max_size=30),
    st.sampled_from(HOSTILE),
    st.sampled_from(HOSTILE).map(lambda value: (value * 10_240)[:10_240]),
)
emails = st.one_of(field, st.emails(), st.emails().map(lambda e: f"{e}</script><!--"))
#: Each vendor's claims and whole snippet, from its folder's fixture.
FACTS = {vendor_id: VendorFacts.of(vendor_id) for vendor_id in VENDORS}


@st.composite
def users(draw: Any) -> Any:
    """An unsaved user of either model; the tag, policy and views need no database."""
    if draw(st.booleans()):
        return User(pk=draw(st.integers(1, 2**31)), username=draw(field.filter(bool)),
                    email=draw(emails), first_name=draw(field), last_name=draw(field))
    return EmailUser(id=draw(st.uuids()), email=draw(emails))


class _LargeTokens(JWSRegistry):
    """joserfc refuses tokens over ~129 kB, a verifier's guard against huge input; 10 kB of
    control characters, escaped six-fold in JSON and repeated across claims, get past it.
    No vendor documents a size limit, so such tokens are checked without that guard."""

    max_payload_length = 10_000_000


def verify_any_size(vendor_id: str, token: str) -> dict[str, Any]:
    """tests.oracle.verify, or for oversized tokens joserfc's signature check alone."""
    # joserfc limits each part on its own: a payload over its limit fails even when the
    # whole token is shorter than the three limits added up.
    parts = zip(token.split("."), ("header", "payload", "signature"), strict=False)
    if all(len(part) <= getattr(JWSRegistry, f"max_{name}_length") for part, name in parts):
        return verify(vendor_id, token)
    decoded = jwt.decode(token, OctKey.import_key(SECRETS[vendor_id]), algorithms=["HS256"],
                         registry=_LargeTokens(algorithms=["HS256"]))
    assert decoded.header == {"alg": "HS256", "typ": "JWT"}
    return decoded.claims


def token_in_snippet(vendor_id: str, html: str, signed_in: bool) -> str:
    """Check the whole snippet against the one its fixture writes out (the token where the
    vendor reads it, for a signed-in user only); return that token ("" if none)."""
    found, tokens = marked_tokens(elements(html))
    assert found == FACTS[vendor_id].expected_snippet(signed_in=signed_in)
    return tokens[0] if tokens else ""


@PROPERTY_SETTINGS
@given(user=users())
@example(user=User(pk=1, username="</script>", email="a@example.com</script><!--",
                   first_name="\"'><img src=x onerror=alert(1)>", last_name="\x00" * 10_240))
@example(user=EmailUser(id=uuid.UUID(int=2), email="\u2028" * 10_240 + "@example.com"))
@example(user=User(pk=3, username="jane", email=" \t\u2003\n"))
@example(user=User(pk=4, username="jane", email="victim@example.org\u00a0"))
@example(user=User(pk=5, username="a" * 10_240, email="jane@example.org"))
def test_any_user_data_leaves_every_snippet_intact_and_every_token_exact(user: Any) -> None:
    for vendor_id in JWT_VENDORS:
        expected = FACTS[vendor_id].claims_for(user)
        refusal = expected_refusal(vendor_id, user, expected)
        signed_in = refusal is None
        embedded = token_in_snippet(vendor_id, render_tag(user, vendor_id), signed_in)
        raw = render_tag(user, vendor_id, as_token=True)
        response = TokenView.as_view()(request_for(user), config_id=vendor_id)
        if refusal == "borderline":
            continue
        if not signed_in:  # refused, clearly, and nothing signed
            assert raw == ""
            assert response.status_code == 403
            assert json.loads(response.content) == {"error": "refused", "reason": refusal}
            continue
        for token in filter(None, [embedded, raw, json.loads(response.content)["token"]]):
            claims = verify_any_size(vendor_id, token)
            assert {name: claims.get(name) for name in expected} == expected
            if vendor_id == "sleekplan" and "name" in claims:
                assert re.fullmatch(r"[a-z0-9]+", claims["name"])


def expected_refusal(vendor_id: str, user: Any, expected: dict[str, str]) -> str | None:
    """Why the README says this user gets no token, or ``None``.

    The token is refused when it would be longer than 7168 characters; its length is
    predicted from the expected claims (PyJWT's compact JSON), with a margin for the
    claims the prediction leaves out (Sleekplan's derived username, the time claims).
    """
    email = user.email
    if not email:
        return "no_email"
    if email != email.strip() or len(email) > 254:
        return "invalid_email"
    payload = json.dumps(expected, separators=(",", ":")).encode()
    predicted = (len(payload) * 4 + 2) // 3 + 120
    if vendor_id == "sleekplan":
        name = re.sub(r"[^a-z0-9]", "", user.get_username().split("@", 1)[0].lower())
        predicted += (len(name) + 10) * 4 // 3
    if predicted > 7168 + 40:
        return "token_too_large"
    return None if predicted < 7168 - 40 else "borderline"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(HOSTILE) | st.dates(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=8,
)
hook_claims = st.one_of(
    st.tuples(st.just("sleekplan"), st.sampled_from(["weight", "meta", "img", "plan"]),
              st.one_of(json_values, st.integers(-2, 12),
                        st.sampled_from(["https://x.example/a.png", "https://x y",
                                         "javascript:alert(1)"]))),
    st.tuples(st.just("productlift"),
              st.sampled_from(["company", "mrr", "segment_1", "plan"]), json_values),
    st.tuples(st.just("boostgpt"), st.sampled_from(["plan", "tags"]), json_values),
)


def strict_json(value: Any) -> bool:
    """Plain JSON with no NaN, Infinity, dates or other objects anywhere inside."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(strict_json(item) for item in value)
    if isinstance(value, dict):
        return all(strict_json(item) for item in value.values())
    return value is None or isinstance(value, (str, int, bool))


def documented_ok(vendor_id: str, name: str, value: Any) -> bool:
    """What the vendors' docs accept (Sleekplan weight 1-10, img a URL, meta an object …)."""
    if not strict_json(value):
        return False
    if (vendor_id, name) == ("sleekplan", "weight"):
        return type(value) is int and 1 <= value <= 10
    if (vendor_id, name) == ("sleekplan", "meta"):
        return isinstance(value, dict)
    if (vendor_id, name) == ("sleekplan", "img"):
        return isinstance(value, str) and bool(re.fullmatch(r"https?://\S+", value))
    if (vendor_id, name) == ("productlift", "mrr"):
        return isinstance(value, (str, int, float)) and not isinstance(value, bool)
    if vendor_id == "productlift" and name != "plan":
        return isinstance(value, str)
    return True


@PROPERTY_SETTINGS
@given(claim=hook_claims)
# Values a rule's type check lets through but JSON can't carry (they once reached PyJWT).
@example(claim=("productlift", "mrr", math.nan))
@example(claim=("productlift", "mrr", -math.inf))
@example(claim=("sleekplan", "meta", {"since": datetime.date(2020, 1, 1)}))
@example(claim=("sleekplan", "meta", {"scores": [1.5, math.nan]}))
def test_hook_values_are_carried_exactly_or_refused_by_name(claim: Any) -> None:
    vendor_id, name, value = claim
    assert not isinstance(value, datetime.datetime)
    user = User(pk=7, username="jane", email="jane@example.com")
    EXTRA.clear()
    EXTRA[vendor_id] = {name: value}
    hooked = {**FEEDBACK_SSO, "USER_CLAIMS": "tests.security.hooks.extra_claims"}
    try:
        with override_settings(FEEDBACK_SSO=hooked):
            if value is not None and not documented_ok(vendor_id, name, value):
                with pytest.raises(FeedbackSSOClaimError) as refused:
                    issue_token_for(user, vendor_id)
                assert (refused.value.config_id, refused.value.claim) == (vendor_id, name)
                return
            claims = verify(vendor_id, issue_token_for(user, vendor_id).token)
    finally:
        EXTRA.clear()
    if value is None:
        assert name not in claims
    else:
        assert claims[name] == value


def test_uuid_primary_keys_are_carried_as_strings() -> None:
    member = EmailUser(id=uuid.UUID(int=1), email="ada@example.org")

    assert verify("boostgpt", issue_token_for(member, "boostgpt").token)["external_id"] == (
        "00000000-0000-0000-0000-000000000001")
