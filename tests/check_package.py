"""The package on its own (``tox -e package``): build, check, and test what would be published.

    python tests/check_package.py WORK_DIR

Builds the sdist and, from it, the wheel; runs ``twine check --strict``; checks what each
archive holds; then runs the unit tests twice in a fresh virtual environment where the
wheel is installed: once from a copy of the unpacked sdist without its package (so the
tests import the installed wheel from site-packages, not a checkout), and once from the
unpacked sdist itself, as someone who downloaded it would. Needs PyPI for the build
backend and the test dependencies; standard library only otherwise.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "django_feedback_sso"
UNIT_TESTS = ["-m", "not browser and not load", "-q", "-p", "no:cacheprovider"]
#: What each archive must hold (paths relative to its top directory).
SDIST_MUST_HOLD = {"LICENSE", "README.md", "SECURITY.md", "CHANGELOG.md", "pyproject.toml",
                   "tests/settings.py", "docs/checks.md", "docs/vendors/_generated/sleekplan.md",
                   f"{PACKAGE}/__init__.py", f"{PACKAGE}/py.typed"}
WHEEL_MUST_HOLD = {f"{PACKAGE}/__init__.py", f"{PACKAGE}/py.typed", "licenses/LICENSE"}


def run(*args: str | Path, cwd: Path = ROOT) -> None:
    print("+", " ".join(str(arg) for arg in args), flush=True)
    subprocess.run([str(arg) for arg in args], cwd=cwd, check=True)  # noqa: S603


def build(outdir: Path) -> tuple[Path, Path]:
    """``python -m build``: the sdist, then the wheel built from that sdist."""
    run(sys.executable, "-m", "build", "--outdir", outdir, ROOT)
    (sdist,), (wheel,) = outdir.glob("*.tar.gz"), outdir.glob("*.whl")
    run(sys.executable, "-m", "twine", "check", "--strict", sdist, wheel)
    return sdist, wheel


def check_contents(sdist: Path, wheel: Path) -> None:
    """LICENSE in both archives; SECURITY.md, docs/ and the tests in the sdist; no demo and no
    built docs in either."""
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    with zipfile.ZipFile(wheel) as archive:
        # dist-info/licenses/LICENSE: where PEP 639 puts license files.
        in_wheel = {name.split(".dist-info/", 1)[-1] for name in archive.namelist()}
    problems = [f"sdist lacks {name}" for name in sorted(SDIST_MUST_HOLD - in_sdist)]
    problems += [f"wheel lacks {name}" for name in sorted(WHEEL_MUST_HOLD - in_wheel)]
    problems += [f"{name} shipped" for name in sorted(in_sdist | in_wheel)
                 if name.startswith(("example_project/", "docs/_build/"))]
    if problems:
        sys.exit("\n".join(problems))


def test_dependencies() -> list[str]:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    return [requirement for requirement in groups["test"] if isinstance(requirement, str)]


def fresh_venv(path: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel and the test dependencies installed."""
    venv.create(path, with_pip=True)
    python = path / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", wheel, *test_dependencies())
    return python


def unpack(sdist: Path, into: Path) -> Path:
    with tarfile.open(sdist) as archive:
        archive.extractall(into, filter="data")
    (top,) = into.iterdir()
    return top


def run_unit_tests(python: Path, directory: Path, package_under: Path) -> None:
    """The unit tests, run from ``directory``, must import the package from under
    ``package_under``: proof of which copy they tested."""
    imported = subprocess.run(  # noqa: S603
        [python, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
        cwd=directory, check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    print(f"{directory}: the tests import {imported}", flush=True)
    checkout = Path(imported).is_relative_to(ROOT / PACKAGE)
    if checkout or not Path(imported).is_relative_to(package_under):
        sys.exit(f"the tests in {directory} would import {imported}, "
                 f"not the package under {package_under}")
    run(python, "-m", "pytest", *UNIT_TESTS, cwd=directory)


def main(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    sdist, wheel = build(work / "dist")
    check_contents(sdist, wheel)
    python = fresh_venv(work / "venv", wheel)
    unpacked = unpack(sdist, work / "sdist")

    installed = work / "installed"
    shutil.copytree(unpacked, installed, ignore=shutil.ignore_patterns(PACKAGE))
    run_unit_tests(python, installed, package_under=work / "venv")
    run_unit_tests(python, unpacked, package_under=unpacked)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]).resolve())
