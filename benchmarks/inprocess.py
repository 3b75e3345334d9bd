"""Benchmarks 1 to 5, in one process: mint, endpoint, tag, scale and the audit log."""

from __future__ import annotations

import json
import re
from typing import Any

import jwt
from django.conf import settings
from django.template.loader import get_template
from django.test import RequestFactory, override_settings

from benchmarks import baseline
from benchmarks.harness import Row, WSGIClient, in_a_request, interleaved, micros
from benchmarks.settings import VENDOR, configurations_setting, vendors_setting
from django_feedback_sso.audit import receivers as audit_receivers
from django_feedback_sso.audit.writer import writer as audit_writer
from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.delivery import module_url
from django_feedback_sso.shortcuts import issue_token_for

TOKEN_PATH = f"/feedback-sso/{VENDOR}/token/"
HANDWRITTEN_PATH = f"/handwritten/{VENDOR}/token/"
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")


def mint_rows(user: Any, rounds: int) -> list[Row]:
    """1. ``issue_token`` against a bare ``jwt.encode`` of the claims it produced, for
    each vendor signing a JWT with its ``SECRET`` (the others have rows of their own)."""
    rows = []
    for vendor_id, block in settings.FEEDBACK_SSO["VENDORS"].items():
        token = get_vendor_config(vendor_id).spec.token
        if token.kind != "jwt" or token.uses_key_pair:
            continue
        payload = dict(issue_token_for(user, vendor_id).claims)
        result = interleaved(lambda v=vendor_id: issue_token_for(user, v),
                             lambda p=payload, s=block["SECRET"]: jwt.encode(
                                 p, s, algorithm="HS256"),
                             rounds=rounds, batch=50)
        rows.append(Row(f"Mint `{vendor_id}`: `issue_token` vs bare `jwt.encode`",
                        micros(result.ours), micros(result.baseline), result.ratio, 1.5))
    return rows


def endpoint_row(client: WSGIClient, rounds: int) -> Row:
    """2. The token view against the hand-written view, through the WSGI handler."""
    _check_same_answer(client)
    result = interleaved(client.getter(TOKEN_PATH), client.getter(HANDWRITTEN_PATH),
                         rounds=rounds, batch=20)
    return Row("Endpoint: token view vs hand-written `JsonResponse` view (WSGI, median)",
               micros(result.ours), micros(result.baseline), result.ratio, 1.05)


def _check_same_answer(client: WSGIClient) -> None:
    """Both views answer 200 with a token carrying the same claims (else: not comparable)."""
    claims = []
    for path in (TOKEN_PATH, HANDWRITTEN_PATH):
        status, body = client.get(path)
        if not status.startswith("200"):
            raise SystemExit(f"{path} answered {status}: {body[:200]!r}")
        token = json.loads(body)["token"]
        claims.append(jwt.decode(token, options={"verify_signature": False}))
    if {k: v for k, v in claims[0].items() if k != "jti"} != {
            k: v for k, v in claims[1].items() if k != "jti"}:
        raise SystemExit(f"The views' claims differ: {claims}")


def tag_row(user: Any, rounds: int) -> Row:
    """3. A page with ``{% feedback_sso_token %}`` against the same page, token in context."""
    request = RequestFactory().get("/roadmap/")
    request.user = user
    tagged = get_template("bench/page_tag.html")
    handwritten = get_template("bench/page_handwritten.html")
    module = module_url(VENDOR)  # a hand-written page would hard-code its version

    def by_tag() -> str:
        return tagged.render({}, request)

    def by_hand() -> str:
        return handwritten.render({"token": baseline.mint(user).get("token", ""),
                                   "module_url": module}, request)

    with in_a_request():
        if JWT.sub("T", by_tag()) != JWT.sub("T", by_hand()):
            raise SystemExit("The two pages differ:\n" + by_tag() + "\n---\n" + by_hand())
        result = interleaved(by_tag, by_hand, rounds=rounds, batch=50)
    added = (result.ours - result.baseline) * 1e6
    return Row(f"Tag: page with `{{% feedback_sso_token %}}` vs token in context "
               f"(+{added:.1f} µs per render)", micros(result.ours), micros(result.baseline),
               result.ratio, added=added, added_target=50)


def scale_rows(client: WSGIClient, rounds: int) -> list[Row]:
    """4. The token endpoint with 50 configured vendors, and with 20 configurations of one
    vendor, against 1."""
    one = override_settings(FEEDBACK_SSO=vendors_setting(1))
    get = client.getter(TOKEN_PATH)
    rows = []
    for label, many in (("50 vendors", vendors_setting(50)),
                        ("20 configurations of one vendor", configurations_setting(20))):
        result = interleaved(get, get, rounds=rounds, batch=100,
                             sides=(override_settings(FEEDBACK_SSO=many), one))
        rows.append(Row(f"Scale: token endpoint with {label} vs 1 (WSGI, median)",
                        micros(result.ours), micros(result.baseline), result.ratio, 1.05))
    return rows


class _AuditTo:
    """A database router sending the audit log to one database."""

    def __init__(self, alias: str) -> None:
        self.alias = alias

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return self.alias if model._meta.app_label == "feedback_sso_audit" else None

    db_for_read = db_for_write


class _Audit:
    """The audit log recording to ``alias`` (``on``) or silent: re-entered every batch."""

    def __init__(self, on: bool, alias: str) -> None:
        self.on = on
        self.overrides = override_settings(DATABASE_ROUTERS=[_AuditTo(alias)])

    def __enter__(self) -> None:
        if self.on:
            audit_receivers.connect()
            self.overrides.enable()

    def __exit__(self, *exc: object) -> None:
        if self.on:
            # Rows a background writer still has queued are written now, untimed, so the
            # other side's batch doesn't share the machine with them.
            if not audit_writer.flush(timeout=60):
                raise SystemExit("The audit log's background writer did not drain.")
            self.overrides.disable()
            audit_receivers.disconnect()


def audit_rows(client: WSGIClient, rounds: int) -> list[Row]:
    """5. The token endpoint with the audit log writing a row, against without it.

    As configured by default (on PostgreSQL the row's commit doesn't wait for the WAL
    flush) and with ``AUDIT_WRITE = "background"``, where the target applies to the
    request's time: the writer thread's work runs beside it (sharing the machine) and is
    finished, untimed, after each batch. On PostgreSQL also with
    ``AUDIT_SYNCHRONOUS_COMMIT``, without a target: the cost of a durable commit is the
    database's and its disk's, not the app's.
    """
    from django_feedback_sso.audit.models import AuditEntry

    rows = []
    get = client.getter(TOKEN_PATH)
    sides: list[tuple[str, str, dict[str, Any], float | None]] = [
        ("default", "SQLite", {}, 1.25),
        ("default", "SQLite, AUDIT_WRITE background", {"AUDIT_WRITE": "background"}, 1.25),
        ("postgres", "PostgreSQL", {}, 1.25),
        ("postgres", "PostgreSQL, AUDIT_WRITE background", {"AUDIT_WRITE": "background"},
         1.25),
        ("postgres", "PostgreSQL, AUDIT_SYNCHRONOUS_COMMIT",
         {"AUDIT_SYNCHRONOUS_COMMIT": True}, None),
    ]
    for alias, name, audit_settings, target in sides:
        if alias not in settings.DATABASES:
            continue
        # Set for the whole comparison, both sides: a settings change empties the app's
        # caches, which a per-batch override would make one side rebuild.
        with override_settings(FEEDBACK_SSO={**settings.FEEDBACK_SSO, **audit_settings}):
            result = interleaved(get, get, rounds=rounds, batch=20,
                                 sides=(_Audit(True, alias), _Audit(False, alias)))
        if not AuditEntry.objects.using(alias).exists():
            raise SystemExit(f"The audit log wrote no row to {alias}: not comparable.")
        AuditEntry.objects.using(alias).all().delete()
        rows.append(Row(f"Audit log: token endpoint with the audit log on ({name}) vs off "
                        "(WSGI, median)", micros(result.ours), micros(result.baseline),
                        result.ratio, target))
    return rows
