"""The audit log (``django_feedback_sso.audit``), on SQLite and on PostgreSQL.

Each database test runs once per database: ``default`` (SQLite) and ``postgres``, the
PostgreSQL that ``.ci/postgres.sh`` starts (URL in FEEDBACK_SSO_TEST_POSTGRES). Without it
the PostgreSQL runs skip, unless FEEDBACK_SSO_REQUIRE_POSTGRES=1 (as in CI) makes that a
failure.
"""

from __future__ import annotations

import io
import logging
import os
import queue
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth.models import AnonymousUser
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connections, transaction
from django.http import HttpRequest, JsonResponse
from django.test import AsyncClient, Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.utils.timezone import make_naive

from django_feedback_sso.audit.checks import check_audit_settings
from django_feedback_sso.audit.models import AuditEntry
from django_feedback_sso.audit.writer import BackgroundWriter, write_batch, writer
from django_feedback_sso.checks import check_settings
from django_feedback_sso.conf import get_vendor_config
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.tokens import issue_token
from tests import oracle
from tests.factories import UserFactory
from tests.settings import DATABASES, INSTALLED_APPS
from tests.urls import urlpatterns as base_urlpatterns

ALIASES = ["default", "postgres"]
pytestmark = pytest.mark.django_db(databases=[alias for alias in ALIASES
                                              if alias in DATABASES])


class AuditRouter:
    """Sends the audit log to one database; users and sessions stay on ``default``."""

    def __init__(self, alias: str) -> None:
        self.alias = alias

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return self.alias if model._meta.app_label == "feedback_sso_audit" else None

    db_for_write = db_for_read


@pytest.fixture(params=ALIASES)
def audit_db(request: Any, settings: Any, audit_log: None) -> str:
    """The database the audit log writes to in this test, recording on."""
    alias: str = request.param
    if alias not in DATABASES:
        message = ("PostgreSQL audit tests need FEEDBACK_SSO_TEST_POSTGRES=postgresql://… "
                   "(`bash .ci/postgres.sh` starts Debian's PostgreSQL and prints it)")
        if os.environ.get("FEEDBACK_SSO_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    settings.DATABASE_ROUTERS = [AuditRouter(alias)]
    assert connections[alias].vendor == ("sqlite" if alias == "default" else "postgresql")
    return alias


def rows(alias: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.using(alias).order_by("id"))


def utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


# What a row holds --------------------------------------------------------------------------

AUTOCOMMIT = pytest.mark.django_db(transaction=True, databases=[alias for alias in ALIASES
                                                                 if alias in DATABASES])


def test_endpoint_token_row(audit_db: str, client: Client) -> None:
    """Inside the test's transaction: the insert with its own savepoint."""
    assert_endpoint_row(audit_db, client)


@AUTOCOMMIT
def test_endpoint_token_row_autocommitted(audit_db: str, client: Client) -> None:
    """Outside a transaction, as by default in Django: on PostgreSQL, the relaxed commit."""
    assert not connections[audit_db].in_atomic_block
    assert_endpoint_row(audit_db, client)


def assert_endpoint_row(audit_db: str, client: Client) -> None:
    ada = UserFactory(username="ada")
    client.force_login(ada)
    token = client.get("/feedback-sso/feedbackchimp/token/?next=/secret-page/").json()["token"]
    claims = oracle.verify("feedbackchimp", token)
    [row] = rows(audit_db)
    assert {field.name: getattr(row, field.name) for field in AuditEntry._meta.fields
            if field.name != "id"} == {
        "config_id": "feedbackchimp", "vendor_id": "feedbackchimp", "user_pk": str(ada.pk),
        "username": "ada", "jti": claims["jti"], "issued_at": utc(claims["iat"]),
        "expires_at": utc(claims["exp"]), "surface": "endpoint",
        "path": "/feedback-sso/feedbackchimp/token/"}


def test_every_surface_is_recorded(audit_db: str, client: Client) -> None:
    ada = UserFactory(username="ada")
    client.force_login(ada)
    client.get("/page/sleekplan/")
    client.get("/feedback-sso/sleekplan/token/")
    client.get("/feedback-sso/sleekplan/redirect/")
    call_command("feedback_sso_token", "sleekplan", "ada", stdout=io.StringIO())
    issue_token_for(ada, "sleekplan")
    assert [(row.surface, row.path) for row in rows(audit_db)] == [
        ("tag", "/page/sleekplan/"), ("endpoint", "/feedback-sso/sleekplan/token/"),
        ("redirect", "/feedback-sso/sleekplan/redirect/"), ("command", ""), ("code", "")]


def test_no_row_without_a_token(audit_db: str, client: Client) -> None:
    client.get("/feedback-sso/sleekplan/token/")  # anonymous: 401
    client.force_login(UserFactory(is_staff=True))
    client.get("/feedback-sso/sleekplan/token/")  # staff: 403
    assert rows(audit_db) == []


def test_a_vendor_without_jti_is_recorded_without_one(audit_db: str, user: Any,
                                                      settings: Any) -> None:
    spec = {"CLAIM_NAMES": {"email": "email"}, "TIME_CLAIMS": ["exp"]}
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": "a" * 32, "SPEC": spec}}}
    issued = issue_token_for(user, "acme")
    [row] = rows(audit_db)
    assert (issued.jti, row.jti, row.expires_at) == (None, None, utc(issued.expires_at))


def test_an_identity_hash_is_recorded_without_an_expiry(audit_db: str, user: Any,
                                                        settings: Any) -> None:
    spec = {"CLAIM_NAMES": {"email": "email"}, "REQUIRED_CLAIMS": ["email"],
            "TOKEN_KIND": "identity_hash", "HASHED_CLAIM": "email"}
    settings.FEEDBACK_SSO = {"VENDORS": {"acme": {"SECRET": "a" * 32, "SPEC": spec}}}
    before = datetime.now(tz=timezone.utc).replace(microsecond=0)
    issued = issue_token_for(user, "acme")
    [row] = rows(audit_db)
    assert (issued.jti, row.jti, row.expires_at) == (None, None, None)
    assert row.issued_at >= before
    assert issued.token not in {str(value) for value in vars(row).values()}


def test_neither_token_nor_secret_is_stored(audit_db: str, client: Client) -> None:
    client.force_login(UserFactory())
    tokens = [client.get(f"/feedback-sso/{vendor}/token/").json()["token"]
              for vendor in oracle.DOCUMENTED]
    stored = repr([[getattr(row, field.name) for field in AuditEntry._meta.fields]
                   for row in rows(audit_db)])
    secrets = [get_vendor_config(vendor).secret for vendor in oracle.DOCUMENTED]
    for value in [*tokens, *secrets]:
        assert value not in stored
    for token in tokens:  # not even one of the token's three parts
        assert not any(part in stored for part in token.split("."))


# A failing write ----------------------------------------------------------------------------

@pytest.fixture
def fixed_jti(monkeypatch: Any) -> None:
    """Every token gets the same jti, so the second insert breaks the unique constraint."""
    monkeypatch.setattr("django_feedback_sso.tokens.new_jti",
                        lambda: "00000000-0000-4000-8000-000000000000")


def test_a_failing_write_is_logged_and_the_answer_stands(audit_db: str, client: Client,
                                                         fixed_jti: None,
                                                         caplog: Any) -> None:
    client.force_login(UserFactory())
    answers = [client.get("/feedback-sso/feedbackchimp/token/") for _ in range(2)]
    assert [answer.status_code for answer in answers] == [200, 200]
    oracle.verify("feedbackchimp", answers[1].json()["token"])
    assert len(rows(audit_db)) == 1
    [record] = [r for r in caplog.records if r.name == "django_feedback_sso.audit"]
    assert (record.levelno, record.getMessage()) == (
        logging.ERROR, "feedback_sso: the audit log could not record a feedbackchimp token "
        "(jti 00000000-0000-4000-8000-000000000000, surface endpoint)")
    assert answers[1].json()["token"] not in caplog.text


def test_a_failing_write_leaves_the_callers_transaction_usable(audit_db: str, user: Any,
                                                               fixed_jti: None) -> None:
    """Under ATOMIC_REQUESTS the view runs in a transaction; PostgreSQL refuses every
    statement after a failed one unless the insert had its own savepoint."""
    config = get_vendor_config("feedbackchimp")
    with transaction.atomic(using=audit_db):
        issue_token(user, config)
        issue_token(user, config)  # the insert fails
        assert AuditEntry.objects.using(audit_db).count() == 1  # the transaction still works
    assert len(rows(audit_db)) == 1


@AUTOCOMMIT
def test_outside_a_transaction_a_failing_write_is_logged_too(audit_db: str, user: Any,
                                                             fixed_jti: None,
                                                             caplog: Any) -> None:
    """Autocommit (no ATOMIC_REQUESTS): one statement, no savepoint, same outcome."""
    assert not transaction.get_connection(audit_db).in_atomic_block
    config = get_vendor_config("feedbackchimp")
    issue_token(user, config)
    issue_token(user, config)
    assert len(rows(audit_db)) == 1
    assert [r.levelno for r in caplog.records if r.name == "django_feedback_sso.audit"] == [
        logging.ERROR]


# The commit on PostgreSQL ---------------------------------------------------------------------

@pytest.fixture
def postgres(audit_db: str) -> str:
    if audit_db != "postgres":
        pytest.skip("synchronous_commit is PostgreSQL's")
    return audit_db


def synchronous_commit(alias: str) -> str:
    with connections[alias].cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return str(cursor.fetchone()[0])


def insert_statements(alias: str, mint: Any) -> list[str]:
    with CaptureQueriesContext(connections[alias]) as queries:
        mint()
    return [query["sql"] for query in queries.captured_queries
            if "INSERT" in query["sql"] and "feedback_sso_audit" in query["sql"]]


@AUTOCOMMIT
def test_an_autocommitted_row_does_not_wait_for_the_wal_flush(postgres: str,
                                                              user: Any) -> None:
    [sql] = insert_statements(postgres, lambda: issue_token_for(user, "sleekplan"))
    assert "set_config('synchronous_commit', 'off', true)" in sql
    assert len(rows(postgres)) == 1
    # Local to the statement's own transaction: the connection's next commits still wait.
    assert synchronous_commit(postgres) == "on"


@AUTOCOMMIT
def test_the_relaxed_statement_turns_synchronous_commit_off_for_its_transaction(
        postgres: str, user: Any) -> None:
    """What the statement does, seen from inside a transaction of the test's own."""
    from django_feedback_sso.audit import rows as audit_rows

    values = {"config_id": "sleekplan", "vendor_id": "sleekplan", "user_pk": "1",
              "username": "ada", "jti": "j1", "issued_at": utc(1), "expires_at": utc(2),
              "surface": "code", "path": ""}
    with transaction.atomic(using=postgres):
        assert synchronous_commit(postgres) == "on"
        audit_rows.insert_row(connections[postgres], values, relaxed=True)
        assert synchronous_commit(postgres) == "off"
    assert synchronous_commit(postgres) == "on"
    [row] = rows(postgres)
    assert (row.jti, row.issued_at, row.expires_at) == ("j1", utc(1), utc(2))


@AUTOCOMMIT
def test_audit_synchronous_commit_true_waits_for_the_flush(postgres: str, user: Any,
                                                           settings: Any) -> None:
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "AUDIT_SYNCHRONOUS_COMMIT": True}
    [sql] = insert_statements(postgres, lambda: issue_token_for(user, "sleekplan"))
    assert "synchronous_commit" not in sql
    assert len(rows(postgres)) == 1


@AUTOCOMMIT
def test_a_transaction_the_project_opened_is_never_relaxed(postgres: str, user: Any) -> None:
    with transaction.atomic(using=postgres):
        [sql] = insert_statements(postgres, lambda: issue_token_for(user, "sleekplan"))
        assert synchronous_commit(postgres) == "on"
    assert "synchronous_commit" not in sql
    assert len(rows(postgres)) == 1


@AUTOCOMMIT
def test_an_overlong_value_fails_rather_than_being_truncated(postgres: str, user: Any,
                                                             caplog: Any) -> None:
    """The relaxed statement casts each value to its column's type without the length: an
    explicit cast to varchar(100) would cut a long value short without a word."""
    from django_feedback_sso.audit.receivers import record

    record(config_id="x" * 101, vendor_id="sleekplan", user=user, claims={"iat": 1},
           jti="j1", expires_at=2)
    assert rows(postgres) == []
    assert "value too long" in caplog.text


# Minted in async code ------------------------------------------------------------------------

async def mint_in_an_async_view(request: HttpRequest) -> JsonResponse:
    """A project's ``async def`` view that mints a token itself: the signal's receiver runs
    in the event loop's thread, where Django refuses the ORM (``SynchronousOnlyOperation``)."""
    issued = issue_token_for(await request.auser(), "sleekplan", request=request)
    return JsonResponse({"jti": issued.jti})


urlpatterns = [path("async-mint/", mint_in_an_async_view), *base_urlpatterns]


@AUTOCOMMIT
@pytest.mark.urls(__name__)
@pytest.mark.parametrize("mode", ["request", "background"])
@pytest.mark.parametrize("autocommit", [True, False])
def test_a_token_minted_in_async_code_is_recorded(audit_db: str, settings: Any, mode: str,
                                                  autocommit: bool, monkeypatch: Any,
                                                  async_client: AsyncClient,
                                                  caplog: Any) -> None:
    """In either mode, and with the database's ``AUTOCOMMIT`` off too (the event loop's
    thread has no connection to ask whether a transaction is open), the row is written."""
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "AUDIT_WRITE": mode}
    ada = UserFactory(username="ada")

    async def scenario() -> Any:
        await async_client.aforce_login(ada)
        return await async_client.get("/async-mint/")

    with monkeypatch.context() as patch:  # for connections made meanwhile, not the test's
        patch.setitem(connections.settings[audit_db], "AUTOCOMMIT", autocommit)
        jti = async_to_sync(scenario)().json()["jti"]
        assert writer.flush(timeout=10)
    assert [(row.jti, row.username, row.surface, row.path) for row in rows(audit_db)] == [
        (jti, "ada", "code", "/async-mint/")]
    assert [record.getMessage() for record in caplog.records
            if record.name == "django_feedback_sso.audit"] == []


# AUDIT_WRITE = "background" -----------------------------------------------------------------

@pytest.fixture
def background(audit_db: str, settings: Any) -> Iterator[str]:
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "AUDIT_WRITE": "background"}
    yield audit_db
    assert writer.flush(timeout=10), "the writer left rows queued"


def audit_inserts(captured: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in captured.captured_queries
            if "INSERT" in query["sql"] and "feedback_sso_audit" in query["sql"]]


@AUTOCOMMIT
def test_background_rows_are_written_by_the_writer_not_the_request(background: str,
                                                                    user: Any) -> None:
    with CaptureQueriesContext(connections[background]) as captured:
        issued = [issue_token_for(user, "sleekplan") for _ in range(20)]
    assert audit_inserts(captured) == []  # this thread's connection never wrote a row
    assert writer.flush(timeout=10)
    assert [(row.jti, row.issued_at, row.expires_at, row.username) for row in
            rows(background)] == [(token.jti, utc(token.claims["iat"]),
                                   utc(token.expires_at), user.get_username())
                                  for token in issued]


@AUTOCOMMIT
def test_background_endpoint_rows(background: str, client: Client) -> None:
    if background == "default":
        pytest.skip("SQLite in memory: a request's session read beside the writer's insert "
                    "is refused at once (shared-cache table lock), not waited for")
    client.force_login(UserFactory(username="ada"))
    tokens = [client.get("/feedback-sso/sleekplan/token/").json()["token"] for _ in range(5)]
    assert writer.flush(timeout=10)
    assert [(row.jti, row.surface, row.path) for row in rows(background)] == [
        (oracle.verify("sleekplan", token)["jti"], "endpoint", "/feedback-sso/sleekplan/token/")
        for token in tokens]


def test_background_inside_a_transaction_writes_with_it(background: str, user: Any) -> None:
    """TestCase (and ATOMIC_REQUESTS) run in a transaction: the row is part of it, at once."""
    assert connections[background].in_atomic_block
    issue_token_for(user, "sleekplan")
    assert len(rows(background)) == 1
    assert writer._pending == 0


@AUTOCOMMIT
def test_a_failing_row_in_a_batch_costs_only_that_row(audit_db: str, caplog: Any) -> None:
    def row(jti: str) -> dict[str, Any]:
        return {"config_id": "sleekplan", "vendor_id": "sleekplan", "user_pk": "1",
                "username": "ada", "jti": jti, "issued_at": utc(1), "expires_at": utc(2),
                "surface": "code", "path": ""}

    write_batch(audit_db, [row("taken")], relaxed=True)
    write_batch(audit_db, [row("a"), row("taken"), row("b")], relaxed=True)
    assert [entry.jti for entry in rows(audit_db)] == ["taken", "a", "b"]
    assert [record.getMessage() for record in caplog.records
            if record.name == "django_feedback_sso.audit"] == [
        "feedback_sso: the audit log could not record a sleekplan token (jti taken, "
        "surface code)"]


@AUTOCOMMIT
@pytest.mark.parametrize("relaxed", [True, False])
def test_a_background_batch_on_postgresql_relaxes_only_its_own_commit(
        postgres: str, relaxed: bool) -> None:
    row = {"config_id": "sleekplan", "vendor_id": "sleekplan", "user_pk": "1",
           "username": "ada", "jti": "j1", "issued_at": utc(1), "expires_at": utc(2),
           "surface": "code", "path": ""}
    with CaptureQueriesContext(connections[postgres]) as captured:
        write_batch(postgres, [row], relaxed=relaxed)
    relaxing = [query["sql"] for query in captured.captured_queries
                if "synchronous_commit" in query["sql"]]
    assert relaxing == (["SET LOCAL synchronous_commit TO OFF"] if relaxed else [])
    assert synchronous_commit(postgres) == "on"
    assert len(rows(postgres)) == 1


@AUTOCOMMIT
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_a_forked_worker_gets_a_writer_of_its_own(background: str, user: Any) -> None:
    """gunicorn --preload forks workers from a process that may have queued rows already:
    the child's writer must be its own (the parent's thread doesn't exist in the child)."""
    if background == "default":
        pytest.skip("a forked child can't reach the parent's in-memory SQLite")
    issue_token_for(user, "sleekplan")  # the parent's writer thread is running
    assert writer.flush(timeout=10)
    pid = os.fork()
    if pid == 0:  # the child: mint, flush, report by exit status; never return into pytest
        status = 1
        try:
            issue_token_for(user, "sleekplan")
            status = 0 if writer.flush(timeout=10) else 2
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert len(rows(background)) == 2


EXITING_PROCESS = """
import sys
import django
from django.conf import settings
from django.core.management import call_command

settings.configure(
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": sys.argv[1]}},
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes",
                    "django_feedback_sso", "django_feedback_sso.audit"],
    FEEDBACK_SSO={"VENDORS": {"sleekplan": {"SECRET": "s" * 32}}, "AUDIT_WRITE": sys.argv[2]},
    USE_TZ=True)
django.setup()
call_command("migrate", verbosity=0)
from django.contrib.auth.models import User
from django_feedback_sso.shortcuts import issue_token_for

ada = User.objects.create_user("ada", "ada@example.com")


def mint() -> None:
    for _ in range(50):
        issue_token_for(ada, "sleekplan")


async def mint_in_the_event_loop() -> None:
    mint()


if sys.argv[3] == "async":
    import asyncio

    asyncio.run(mint_in_the_event_loop())
else:
    mint()
# No flush: the interpreter's normal exit must write what is still queued.
"""


@pytest.mark.parametrize(("mode", "code"), [("background", "sync"), ("request", "async")])
def test_a_normal_exit_writes_the_queued_rows(tmp_path: Any, mode: str, code: str) -> None:
    """Queued in the background, or by a token minted in an event loop's thread."""
    import sqlite3
    import subprocess
    import sys

    database = tmp_path / "audit.sqlite3"
    subprocess.run([sys.executable, "-c", EXITING_PROCESS, str(database), mode, code],  # noqa: S603
                   check=True, timeout=60, env={**os.environ, "DJANGO_SETTINGS_MODULE": ""})
    with sqlite3.connect(database) as connection:
        [(count,)] = connection.execute("SELECT count(*) FROM feedback_sso_audit_auditentry")
    assert count == 50


def audit_row(jti: str) -> dict[str, Any]:
    return {"config_id": "sleekplan", "vendor_id": "sleekplan", "user_pk": "1",
            "username": "ada", "jti": jti, "issued_at": utc(1), "expires_at": utc(2),
            "surface": "code", "path": ""}


@AUTOCOMMIT
def test_autocommit_off_is_the_projects_transaction_too(postgres: str, user: Any) -> None:
    """``AUTOCOMMIT: False`` / ``set_autocommit(False)``: the row joins the project's open
    transaction, which must not be relaxed (it would commit without waiting for the WAL)."""
    transaction.set_autocommit(False, using=postgres)
    try:
        issue_token_for(user, "sleekplan")
        assert synchronous_commit(postgres) == "on"
        transaction.commit(using=postgres)
    finally:
        transaction.set_autocommit(True, using=postgres)
    assert len(rows(postgres)) == 1


@AUTOCOMMIT
def test_the_writer_commits_where_autocommit_is_off(audit_db: str) -> None:
    transaction.set_autocommit(False, using=audit_db)
    try:
        write_batch(audit_db, [audit_row("a"), audit_row("b")], relaxed=True)
        transaction.rollback(using=audit_db)  # undoes nothing the writer committed
    finally:
        transaction.set_autocommit(True, using=audit_db)
    assert [row.jti for row in rows(audit_db)] == ["a", "b"]


class TenantRouter:
    """Routes by a thread-local set in the request's thread, as tenant routers do."""

    tenant = threading.local()

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        if model._meta.app_label != "feedback_sso_audit":
            return None
        return getattr(self.tenant, "alias", "default")

    db_for_read = db_for_write


@AUTOCOMMIT
def test_background_rows_are_routed_in_the_request(postgres: str, user: Any,
                                                   settings: Any) -> None:
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "AUDIT_WRITE": "background"}
    settings.DATABASE_ROUTERS = [TenantRouter()]
    TenantRouter.tenant.alias = postgres
    try:
        issue_token_for(user, "sleekplan")
        assert writer.flush(timeout=10)
    finally:
        del TenantRouter.tenant.alias
    assert (AuditEntry.objects.using(postgres).count(),
            AuditEntry.objects.using("default").count()) == (1, 0)


def test_a_full_queue_drops_and_counts(monkeypatch: Any, caplog: Any) -> None:
    """The database down for long: memory stays bounded, and the loss is said."""
    monkeypatch.setattr("django_feedback_sso.audit.writer.MAX_QUEUED", 3)
    stalled = BackgroundWriter()
    monkeypatch.setattr(stalled, "_start", lambda: None)  # no thread: nothing drains
    stalled._queue, stalled._drained = queue.Queue(), threading.Condition()
    stalled._thread = threading.current_thread()
    for number in range(5):
        stalled.put("default", audit_row(str(number)), relaxed=True)
    assert (stalled._pending, stalled._dropped, stalled._queue.qsize()) == (3, 2, 3)
    assert [record.getMessage() for record in caplog.records] == [
        "feedback_sso: the audit log's queue is full (3 rows waiting): 1 rows dropped so far"]


@AUTOCOMMIT
def test_a_database_that_fails_costs_one_log_line_per_batch(audit_db: str,
                                                            caplog: Any) -> None:
    table = AuditEntry._meta.db_table
    with connections[audit_db].cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO moved_away")
    try:
        write_batch(audit_db, [audit_row("a"), audit_row("b"), audit_row("c")], relaxed=True)
    finally:
        with connections[audit_db].cursor() as cursor:
            cursor.execute(f"ALTER TABLE moved_away RENAME TO {table}")
    assert [record.getMessage() for record in caplog.records
            if record.name == "django_feedback_sso.audit"] == [
        "feedback_sso: the audit log could not record 3 tokens (jti a … c)"]
    assert rows(audit_db) == []


@AUTOCOMMIT
def test_a_dead_writer_thread_is_replaced(audit_db: str) -> None:
    finished = threading.Thread(target=lambda: None)
    finished.start()
    finished.join()
    fresh = BackgroundWriter()
    fresh._start()
    fresh._thread = finished  # as if the thread had died
    fresh.put(audit_db, audit_row("a"), relaxed=True)
    assert fresh.flush(timeout=10)
    assert [row.jti for row in rows(audit_db)] == ["a"]


@pytest.mark.parametrize("time_zone", ["UTC", "America/Chicago"])
def test_use_tz_off_records_naive_local_times(audit_db: str, user: Any, settings: Any,
                                              time_zone: str) -> None:
    """The backends refuse aware datetimes with USE_TZ off: a row, in TIME_ZONE's time."""
    settings.USE_TZ, settings.TIME_ZONE = False, time_zone
    issued = issue_token_for(user, "sleekplan")
    [row] = rows(audit_db)
    assert (row.issued_at, row.expires_at) == (
        make_naive(utc(issued.claims["iat"]), ZoneInfo(time_zone)),
        make_naive(utc(issued.expires_at), ZoneInfo(time_zone)))


# Concurrent load ---------------------------------------------------------------------------

@AUTOCOMMIT
def test_concurrent_tokens_give_one_row_each(audit_db: str) -> None:
    if audit_db == "default":
        pytest.skip("SQLite in memory serialises writers: concurrency is PostgreSQL's test")
    users = [UserFactory() for _ in range(4)]
    per_thread, issued, errors = 25, [], []
    start = threading.Barrier(len(users) * 2)

    def mint(user: Any) -> None:
        try:
            start.wait()
            for _ in range(per_thread):
                issued.append(issue_token_for(user, "feedbackchimp").jti)
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            # Only this thread's own connection: once a live server has run, "default"
            # (SQLite in memory) is the main thread's, shared, and not ours to close.
            connections[audit_db].close()

    threads = [threading.Thread(target=mint, args=(user,)) for user in users * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = [row.jti for row in rows(audit_db)]
    assert len(issued) == len(stored) == len(threads) * per_thread
    assert sorted(stored) == sorted(issued)
    assert len(set(stored)) == len(stored)


# Admin ---------------------------------------------------------------------------------------

@pytest.fixture
def admin_client(client: Client) -> Iterator[Client]:
    apps = [*INSTALLED_APPS, "django.contrib.admin", "django.contrib.messages"]
    with override_settings(INSTALLED_APPS=apps, ROOT_URLCONF="tests.audit_urls"):
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
        yield client


def test_admin_lists_filters_and_searches(audit_db: str, admin_client: Client) -> None:
    ada, bob = UserFactory(username="ada"), UserFactory(username="bob")
    issue_token_for(ada, "sleekplan")
    issue_token_for(bob, "issuely", surface="command")
    page = "/admin/feedback_sso_audit/auditentry/"
    assert admin_client.get(page).context["cl"].result_count == 2
    found = admin_client.get(page, {"q": "ada"}).context["cl"].result_list
    assert [row.username for row in found] == ["ada"]
    found = admin_client.get(page, {"surface__exact": "command"}).context["cl"].result_list
    assert [(row.username, row.config_id) for row in found] == [("bob", "issuely")]


def test_admin_is_read_only(audit_db: str, admin_client: Client, user: Any) -> None:
    issue_token_for(user, "sleekplan")
    [row] = rows(audit_db)
    page = "/admin/feedback_sso_audit/auditentry/"
    assert admin_client.get(f"{page}add/").status_code == 403
    assert admin_client.post(f"{page}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    admin_client.post(f"{page}{row.pk}/change/", {"username": "mallory"})
    assert rows(audit_db)[0].username == user.username
    assert admin_client.get(f"{page}{row.pk}/change/").status_code == 200  # viewable


# Retention -----------------------------------------------------------------------------------

def purge(*args: str) -> str:
    out = io.StringIO()
    call_command("feedback_sso_purge_audit", *args, stdout=out)
    return out.getvalue()


def age_rows(alias: str, *days: int) -> None:
    """One row per age in ``days``, issued that many days ago (plus a minute)."""
    now = datetime.now(tz=timezone.utc)
    for n, age in enumerate(days):
        issued = now - timedelta(days=age, minutes=1)
        AuditEntry.objects.using(alias).create(
            config_id="sleekplan", vendor_id="sleekplan", user_pk="1", username="ada",
            jti=f"jti-{n}", issued_at=issued, expires_at=issued + timedelta(minutes=5),
            surface="tag")


def test_purge_deletes_rows_past_the_retention(audit_db: str, vendor_settings: Any) -> None:
    vendor_settings(AUDIT_RETENTION=timedelta(days=30))
    age_rows(audit_db, 0, 29, 30, 400)
    assert purge("--dry-run").startswith("Would delete 2 audit rows issued before ")
    assert len(rows(audit_db)) == 4
    assert purge().startswith("Deleted 2 audit rows issued before ")
    assert [row.jti for row in rows(audit_db)] == ["jti-0", "jti-1"]


def test_purge_default_retention_and_older_than(audit_db: str) -> None:
    age_rows(audit_db, 0, 89, 90, 91)
    assert purge().startswith("Deleted 2 audit rows")  # 90 days by default
    assert purge("--older-than", "1").startswith("Deleted 1 audit rows")
    assert [row.jti for row in rows(audit_db)] == ["jti-0"]


def test_purge_keeps_everything_with_retention_none(audit_db: str, settings: Any) -> None:
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "AUDIT_RETENTION": None}
    age_rows(audit_db, 1000)
    assert purge() == "AUDIT_RETENTION is None: every row is kept.\n"
    assert len(rows(audit_db)) == 1


AUDIT_SETTING_ERRORS = [
    *[("AUDIT_RETENTION", value, "E016", "not a positive timedelta or None.",
       "Set it to how long the audit log keeps a row, e.g. timedelta(days=90), or None to "
       "keep every row.") for value in [90, 0, timedelta(0), timedelta(days=-1), "90 days"]],
    *[("AUDIT_SYNCHRONOUS_COMMIT", value, "E017", "not True or False.",
       "Set it to True to make each audit row's commit wait for PostgreSQL's WAL flush, or "
       "leave it out (False).") for value in [1, "false", None]],
    *[("AUDIT_WRITE", value, "E018", 'not "request" or "background".',
       'Leave it out to insert each audit row before the response ("request"), or set '
       '"background" to queue it for a writer thread.') for value in ["sync", "", None, True]],
]


@pytest.mark.parametrize(("name", "value", "check_id", "expected", "hint"),
                         AUDIT_SETTING_ERRORS)
def test_audit_setting_errors(settings: Any, name: str, value: Any, check_id: str,
                              expected: str, hint: str) -> None:
    """The audit app checks its own settings; the core accepts the keys and leaves them be."""
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, name: value}
    [error] = check_audit_settings()
    assert (error.id, error.msg, error.hint) == (
        f"feedback_sso.{check_id}", f"FEEDBACK_SSO['{name}'] is {value!r}, {expected}", hint)
    assert check_settings() == []


def test_the_audit_check_runs_with_the_apps_checks(settings: Any) -> None:
    """Registered by the audit app's ready(), under the app's tag."""
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "AUDIT_WRITE": "sync"}
    assert "feedback_sso.E018" in [message.id for message in run_checks(tags=["feedback_sso"])]


def test_a_broken_audit_setting_stops_the_audit_log_alone(audit_db: str, client: Client,
                                                          settings: Any,
                                                          caplog: Any) -> None:
    """Tokens are still issued; each row the log can't record is logged as lost."""
    settings.FEEDBACK_SSO = {**settings.FEEDBACK_SSO, "AUDIT_WRITE": "sync"}
    client.force_login(UserFactory())
    answer = client.get("/feedback-sso/feedbackchimp/token/")
    assert answer.status_code == 200
    assert rows(audit_db) == []
    [record] = [r for r in caplog.records if r.name == "django_feedback_sso.audit"]
    assert record.getMessage().startswith(
        "feedback_sso: the audit log could not record a feedbackchimp token")
    assert "FEEDBACK_SSO['AUDIT_WRITE'] is 'sync'" in caplog.text
    with pytest.raises(ImproperlyConfigured, match=r"AUDIT_WRITE"):
        purge()


def test_the_migrations_match_the_model() -> None:
    call_command("makemigrations", "feedback_sso_audit", "--check", "--dry-run",
                 stdout=io.StringIO())


def test_recording_needs_no_request_user(audit_db: str) -> None:
    """The receiver reads the user from the signal, not the request (commands have none)."""
    request = RequestFactory().get("/x/")
    request.user = AnonymousUser()
    ada = UserFactory(username="ada")
    issue_token(ada, get_vendor_config("sleekplan"), request=request, surface="tag")
    assert [(row.username, row.path) for row in rows(audit_db)] == [("ada", "/x/")]
