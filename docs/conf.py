"""Sphinx configuration: `python3 dev.py docs` builds into docs/_build/html, offline."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
# autodoc imports the app, and parts of it need configured settings: a minimal project.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_settings")
django.setup()

from django_feedback_sso import __version__  # noqa: E402 - after django.setup()

project = "django-feedback-sso"
author = "django-feedback-sso contributors"
copyright = "django-feedback-sso contributors"
release = __version__

extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "vendors/_generated"]  # the generated parts are included
# GitHub-style anchors, so the README's and SECURITY.md's "#section" links work here too.
myst_heading_anchors = 4
myst_enable_extensions = ["colon_fence"]

html_theme = "furo"
html_title = f"django-feedback-sso {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Annotations name these aliases; the API page documents them under their full names.
autodoc_type_aliases = {"Surface": "django_feedback_sso.signals.Surface",
                        "Hook": "django_feedback_sso.conf.Hook"}
# Every cross-reference must resolve; Python's and Django's own names would need their
# inventories, which an offline build can't fetch.
nitpicky = True
nitpick_ignore_regex = [
    ("py:.*", r"(django|jwt|datetime|collections|typing|re|enum|dataclasses)\..*"),
    ("py:.*", r"(Any|Callable|Mapping|Literal|AbstractBaseUser|HttpRequest|timedelta|"
              r"datetime|Pattern|Signal|ImproperlyConfigured|Exception|ValueError|"
              r"Sequence|Iterable)"),
]

# Long URLs and JSON in the vendor pages' tables break inside their cells (_static/tables.css).
html_static_path = ["_static"]
html_css_files = ["tables.css"]
