"""SECURITY.md names a test for every threat: each name must exist, so the doc can't rot."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECURITY_MD = (ROOT / "SECURITY.md").read_text()
REFERENCES = re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", SECURITY_MD)


def test_every_test_security_md_names_exists() -> None:
    missing = []
    for path, name in REFERENCES:
        tree = ast.parse((ROOT / path).read_text())
        names = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if name not in names:
            missing.append(f"{path}::{name}")

    assert len(REFERENCES) >= 30
    assert missing == []


def test_every_security_test_file_is_in_security_md() -> None:
    mentioned = set(re.findall(r"`(tests/[\w/]+\.py)", SECURITY_MD))
    files = {path.relative_to(ROOT).as_posix()
             for path in (ROOT / "tests" / "security").glob("test_*.py")}

    assert files - mentioned == {"tests/security/test_security_md.py"}
