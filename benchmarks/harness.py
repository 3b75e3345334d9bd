"""Timing, in-process WSGI requests and the results table."""

from __future__ import annotations

import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.urls import set_urlconf

TIMES = "\N{MULTIPLICATION SIGN}"


@dataclass(frozen=True)
class Row:
    """One line of the table: the app against its baseline, as a cost ratio."""

    name: str
    ours: str
    baseline: str
    ratio: float
    target: float | None = None
    #: For a cost in time rather than a ratio (the tag): µs added, and at most how many.
    added: float | None = None
    added_target: float | None = None

    @property
    def verdict(self) -> str:
        if self.added_target is not None and self.added is not None:
            return "yes" if self.added <= self.added_target else "**no**"
        if self.target is None:
            return "—"
        return "yes" if self.ratio <= self.target else "**no**"

    @property
    def target_text(self) -> str:
        if self.added_target is not None:
            return f"≤ +{self.added_target:g} µs"
        return "—" if self.target is None else f"≤ {self.target:.2f}{TIMES}"


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table (the README's Performance section is a copy of it)."""
    lines = ["| measurement | django-feedback-sso | baseline | ratio | target | met |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {row.name} | {row.ours} | {row.baseline} | {row.ratio:.2f}{TIMES} | "
              f"{row.target_text} | {row.verdict} |" for row in rows]
    return "\n".join(lines)


def median_rows(runs: list[list[Row]]) -> list[Row]:
    """Row by row, the median of several full runs (ratios, and the times shown)."""
    if len(runs) == 1:
        return runs[0]
    merged = []
    for rows in zip(*runs, strict=True):
        ratio = statistics.median(row.ratio for row in rows)
        middle = min(rows, key=lambda row: abs(row.ratio - ratio))
        added = (statistics.median(row.added for row in rows if row.added is not None)
                 if middle.added is not None else None)
        merged.append(Row(middle.name, middle.ours, middle.baseline, ratio, middle.target,
                          added, middle.added_target))
    return merged


def versions(runs: int) -> str:
    """What the figures were measured with, printed above the table."""
    import django
    import jwt

    return (f"Python {platform.python_version()}, Django {django.get_version()}, PyJWT "
            f"{jwt.__version__}, {os.cpu_count()} cores, {platform.machine()}; "
            f"median of {runs} full run{'s' if runs > 1 else ''}.")


@contextmanager
def in_a_request() -> Iterator[None]:
    """The thread as Django's handler sets it for every request (``BaseHandler.
    get_response``: ``set_urlconf(settings.ROOT_URLCONF)``), for a page rendered outside
    one: the tag renders inside a request, where ``reverse()`` finds the URLconf set."""
    set_urlconf(settings.ROOT_URLCONF)
    try:
        yield
    finally:
        set_urlconf(None)


def micros(seconds: float) -> str:
    return f"{seconds * 1e6:.1f} µs"


@dataclass(frozen=True)
class Comparison:
    """Median seconds per call of each side, and the median of the per-round ratios."""

    ours: float
    baseline: float
    ratio: float


def interleaved(a: Callable[[], object], b: Callable[[], object], *, rounds: int,
                batch: int = 1, warmup: int = 20,
                sides: tuple[AbstractContextManager[Any], AbstractContextManager[Any]] | None
                = None) -> Comparison:
    """``a`` against ``b``, each call timed, in alternating batches (ABBA…).

    The ratio is the median over rounds of the two batches' medians, so load that other
    processes put on the machine for a while weighs on both sides of each ratio alike.
    ``sides`` are entered around each side's batch (e.g. different settings); each batch
    then starts with ``warmup`` untimed calls so start-up work under them isn't counted.
    """
    samples: tuple[list[float], list[float]] = ([], [])
    ratios = []
    contexts = sides or (nullcontext(), nullcontext())
    for round_ in range(rounds):
        medians = [0.0, 0.0]
        for side in (0, 1) if round_ % 2 == 0 else (1, 0):
            fn = (a, b)[side]
            with contexts[side]:
                if sides is not None or round_ == 0:
                    for _ in range(warmup):
                        fn()
                times = list(_timed(fn, batch))
            samples[side].extend(times)
            medians[side] = statistics.median(times)
        ratios.append(medians[0] / medians[1])
    return Comparison(statistics.median(samples[0]), statistics.median(samples[1]),
                      statistics.median(ratios))


def _timed(fn: Callable[[], object], batch: int) -> Iterator[float]:
    clock = time.perf_counter
    for _ in range(batch):
        start = clock()
        fn()
        yield clock() - start


class WSGIClient:
    """GET requests straight through Django's WSGI handler, as a server would make them."""

    def __init__(self, cookie: str) -> None:
        self.handler = WSGIHandler()
        self.cookie = cookie

    def get(self, path: str) -> tuple[str, bytes]:
        status, _, body = self.request(path)
        return status, body

    def request(self, path: str) -> tuple[str, list[tuple[str, str]], bytes]:
        """The status, headers and body of a GET of ``path`` (which may carry a query)."""
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": query,
            "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver", "HTTP_COOKIE": self.cookie, "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        started: list[tuple[str, list[tuple[str, str]]]] = []
        response = self.handler(environ, lambda status, headers, exc_info=None: started.append(
            (status, headers)))
        try:
            body = b"".join(response)
        finally:
            response.close()
        return started[0][0], started[0][1], body

    def getter(self, path: str) -> Callable[[], tuple[str, bytes]]:
        return lambda: self.get(path)
