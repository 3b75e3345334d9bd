"""``python -m benchmarks``: run every benchmark and print one table.

    --quick       fewer rounds, for a smoke run (figures are noisier)
    --runs N      N full runs; each figure is the median over them (publish these)
    --no-server   skip the gunicorn + wrk benchmark
    --profile     instead, profile the token endpoint and print the top functions
    --only A,B    only these benchmarks: mint, endpoint, tag, scale, hmac_tag, discourse,
                  rs256_mint, audit, server (while working on one; publish full runs)
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
from pathlib import Path
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-server", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--only", type=_benchmark_names, default=BENCHMARKS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="feedback-sso-bench-") as tmp:
        os.environ["FEEDBACK_SSO_BENCH_DB"] = str(Path(tmp) / "bench.sqlite3")
        os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
        import django

        django.setup()
        from django_feedback_sso.audit.receivers import disconnect

        disconnect()  # only the audit-log row measures it (it turns it on for its side)
        user, cookie = prepare_database()
        if args.profile:
            profile(cookie)
        else:
            only = args.only - ({"server"} if args.no_server else set())
            run(user, cookie, quick=args.quick, only=only, runs=args.runs)


BENCHMARKS = frozenset({"mint", "endpoint", "tag", "scale", "audit", "hmac_tag", "discourse",
                        "rs256_mint", "server"})


def _benchmark_names(value: str) -> frozenset[str]:
    names = frozenset(name.strip() for name in value.split(",") if name.strip())
    if not names or names - BENCHMARKS:
        raise argparse.ArgumentTypeError(
            f"expected a comma-separated list of {', '.join(sorted(BENCHMARKS))}")
    return names


def prepare_database() -> tuple[Any, str]:
    """Migrate the SQLite file, create a signed-in user; return it and its session cookie."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    if "postgres" in settings.DATABASES:  # the audit log's table there
        call_command("migrate", "feedback_sso_audit", database="postgres", verbosity=0,
                     interactive=False)
    user = get_user_model().objects.create_user(
        "ada", "ada@example.com", "bench", first_name="Ada", last_name="Lovelace")
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return user, f"{name}={client.cookies[name].value}"


def run(user: Any, cookie: str, *, quick: bool, only: frozenset[str], runs: int) -> None:
    from benchmarks.harness import WSGIClient, median_rows, table, versions
    from benchmarks.inprocess import audit_rows, endpoint_row, mint_rows, scale_rows, tag_row
    from benchmarks.server import server_rows
    from benchmarks.signing import discourse_rows, hmac_tag_row, rs256_row

    scale = 1 if quick else 5
    client = WSGIClient(cookie)
    benchmarks = {
        "mint": lambda: mint_rows(user, rounds=20 * scale),
        "endpoint": lambda: [endpoint_row(client, rounds=50 * scale)],
        "tag": lambda: [tag_row(user, rounds=20 * scale)],
        "scale": lambda: scale_rows(client, rounds=10 * scale),
        "hmac_tag": lambda: [hmac_tag_row(user, rounds=20 * scale)],
        "discourse": lambda: discourse_rows(client, rounds=50 * scale),
        "rs256_mint": lambda: [rs256_row(user, rounds=20 * scale)],
        "audit": lambda: audit_rows(client, rounds=10 * scale),
        "server": lambda: server_rows(cookie, seconds=2 if quick else 5,
                                      pairs=2 if quick else 4),
    }
    all_runs = []
    for number in range(1, runs + 1):
        rows = [row for name, rows_of in benchmarks.items() if name in only
                for row in rows_of()]
        if runs > 1:
            print(f"Run {number} of {runs}:\n{table(rows)}\n", flush=True)
        all_runs.append(rows)
    print(versions(runs))
    print(table(median_rows(all_runs)))


def profile(cookie: str) -> None:
    """cProfile of the token endpoint through the WSGI handler, hottest functions first."""
    from benchmarks.harness import WSGIClient
    from benchmarks.inprocess import TOKEN_PATH

    client = WSGIClient(cookie)
    for _ in range(100):
        client.get(TOKEN_PATH)
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [client.get(TOKEN_PATH) for _ in range(3000)])
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
