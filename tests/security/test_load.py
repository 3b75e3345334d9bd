"""Many logged-in users against a real multi-worker server: no errors, no crossed tokens.

gunicorn (4 processes x 4 threads) serves the test project on loopback; an asyncio httpx
load generator drives it for FEEDBACK_SSO_LOAD_SECONDS (10 by default) with 200 users,
asking the JSON endpoint and rendering the page with the tag. Afterwards every token must
verify with joserfc, belong to the user whose session asked, and have a jti never seen
before. Prints requests per second and latency percentiles.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import JWT_VENDORS
from tests.oracle import DOCUMENTED, verify

pytestmark = pytest.mark.load

ROOT = Path(__file__).resolve().parents[2]
USERS = 200
CONCURRENCY = 32
SECONDS = float(os.environ.get("FEEDBACK_SSO_LOAD_SECONDS", "10"))
SECTION = re.compile(r"<section id='(\w+)'>(.*?)</section>", re.S)
TOKEN = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Any]]]:
    pytest.importorskip("gunicorn", reason="gunicorn is in the test dependency group")
    if sys.platform == "win32":
        pytest.skip("gunicorn runs on Unix only")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.security.load_settings",
           "FEEDBACK_SSO_LOAD_DB": str(tmp_path_factory.mktemp("load") / "db.sqlite3"),
           "PYTHONPATH": str(ROOT)}
    users = json.loads(subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "tests.security.load_server", "prepare", str(USERS)],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "gunicorn", "tests.security.load_server:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "4", "--worker-class", "gthread",
         "--threads", "4", "--log-level", "warning"],
        env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        yield base, users
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_until_up(base: str, process: subprocess.Popen[Any]) -> None:
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "gunicorn exited"
        try:
            httpx.get(f"{base}/feedback-sso/boostgpt/token/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start within 30 s")


async def drive(base: str, users: list[Any]) -> tuple[list[float], list[Any], list[str]]:
    """Requests until SECONDS are up: latencies, (user, vendor, token) seen, errors."""
    import httpx

    latencies: list[float] = []
    seen: list[tuple[dict[str, str], str, str]] = []
    errors: list[str] = []
    stop = time.monotonic() + SECONDS

    async def worker(client: httpx.AsyncClient, rng: random.Random) -> None:
        while time.monotonic() < stop:
            user = rng.choice(users)
            vendor_id = rng.choice(JWT_VENDORS)  # tokens with a jti and a user to check
            path = "/page/" if rng.random() < 0.3 else f"/feedback-sso/{vendor_id}/token/"
            started = time.perf_counter()
            try:
                cookie = f"sessionid={user['session']}"
                response = await client.get(path, headers={"Cookie": cookie})
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {exc!r}")
                continue
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                errors.append(f"{path}: {response.status_code}")
            elif path == "/page/":
                for section_vendor, html in SECTION.findall(response.text):
                    seen.extend((user, section_vendor, token) for token in TOKEN.findall(html))
            else:
                seen.append((user, vendor_id, response.json()["token"]))

    limits = httpx.Limits(max_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        await asyncio.gather(*(worker(client, random.Random(n)) for n in range(CONCURRENCY)))
    return latencies, seen, errors


def run_in_own_thread(coroutine: Any) -> Any:
    """``asyncio.run`` on a fresh thread: Playwright's sync API (the browser tests, earlier
    in the same session) keeps an event loop running on the main thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_many_users_under_load_get_only_their_own_fresh_tokens(
    server: tuple[str, list[Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    base, users = server
    started = time.monotonic()
    latencies, seen, errors = run_in_own_thread(drive(base, users))
    elapsed = time.monotonic() - started

    assert errors == []
    assert len(latencies) > 100
    jtis = set()
    for user, vendor_id, token in seen:
        claims = verify(vendor_id, token)
        assert claims[DOCUMENTED[vendor_id].email_claim] == user["email"], "crossed token"
        assert claims["jti"] not in jtis, "jti reused"
        jtis.add(claims["jti"])
    assert {vendor_id for _, vendor_id, _ in seen} == set(JWT_VENDORS)
    assert len({user["pk"] for user, _, _ in seen}) > USERS // 2

    latencies.sort()
    p50, p99 = (latencies[int(len(latencies) * q)] * 1000 for q in (0.5, 0.99))
    with capsys.disabled():
        print(f"\nload: {len(latencies)} requests in {elapsed:.1f} s = "
              f"{len(latencies) / elapsed:.0f} req/s; p50 {p50:.1f} ms, p99 {p99:.1f} ms; "
              f"{len(seen)} tokens verified, all jti unique, "
              f"{len({u['pk'] for u, _, _ in seen})} distinct users, 0 errors")
