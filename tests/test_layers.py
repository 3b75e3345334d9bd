"""The architecture, checked by reading the imports.

Data flows one way: settings -> configuration -> claims -> policy -> token -> delivery.
Below delivery nothing asks the settings again: the configuration is passed down.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import django_feedback_sso

PACKAGE = Path(django_feedback_sso.__file__).resolve().parent
#: conf's getters: only the configuration layer itself and the delivery layer may call them.
GETTERS = {"load_config", "get_config", "get_vendor_config", "default_config_id"}
#: The delivery layer (and its conveniences), where a request's configuration is looked up.
DELIVERY = {"delivery.py", "views.py", "templatetags/feedback_sso.py", "jinja2.py",
            "shortcuts.py", "checks.py", "sandbox/views.py", "signout.py",
            "contrib/drf/views.py",
            # The audit app sits above the pipeline (a token_issued receiver) and reads
            # its own top-level settings, which no configuration carries.
            "audit/receivers.py"}
CONFIG_LAYER = {"conf.py"}
#: The public API modules: importable before ``django.setup()``.
PUBLIC = ["tokens", "conf", "exceptions", "signals", "vendors", "shortcuts", "claims",
          "policy", "identity", "verification"]


def imported_names(path: Path) -> set[str]:
    """Every name imported from a django_feedback_sso module, at any depth of the file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(
                "django_feedback_sso")):
            names.update(alias.name for alias in node.names)
    return names


def modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_delivery_layer_reads_the_settings(path: Path) -> None:
    relative = path.relative_to(PACKAGE).as_posix()
    if (relative in DELIVERY | CONFIG_LAYER or relative.startswith("_settings/")
            or "management/commands/" in relative):  # commands are a surface too
        return
    assert imported_names(path) & GETTERS == set(), (
        f"{relative} asks conf for the settings; pass the configuration down instead")


def test_lower_layers_never_import_delivery() -> None:
    lower = ["identity.py", "claims.py", "policy.py", "tokens.py", "verification.py",
             "redirects.py", "_urls.py", "conf.py"]
    for name in lower:
        imported = {node.module for node in ast.walk(ast.parse((PACKAGE / name).read_text()))
                    if isinstance(node, ast.ImportFrom) and node.module}
        assert imported.isdisjoint({"delivery", "views", "templatetags", "shortcuts"}), name


@pytest.mark.parametrize("module", PUBLIC)
def test_public_modules_import_before_django_setup(module: str) -> None:
    """Type-only imports sit under TYPE_CHECKING, so importing needs no configured Django."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed program
        [sys.executable, "-c", f"import django_feedback_sso.{module}"],
        capture_output=True, text=True, env=env, check=False)

    assert result.returncode == 0, result.stderr
