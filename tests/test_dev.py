"""dev.py, the developer entry point: ``python3 dev.py example`` leaves no server behind.

The command really runs, with a stand-in ``example_project/manage.py`` (so no virtual
environment, database or port is needed) whose ``runserver`` only sleeps. dev.py is not in
the sdist, so these tests skip there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not (ROOT / "dev.py").exists(),
                                reason="dev.py is not here (the sdist ships without it)")

#: example_project/manage.py's stand-in: migrate and create_demo_users do nothing;
#: runserver writes down its process id and serves until it is stopped.
MANAGE = """
import os, sys, time
if sys.argv[1] == "runserver":
    with open(os.environ["SERVER_PID_FILE"], "w") as file:
        file.write(str(os.getpid()))
    time.sleep(120)
"""

#: ``python3 dev.py example ARGS``, in a copy of the checkout holding only the stand-in.
DEV_PY_EXAMPLE = """
import sys
from pathlib import Path
import dev
dev.ROOT, dev.PYTHON = Path(sys.argv[1]), Path(sys.executable)
dev.ensure_venv = lambda *groups: None
dev.example(sys.argv[2:])
"""


def running(pid: int) -> bool:
    """Whether the process exists and hasn't exited (a zombie has)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_for(path: Path, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 30
    while not (path.exists() and path.read_text()):
        assert process.poll() is None, process.communicate()[0].decode()
        assert time.monotonic() < deadline, "runserver never started"
        time.sleep(0.05)
    return int(path.read_text())


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=lambda stop: stop.name)
def test_stopping_dev_py_example_stops_the_server(tmp_path: Path, stop: signal.Signals) -> None:
    (tmp_path / "example_project").mkdir()
    (tmp_path / "example_project" / "manage.py").write_text(MANAGE)
    pid_file = tmp_path / "server.pid"
    example = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", DEV_PY_EXAMPLE, tmp_path, "127.0.0.1:8123", "--noreload"],
        cwd=ROOT, env={**os.environ, "SERVER_PID_FILE": str(pid_file)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    server = wait_for(pid_file, example)
    try:
        example.send_signal(stop)
        example.wait(timeout=10)

        assert not running(server)
    finally:
        if running(server):
            os.kill(server, signal.SIGKILL)
        example.communicate()
