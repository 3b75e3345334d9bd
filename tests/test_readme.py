"""The README, the front door: its vendor list and its five-line install say what the code
and the tested Install section do (tests/test_readme_install.py follows that section), and
it reads as well on the package index, which shows it without the repository around it."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path
from typing import Any

from django_feedback_sso.checks import check_settings
from django_feedback_sso.sandbox.vendor_urls import vendor_options
from django_feedback_sso.vendors.table import readme_vendor_list
from tests.settings import SECRETS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
INSTALL = README[README.index("<!-- install:start"):README.index("<!-- install:end")]
#: Sites that don't exist before the first release. The README may link to them only once
#: a paragraph has said so; the package's metadata, whose URLs PyPI shows as links, not at all.
NOT_PUBLISHED_YET = ("https://django-feedback-sso.readthedocs.io/",
                     "https://github.com/django-feedback-sso/")


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


def paragraph_at(text: str, at: int) -> str:
    start = text.rfind("\n\n", 0, at)
    return text[start:text.find("\n\n", at)]


def test_sites_not_published_yet_are_linked_only_after_saying_so() -> None:
    project_urls = metadata.metadata("django-feedback-sso").get_all("Project-URL") or []

    for site in NOT_PUBLISHED_YET:
        if site in README:
            assert "first release" in paragraph_at(README, README.index(site)), site
    assert [url for url in project_urls
            if url.split(", ", 1)[-1].startswith(NOT_PUBLISHED_YET)] == []


def prose(markdown: str) -> str:
    """The Markdown without code blocks, code spans and comments: what may hold links."""
    markdown = re.sub(r"^```.*?^```", "", markdown, flags=re.DOTALL | re.MULTILINE)
    return re.sub(r"<!--.*?-->|`[^`]*`", "", markdown, flags=re.DOTALL)


def github_anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_works_on_the_package_index_too() -> None:
    """A relative link (``SECURITY.md``) goes nowhere on PyPI; an anchor to a heading does."""
    text = prose(README)
    targets = re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r"<([a-z]+:[^>\s]+)>", text)
    anchors = {github_anchor(heading)
               for heading in re.findall(r"^#+ (.*)$", text, flags=re.MULTILINE)}

    assert targets
    assert [target for target in targets
            if not target.startswith(("https://", "http://"))
            and target.removeprefix("#") not in anchors] == []


def test_dev_py_is_only_ever_run_from_a_checkout() -> None:
    """The sdist, whose README this is too, ships no dev.py (nor the example or benchmarks)."""
    sections = re.split(r"^## ", README, flags=re.MULTILINE)

    assert [section.split("\n", 1)[0] for section in sections
            if "dev.py" in section and "checkout" not in section] == []


def test_the_sandbox_settings_show_how_to_point_another_vendor_at_it(settings: Any) -> None:
    (block,) = [code for code in re.findall(r"```python\n(.*?)```", INSTALL, re.DOTALL)
                if "vendor_options(" in code]
    # The other vendor's settings block and its line for the sandbox, given in the text.
    (other_block,) = re.findall(r'`("\w+": \{"SECRET": env\("\w+"\)\})`', INSTALL)
    (other_line,) = re.findall(
        r'`(FEEDBACK_SSO\["VENDORS"\]\["(?!sleekplan")\w+"\]\.update\(sandbox\["\w+"\]\))`',
        INSTALL)
    namespace: dict[str, Any] = {
        "INSTALLED_APPS": [], "FEEDBACK_SSO": {"VENDORS": {}},
        "env": lambda name: SECRETS[name.removesuffix("_SSO_SECRET").lower()]}

    exec(  # noqa: S102 - the README's own code
        'FEEDBACK_SSO["VENDORS"].update({"sleekplan": {"SECRET": env("SLEEKPLAN_SSO_SECRET")}, '
        f"{other_block}}})\n{block}\n{other_line}", namespace)
    settings.FEEDBACK_SSO = vendors = namespace["FEEDBACK_SSO"]

    assert check_settings() == []
    assert len(vendors["VENDORS"]) == 2
    sandbox = vendor_options("http://127.0.0.1:8000/sandbox")
    for vendor_id, options in vendors["VENDORS"].items():
        assert options == {"SECRET": SECRETS[vendor_id], **sandbox[vendor_id]}
