"""The documentation says what the code does: generated vendor parts, tables and check ids.

docs/ ships in the sdist, so these run there too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import django_feedback_sso
from django_feedback_sso.exceptions import FeedbackSSORefused
from django_feedback_sso.vendors import BUILTIN_SPECS
from django_feedback_sso.vendors.docs import PARTS, generated_page, write
from django_feedback_sso.vendors.table import markdown_table

DOCS = Path(__file__).resolve().parent.parent / "docs"
GENERATED = DOCS / "vendors" / "_generated"
#: Every vendor page's sections, in this order.
SECTIONS = ["Settings", "Claims", "Delivery", "Vendor-initiated sign-in", "Quirks",
            "Confidence and sources", "System checks"]
#: The generated part each section includes, where it has one.
INCLUDES = {"Settings": "settings", "Claims": "claims", "Delivery": "delivery",
            "Vendor-initiated sign-in": "vendor-initiated", "System checks": "checks"}


def between(text: str, start: str, end: str) -> str:
    """The lines between the marker line starting with ``start`` and ``end``."""
    begin = text.index(start)
    return text[text.index("\n", begin) + 1:text.index(end)].strip()


@pytest.mark.parametrize("vendor_id", BUILTIN_SPECS)
def test_generated_vendor_parts_are_up_to_date(vendor_id: str) -> None:
    committed = (GENERATED / f"{vendor_id}.md").read_text()

    assert committed == generated_page(BUILTIN_SPECS[vendor_id]), (
        "stale: run python -m django_feedback_sso.vendors.docs docs/vendors/_generated")


def test_generated_parts_are_exactly_the_built_in_vendors(tmp_path: Path) -> None:
    written = {path.name for path in write(tmp_path)}

    assert {path.name for path in GENERATED.iterdir()} == written
    assert written == {f"{vendor_id}.md" for vendor_id in BUILTIN_SPECS}


@pytest.mark.parametrize("vendor_id", BUILTIN_SPECS)
def test_every_vendor_page_has_the_same_sections_with_its_generated_parts(
        vendor_id: str) -> None:
    page = (DOCS / "vendors" / f"{vendor_id}.md").read_text()
    sections = re.split(r"^## ", page, flags=re.MULTILINE)

    assert sections[0].startswith(f"# {BUILTIN_SPECS[vendor_id].name}\n")
    assert [section.split("\n", 1)[0] for section in sections[1:]] == SECTIONS
    for section in sections[1:]:
        title = section.split("\n", 1)[0]
        included = re.findall(r"```\{include\} _generated/(\w+)\.md\n"
                              r":start-after: <!-- ([\w-]+) -->\n"
                              r":end-before: <!-- /([\w-]+) -->\n```", section)
        expected = [(vendor_id, INCLUDES[title], INCLUDES[title])] if title in INCLUDES else []
        assert included == expected, title


def test_every_generated_part_is_marked() -> None:
    page = generated_page(BUILTIN_SPECS["sleekplan"])

    assert re.findall(r"<!-- (/?[\w-]+) -->", page) == [
        marker for part in PARTS for marker in (part, f"/{part}")]


def test_every_vendor_page_is_in_the_vendor_index() -> None:
    index = (DOCS / "vendors" / "index.md").read_text()
    toctree = index[index.index("```{toctree}"):]

    assert re.findall(r"^(\w+)$", toctree, flags=re.MULTILINE) == list(BUILTIN_SPECS)


def test_vendor_table_matches_the_registry() -> None:
    index = (DOCS / "vendors" / "index.md").read_text()

    assert between(index, "<!-- vendor-table:start", "<!-- vendor-table:end") == (
        markdown_table())


def test_every_check_id_in_the_code_is_on_the_checks_page() -> None:
    package = Path(django_feedback_sso.__file__).parent  # installed or checked out
    source = "\n".join(path.read_text() for path in package.rglob("*.py"))
    in_code = set(re.findall(r'"(?:feedback_sso\.)?([EW]0\d\d)"', source))
    documented = set(re.findall(r"^\| `feedback_sso\.([EW]0\d\d)` \|",
                                (DOCS / "checks.md").read_text(), flags=re.MULTILINE))

    assert in_code
    assert in_code == documented


def test_troubleshooting_names_every_refusal_reason() -> None:
    page = (DOCS / "troubleshooting.md").read_text()
    step = page[page.index("\n2. "):page.index("\n3. ")]
    codes = {value for name, value in vars(FeedbackSSORefused).items() if name.isupper()}

    named = set(re.findall(r"`(?:\d{3} )?([a-z][a-z_]*)`", step))

    assert named - {"reason", "createsuperuser", "create_user"} == (
        codes - {FeedbackSSORefused.ANONYMOUS} | {"authentication_required"})


def test_the_front_page_leaves_the_table_of_contents_to_the_sidebar() -> None:
    index = (DOCS / "index.md").read_text()

    toctrees = re.findall(r"```\{toctree\}\n(.*?)```", index, flags=re.DOTALL)

    assert len(toctrees) == 4
    assert [":hidden:" in toctree.splitlines() for toctree in toctrees] == [True] * 4
