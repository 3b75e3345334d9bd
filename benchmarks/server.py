"""Benchmark 6: both views under gunicorn on loopback, loaded by wrk for a bounded time."""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.harness import Row
from benchmarks.inprocess import HANDWRITTEN_PATH, TOKEN_PATH

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
CONNECTIONS = 4
_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0}


@dataclass(frozen=True)
class Load:
    """What wrk reported for one run."""

    requests_per_second: float
    p50: float
    p99: float

    def __str__(self) -> str:
        return (f"{self.requests_per_second:,.0f} req/s, p50 {self.p50 * 1e3:.2f} ms, "
                f"p99 {self.p99 * 1e3:.2f} ms")


def server_rows(cookie: str, seconds: int, pairs: int) -> list[Row]:
    """Throughput and latency in ``pairs`` of runs of ``seconds``, ABBA…; each figure is
    the median over runs, each ratio the median of the pairs' ratios."""
    if shutil.which("wrk") is None:
        print("Server benchmark skipped: wrk is not installed (apt-get install wrk).")
        return []
    runs: tuple[list[Load], list[Load]] = ([], [])
    with gunicorn() as base_url:
        urls = (base_url + TOKEN_PATH, base_url + HANDWRITTEN_PATH)
        for url in urls:
            wrk(url, cookie, 2)  # warm both workers up
        for pair in range(pairs):
            for side in (0, 1) if pair % 2 == 0 else (1, 0):
                runs[side].append(wrk(urls[side], cookie, seconds))
    ours, hand = (_median(side) for side in runs)
    throughput = [b.requests_per_second / a.requests_per_second for a, b in zip(*runs, strict=True)]
    p99 = [a.p99 / b.p99 for a, b in zip(*runs, strict=True)]
    name = f"Server: gunicorn, {WORKERS} workers, wrk, {CONNECTIONS} connections, loopback"
    return [Row(f"{name}: throughput (ratio: baseline req/s ÷ ours)", str(ours), str(hand),
                statistics.median(throughput)),
            Row(f"{name}: p99 latency", f"{ours.p99 * 1e3:.2f} ms", f"{hand.p99 * 1e3:.2f} ms",
                statistics.median(p99))]


def _median(loads: list[Load]) -> Load:
    return Load(*(statistics.median(getattr(load, name) for load in loads)
                  for name in ("requests_per_second", "p50", "p99")))


@contextmanager
def gunicorn() -> Iterator[str]:
    """A gunicorn serving the benchmark project on a free loopback port; stopped after."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "benchmarks.wsgi:application", "--workers",
         str(WORKERS), "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"})
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited before it served a request")
        try:
            urllib.request.urlopen(base_url + TOKEN_PATH, timeout=2)  # noqa: S310
        except urllib.error.HTTPError:
            return  # it answered (401 without a session), so it is up
        except OSError:
            time.sleep(0.2)
        else:
            return
    raise SystemExit("gunicorn did not answer within 30 s")


def wrk(url: str, cookie: str, seconds: int) -> Load:
    """One bounded wrk run; refuses results that include errors or non-2xx answers."""
    result = subprocess.run(  # noqa: S603
        [shutil.which("wrk") or "wrk", "--threads", "1", "--connections", str(CONNECTIONS),
         "--duration", f"{seconds}s", "--timeout", "5s", "--latency",
         "--header", f"Cookie: {cookie}", url],
        capture_output=True, text=True, check=True, timeout=seconds + 30)
    out = result.stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw failed requests on {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return Load(rps, _percentile(out, "50%"), _percentile(out, "99%"))


def _percentile(out: str, label: str) -> float:
    match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    if match is None:
        raise SystemExit(f"no {label} latency in wrk's output:\n{out}")
    return float(match.group(1)) * _UNITS[match.group(2)]
