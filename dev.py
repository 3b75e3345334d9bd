#!/usr/bin/env python3
"""Developer entry point, standard library only, so it runs on a machine with just Python.

    python3 dev.py test      # the whole test suite: lint, types, unit, browser tests
    python3 dev.py example   # set up and serve the example project on localhost
    python3 dev.py matrix    # tox over the supported Python x Django matrix
    python3 dev.py package   # build, twine check, unit tests against the built wheel and sdist
    python3 dev.py bench     # benchmarks against hand-written PyJWT code, one table
                             # (--runs 3 --pythons 3.10,3.11,3.12,3.13 for published figures)
    python3 dev.py docs      # build the documentation into docs/_build/html (offline)

Each command creates its own virtual environment under .venv/ on first use.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
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
    # Keyed on pyproject.toml too, so a dependency added there is installed on next use.
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:12]
    stamp = VENV / f".installed-{'-'.join(groups)}-{digest}"
    if not stamp.exists():
        group_args = [arg for group in groups for arg in ("--group", group)]
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".", *group_args)
        stamp.touch()


def test(extra: list[str]) -> None:
    # docs: tests/browser/test_docs_layout.py builds the documentation site.
    ensure_venv("test", "lint", "example", "browser", "docs")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "mypy")
    run(PYTHON, "-m", "pytest", *extra)


def matrix(extra: list[str]) -> None:
    ensure_venv("test", "lint", "example", "browser")
    run(PYTHON, "-m", "pip", "install", "--quiet", "tox>=4.22")
    run(PYTHON, "-m", "tox", "run-parallel", *extra)


def package(extra: list[str]) -> None:
    ensure_venv("test", "lint", "example", "browser")
    run(PYTHON, "-m", "pip", "install", "--quiet", "tox>=4.22")
    run(PYTHON, "-m", "tox", "run", "-e", "package", *extra)


def example(extra: list[str]) -> None:
    ensure_venv("example")
    manage = ROOT / "example_project" / "manage.py"
    address = extra[0] if extra and not extra[0].startswith("-") else "127.0.0.1:8000"
    options = extra[1:] if extra and not extra[0].startswith("-") else extra
    if ":" not in address:
        address = f"127.0.0.1:{address}"
    env = dict(os.environ)
    if address != "127.0.0.1:8000":
        # The vendors must be pointed at the sandbox where it is actually served.
        host = "127.0.0.1" if address.startswith("0.0.0.0:") else address.rsplit(":", 1)[0]
        env.setdefault("SANDBOX_URL", f"http://{host}:{address.rsplit(':', 1)[1]}/sandbox")
    run(PYTHON, manage, "migrate", "--noinput", env=env)
    print("\nDemo accounts:", flush=True)
    run(PYTHON, manage, "create_demo_users", env=env)
    print(f"\nOpen http://{address}/ and log in with a demo account (Ctrl-C stops).\n",
          flush=True)
    serve(PYTHON, manage, "runserver", address, *options, env=env)


def serve(*args: str | Path, env: dict[str, str]) -> None:
    """Run the server in this process's place, so that a signal meant for dev.py (Ctrl-C,
    a supervisor's SIGTERM) reaches the server and leaves nothing running without a parent."""
    command = [str(arg) for arg in args]
    print("+", " ".join(command), flush=True)
    if os.name == "nt":  # Windows has no exec that keeps the process; Ctrl-C reaches both
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how the demo ends
            subprocess.run(command, check=True, cwd=ROOT, env=env)  # noqa: S603
        return
    os.chdir(ROOT)
    os.execve(command[0], command, env)  # noqa: S606


def bench(extra: list[str]) -> None:
    """``--pythons 3.10,3.11,3.12,3.13``: the suite under each, each in its own venv."""
    ensure_wrk()
    if "--pythons" not in extra:
        ensure_venv("bench")
        run(PYTHON, "-m", "benchmarks", *extra)
        return
    at = extra.index("--pythons")
    versions, extra = extra[at + 1].split(","), extra[:at] + extra[at + 2:]
    for version in versions:
        run(bench_venv(version), "-m", "benchmarks", *extra)


def find_python(version: str) -> str:
    """Python X.Y: pyenv's newest X.Y.* (as .ci/run finds them), else ``pythonX.Y`` on PATH."""
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    installed = sorted(versions.glob(f"{version}.*"),
                       key=lambda path: [int(part) for part in path.name.split(".")
                                         if part.isdigit()])
    for home in reversed(installed):
        if (home / "bin" / f"python{version}").exists():
            return str(home / "bin" / f"python{version}")
    found = shutil.which(f"python{version}")
    if found is None:
        sys.exit(f"Python {version} not found (pyenv install {version}?)")
    return found


def bench_venv(version: str) -> Path:
    """``.venv-bench-X.Y``: the package and the bench group under Python X.Y (pyenv's)."""
    interpreter = find_python(version)
    path = ROOT / f".venv-bench-{version}"
    python = path / BIN.name / "python"
    if not python.exists():
        run(interpreter, "-m", "venv", path)
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:12]
    stamp = path / f".installed-bench-{digest}"
    if not stamp.exists():
        run(python, "-m", "pip", "install", "--quiet", "-e", ".", "--group", "bench")
        stamp.touch()
    return python


def ensure_wrk() -> None:
    """Debian's wrk drives the server benchmark; install it when we may (root, apt)."""
    if shutil.which("wrk") or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "wrk", env=env)
    except subprocess.CalledProcessError:
        print("Could not install wrk; the server benchmark will be skipped.", flush=True)


def docs(extra: list[str]) -> None:
    """Sphinx, warnings as errors and every reference checked (CI runs this too)."""
    ensure_venv("docs")
    run(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", "docs",
        ROOT / "docs" / "_build" / "html", *extra)


COMMANDS = {"test": test, "example": example, "matrix": matrix, "package": package,
            "bench": bench, "docs": docs}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
