"""The documentation site as a reader sees it at 1280x900: built from docs/ with Sphinx (the
``docs`` dependency group, which ``python3 dev.py test`` installs) and opened in Chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from django_feedback_sso.vendors import BUILTIN_SPECS
from tests.browser.support import Page, unavailable

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
WIDTH, HEIGHT = 1280, 900
#: Every table on the page whose content is wider than the box it scrolls in.
OVERFLOWING_TABLES = """() => [...document.querySelectorAll("article table")]
    .filter(table => table.scrollWidth > table.closest(".table-wrapper").clientWidth)
    .map(table => table.querySelector("th").textContent)"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML site, built as ``python3 dev.py docs`` builds it."""
    try:
        import furo  # noqa: F401
        import myst_parser  # noqa: F401
        import sphinx  # noqa: F401
    except ImportError:
        unavailable("the docs dependency group is not installed (pip install --group docs)")
    html = tmp_path_factory.mktemp("docs") / "html"
    # docs/conf.py configures Django for autodoc itself; the tests' settings mustn't leak in.
    env = {name: value for name, value in os.environ.items()
           if name != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", DOCS, html],
        check=True, env=env, timeout=300)
    return html


@pytest.fixture
def screen(chromium: Any) -> Iterator[Page]:
    context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    yield context.new_page()
    context.close()


def test_every_vendor_page_fits_its_tables_in_the_window(site: Path, screen: Page) -> None:
    overflowing = {}
    for vendor_id in BUILTIN_SPECS:
        screen.goto((site / "vendors" / f"{vendor_id}.html").as_uri())
        if tables := screen.evaluate(OVERFLOWING_TABLES):
            overflowing[vendor_id] = tables

    assert overflowing == {}


def test_the_front_page_leaves_the_table_of_contents_to_the_sidebar(site: Path,
                                                                    screen: Page) -> None:
    screen.goto((site / "index.html").as_uri())

    links = screen.locator("article a.reference.internal")
    captions = screen.locator(".sidebar-tree .caption-text")

    assert [link.get_attribute("href") for link in links.all()] == [
        "quickstart.html", "vendors/index.html"]
    assert captions.all_text_contents() == [
        "Getting started", "Delivering tokens", "Operating and extending", "Project"]
