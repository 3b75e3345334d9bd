"""Benchmarks 6 to 8, in one process: the signatures that aren't shared-secret JWTs (an
identity hash in a page, the DiscourseConnect answer, an RS256 mint)."""

from __future__ import annotations

import base64
import importlib.util
import sys
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import jwt
from django.template import engines
from django.test import RequestFactory, override_settings

from benchmarks import baseline
from benchmarks.harness import Row, WSGIClient, in_a_request, interleaved, micros
from benchmarks.settings import (
    DISCOURSE,
    DISCOURSE_FORUM,
    DISCOURSE_VENDOR,
    IDENTITY_HASH_VENDOR,
    KEY_PAIR_VENDOR,
    identity_hash_block,
    key_pair_block,
    with_vendor,
)
from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.delivery import snippet_context, snippet_engine
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.vendors.templates import get_template as vendor_template

SNIPPET = "{# snippet #}"
HANDSHAKE = "django_feedback_sso.handshakes.discourse_connect"


def hmac_tag_row(user: Any, rounds: int) -> Row:
    """6. A page with an identity-hash vendor's tag against the same markup, hash by hand.

    The hand-written page is the vendor's snippet pasted into the page: what is the same
    on every render (URLs, options) is worked out once, as a page would hard-code it; the
    hash, the email and the name are computed in the view.
    """
    with override_settings(FEEDBACK_SSO=with_vendor(IDENTITY_HASH_VENDOR,
                                                    identity_hash_block())):
        request = RequestFactory().get("/help/")
        request.user = user
        config = get_vendor_config(IDENTITY_HASH_VENDOR)
        engine = snippet_engine()  # the project's: the sources, as the tag would find them
        page = engine.get_template("bench/page_identity_hash.html").source
        snippet = vendor_template(engine, config.spec.snippet_template).source
        django = engines["django"]
        tagged = django.from_string(page.replace(
            SNIPPET, f'{{% load feedback_sso %}}{{% feedback_sso_token "{config.id}" %}}'))
        handwritten = django.from_string(page.replace(SNIPPET, snippet))
        fixed = {name: value for name, value in snippet_context(request, config).items()
                 if name not in ("token", "identity", "signed_in", "expires_at", "nonce")}
        fixed.update({name: str(fixed[name]) for name in ("token_url", "redirect_url",
                                                          "module_url")})  # lazy: resolved
        key = identity_hash_block()["SECRET"].encode()

        def by_tag() -> str:
            return tagged.render({}, request)

        def by_hand() -> str:
            return handwritten.render({**fixed, **baseline.identity_hash_context(user, key)},
                                      request)

        with in_a_request():
            if by_tag() != by_hand() or "data-token" not in by_tag():
                raise SystemExit("The two pages differ:\n" + by_tag() + "\n---\n" + by_hand())
            result = interleaved(by_tag, by_hand, rounds=rounds, batch=50)
    added = (result.ours - result.baseline) * 1e6
    return Row(f"Tag, identity hash (`{IDENTITY_HASH_VENDOR}`): page with the tag vs the "
               f"hash computed by hand (+{added:.1f} µs per render)", micros(result.ours),
               micros(result.baseline), result.ratio, added=added, added_target=50)


def discourse_rows(client: WSGIClient, rounds: int) -> list[Row]:
    """7. The redirect view answering DiscourseConnect against the hand-written view."""
    if importlib.util.find_spec(HANDSHAKE) is None:
        print(f"discourse: skipped: {HANDSHAKE} does not exist yet (issue 19), so there is "
              "no DiscourseConnect answer to measure.", file=sys.stderr, flush=True)
        return []
    query = discourse_request()
    ours = f"/feedback-sso/{DISCOURSE_VENDOR}/redirect/?{query}"
    handwritten = f"/handwritten/discourse/connect/?{query}"
    with override_settings(FEEDBACK_SSO=with_vendor(DISCOURSE_VENDOR, DISCOURSE)):
        answers = [discourse_answer(client, path) for path in (ours, handwritten)]
        if answers[0] != answers[1]:
            raise SystemExit(f"The DiscourseConnect answers differ: {answers}")
        result = interleaved(client.getter(ours), client.getter(handwritten),
                             rounds=rounds, batch=20)
    return [Row("DiscourseConnect: redirect view's answer vs hand-written view (WSGI, median)",
                micros(result.ours), micros(result.baseline), result.ratio, 1.05)]


NONCE = "cb68251eefb5211e58c00ff1395f0c0b"


def discourse_request() -> str:
    """The query string a forum sends: ``sso`` (its nonce and return URL) and ``sig``."""
    sso = base64.b64encode(urlencode({
        "nonce": NONCE, "return_sso_url": f"{DISCOURSE_FORUM}/session/sso_login"}).encode())
    return urlencode({"sso": sso.decode(), "sig": baseline.discourse_signature(sso.decode())})


def discourse_answer(client: WSGIClient, path: str) -> dict[str, str]:
    """Where ``path`` sends the user back and the fields it signs (a bad signature stops)."""
    status, headers, body = client.request(path)
    location = dict(headers).get("Location", "")
    if not status.startswith("302") or not location:
        raise SystemExit(f"{path} answered {status}: {body[:200]!r}")
    target = urlsplit(location)
    answer = dict(parse_qsl(target.query))
    if baseline.discourse_signature(answer.get("sso", "")) != answer.get("sig"):
        raise SystemExit(f"{path}: the answer's sig does not sign its sso: {location}")
    fields = dict(parse_qsl(base64.b64decode(answer["sso"]).decode()))
    return {"return_to": target._replace(query="").geturl(), **fields}


def rs256_row(user: Any, rounds: int) -> Row:
    """8. ``issue_token`` with an RS256 key pair against ``jwt.encode`` with the key loaded."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    with override_settings(FEEDBACK_SSO=with_vendor(KEY_PAIR_VENDOR, key_pair_block(pem))):
        issued = issue_token_for(user, KEY_PAIR_VENDOR)
        jwt.decode(issued.token, key.public_key(), algorithms=["RS256"])  # else: not comparable
        payload = dict(issued.claims)
        result = interleaved(lambda: issue_token_for(user, KEY_PAIR_VENDOR),
                             lambda: jwt.encode(payload, key, algorithm="RS256"),
                             rounds=rounds, batch=20)
    return Row("Mint RS256: `issue_token` with `PRIVATE_KEY` vs bare `jwt.encode` with the "
               "key loaded", micros(result.ours), micros(result.baseline), result.ratio, 1.05)
