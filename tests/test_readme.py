"""The README documents what the code does: the vendor table and the check ids."""

from __future__ import annotations

import re
from pathlib import Path

import django_feedback_sso
from django_feedback_sso.exceptions import FeedbackSSORefused
from django_feedback_sso.vendors.table import markdown_table

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_vendor_table_matches_the_registry() -> None:
    start = README.index("<!-- vendor-table:start")
    table = README[README.index("\n", start) + 1:README.index("<!-- vendor-table:end")]

    assert table.strip() == markdown_table()


def test_every_check_id_in_the_code_is_in_the_readme() -> None:
    package = Path(django_feedback_sso.__file__).parent  # installed or checked out
    source = "\n".join(path.read_text() for path in package.rglob("*.py"))
    in_code = set(re.findall(r'"(?:feedback_sso\.)?([EW]0\d\d)"', source))
    in_readme = set(re.findall(r"`feedback_sso\.([EW]0\d\d)`", README))

    assert in_code
    assert in_code == in_readme


def test_troubleshooting_names_every_refusal_reason() -> None:
    section = README[README.index("## Troubleshooting"):README.index("## Vendors")]
    step = section[section.index("\n2. "):section.index("\n3. ")]
    codes = {value for name, value in vars(FeedbackSSORefused).items() if name.isupper()}

    named = set(re.findall(r"`(?:\d{3} )?([a-z][a-z_]*)`", step))

    assert named - {"reason", "createsuperuser", "create_user"} == (
        codes - {FeedbackSSORefused.ANONYMOUS} | {"authentication_required"})
