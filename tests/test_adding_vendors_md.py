"""ADDING_VENDORS.md and the settings reference's "A vendor that isn't built in" (docs/settings.md)
say what the code does.

Every file it names exists, every Python name imports, its SPEC key table is exactly the
keys the code reads, and the examples, run as settings, configure a vendor that mints
verified tokens.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.module_loading import import_string
from joserfc import jwt
from joserfc.jwk import OctKey

import django_feedback_sso
from django_feedback_sso import conf
from django_feedback_sso.checks import check_settings
from django_feedback_sso.shortcuts import issue_token_for
from django_feedback_sso.vendors import Vendor
from django_feedback_sso.vendors.custom import SHORTHANDS, SPEC_KEYS
from django_feedback_sso.vendors.issuely.spec import SPEC as ISSUELY
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_ROOT = Path(django_feedback_sso.__file__).resolve().parent.parent
#: The contributor's guide, and the documentation page that includes it beside the SPEC
#: reference and the app example.
GUIDE = (ROOT / "ADDING_VENDORS.md").read_text() + (ROOT / "docs" / "adding-vendors.md").read_text()
SETTINGS_PAGE = (ROOT / "docs" / "settings.md").read_text()
CUSTOM = "## A vendor that isn't built in"
SECRET = "acme-secret-0123456789abcdef-0123456789"
FENCED = re.compile(r"```([\w{}-]*)[^\n]*\n(.*?)```", re.DOTALL)
#: A file or folder name: path characters only, with a slash or a file extension.
PATH = re.compile(r"[\w./<>-]*(/[\w./<>-]*|\.(py|md|html|js))")


def inline_code(markdown: str) -> list[str]:
    """What the text puts in backticks, code blocks left out."""
    return re.findall(r"`([^`\n]+)`", FENCED.sub("", markdown))


def code_blocks(markdown: str, language: str = "python") -> list[str]:
    return [code for lang, code in FENCED.findall(markdown) if lang == language]


def section(markdown: str, heading: str) -> str:
    start = markdown.index(heading)
    end = markdown.find("\n#", start + len(heading))
    return markdown[start:end if end != -1 else None]


def exists(path: str) -> bool:
    """The path in the repository; ``<id>`` stands for any vendor, a bare name anywhere.

    The package's own files are looked for where it is imported from, too: the packaging
    check runs these tests against the installed wheel, beside a copy of the tests."""
    pattern = re.sub(r"<[^>]+>", "*", path).rstrip("/")
    for root in (ROOT, PACKAGE_ROOT):
        found = root.rglob(pattern) if "/" not in pattern else root.glob(pattern)
        if any(not {".venv", ".tox", "build"} & set(match.relative_to(root).parts)
               for match in found):
            return True
    return False


def test_every_file_it_names_exists() -> None:
    text = GUIDE + section(SETTINGS_PAGE, CUSTOM)
    paths = [code for code in inline_code(text) if PATH.fullmatch(code)
             # The sdist ships without the example project: its paths are checked in a clone.
             and ((ROOT / "example_project").exists() or not code.startswith("example_project"))]

    assert len(paths) > 30
    assert [path for path in paths if not exists(path)] == []


def test_every_python_name_it_gives_imports() -> None:
    names = [re.sub(r"\(.*", "", code) for code in inline_code(GUIDE)
             if re.fullmatch(r"django_feedback_sso(\.\w+)+(\(.*\))?", code)]

    assert names
    assert [name for name in names if not importable(name)] == []


def importable(name: str) -> bool:
    """A module, or a name in one."""
    try:
        importlib.import_module(name)
    except ImportError:
        try:
            import_string(name)
        except ImportError:
            return False
    return True


def test_its_spec_key_table_lists_exactly_the_keys_the_code_reads() -> None:
    table = section(GUIDE, "## A vendor in your settings")
    keys = re.findall(r"^\| `([A-Z_]+)` \|", table, re.MULTILINE)

    assert sorted(keys) == sorted([*SPEC_KEYS, *SHORTHANDS])


def test_every_spec_key_the_settings_page_names_is_one() -> None:
    text = section(SETTINGS_PAGE, CUSTOM)
    named = set(re.findall(r"`([A-Z][A-Z_]+)`", text))

    assert set(SPEC_KEYS) <= named
    assert named - {*SPEC_KEYS, *SHORTHANDS} == {"SPEC", "RETURN_HOSTS", "CLASS"}


def settings_from(code: str) -> Any:
    """A settings snippet run with ``env()`` giving the test secret."""
    namespace: dict[str, Any] = {"env": lambda name: SECRET}
    source = code if code.lstrip().startswith("FEEDBACK_SSO") else (
        "FEEDBACK_SSO = {'VENDORS': {" + code + "}}")
    exec(source, namespace)  # noqa: S102 - our own documentation
    return namespace["FEEDBACK_SSO"]


def spec_example(markdown: str) -> str:
    (code,) = [code for code in code_blocks(markdown) if '"SPEC"' in code]
    return code


@pytest.mark.django_db
def test_the_guides_example_configures_a_working_vendor(settings: Any) -> None:
    settings.FEEDBACK_SSO = settings_from(spec_example(GUIDE))
    user = UserFactory(username="Jane.Doe")

    assert check_settings() == []
    issued = issue_token_for(user, "acme")
    claims = jwt.decode(issued.token, OctKey.import_key(SECRET), algorithms=["HS256"]).claims
    assert claims == {"sub": str(user.pk), "email": user.email, "name": "Jane Doe",
                      "handle": "janedoe", "team": "t-42", "iat": claims["iat"],
                      "exp": claims["iat"] + 120, "jti": issued.jti}
    config = conf.get_vendor_config("acme")
    assert config.vendor.sso_url(config.options, "T", "https://board.acme.example/r") == (
        "https://board.acme.example/sso?redirect_to=https%3A%2F%2Fboard.acme.example%2Fr"
        "&jwt=T")


def test_the_settings_pages_example_configures_a_working_vendor(settings: Any, user: Any) -> None:
    settings.FEEDBACK_SSO = settings_from(spec_example(section(SETTINGS_PAGE, CUSTOM)))
    client_url = "https://board.acme.example/sso"

    assert check_settings() == []
    issued = issue_token_for(user, "acme")
    claims = jwt.decode(issued.token, OctKey.import_key(SECRET), algorithms=["HS256"]).claims
    assert (claims["sub"], claims["email"], claims["name"]) == (
        str(user.pk), user.email, "Jane Doe")
    config = conf.get_vendor_config("acme")
    url = urlsplit(config.vendor.sso_url(config.options, "T", "https://board.acme.example/r"))
    assert url._replace(query="").geturl() == client_url
    assert parse_qs(url.query) == {"redirect": ["https://board.acme.example/r"], "jwt": ["T"]}


def test_the_guides_class_example_is_a_vendor_subclass() -> None:
    (code,) = [code for code in code_blocks(GUIDE) if "(Vendor):" in code]
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 - our own documentation
    vendor_class = namespace["ShortNameIssuely"]

    assert issubclass(vendor_class, Vendor)
    assert vendor_class(ISSUELY).identity_claims(
        {"email": "jane@example.com", "display_name": "Jane Doe"}) == {
            "email": "jane@example.com", "name": "Jane"}
