#!/usr/bin/env python3
"""Developer entry point, standard library only, so it runs on a machine with just Python.

    python3 dev.py test      # the whole test suite: lint, types, unit, browser tests
    python3 dev.py example   # set up and serve the example project on localhost
    python3 dev.py matrix    # tox over the supported Python x Django matrix

Each command creates its own virtual environment under .venv/ on first use.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"


def run(*args: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(arg) for arg in args), flush=True)
    subprocess.run([str(arg) for arg in args], check=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]  # noqa: S603


def ensure_venv(*groups: str) -> None:
    """Create .venv and install the package with the given dependency groups."""
    if sys.version_info < (3, 10):  # noqa: UP036 - dev.py itself may run on an older python3
        sys.exit("django-feedback-sso needs Python 3.10 or newer.")
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    stamp = VENV / f".installed-{'-'.join(groups)}"
    if not stamp.exists():
        group_args = [arg for group in groups for arg in ("--group", group)]
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".", *group_args)
        stamp.touch()


def test(extra: list[str]) -> None:
    ensure_venv("test", "lint", "example", "browser")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "mypy")
    run(PYTHON, "-m", "pytest", *extra)


def matrix(extra: list[str]) -> None:
    ensure_venv("test", "lint", "example", "browser")
    run(PYTHON, "-m", "pip", "install", "--quiet", "tox>=4.22")
    run(PYTHON, "-m", "tox", "run-parallel", *extra)


def example(extra: list[str]) -> None:
    ensure_venv("example")
    manage = ROOT / "example_project" / "manage.py"
    run(PYTHON, manage, "migrate", "--noinput")
    run(PYTHON, manage, "create_demo_users")
    run(PYTHON, manage, "runserver", *(extra or ["127.0.0.1:8000"]))


COMMANDS = {"test": test, "example": example, "matrix": matrix}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
