"""The README, the front door: its vendor list and its five-line install say what the code
and the tested Install section do (tests/test_readme_install.py follows that section)."""

from __future__ import annotations

import re
from pathlib import Path

from django_feedback_sso.vendors.table import readme_vendor_list

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_vendor_list_matches_the_registry() -> None:
    start = README.index("<!-- vendor-list:start")
    table = README[README.index("\n", start) + 1:README.index("<!-- vendor-list:end")]

    assert table.strip() == readme_vendor_list()


def normalized(code: str) -> str:
    """Code without comments, white space or trailing commas, to compare layouts."""
    code = re.sub(r"\s+#\s.*", "", code)
    return re.sub(r",([}\])])", r"\1", re.sub(r"\s+", "", code))


def test_the_five_lines_are_in_the_tested_install_section() -> None:
    five = README[README.index("## In five lines"):README.index("## Support matrix")]
    (block,) = re.findall(r"```text\n(.*?)```", five, re.DOTALL)
    install = normalized(README[README.index("<!-- install:start"):
                                README.index("<!-- install:end")])

    lines = block.strip().splitlines()
    assert len(lines) == 5
    assert [line for line in lines if normalized(line).rstrip(",") not in install] == []
