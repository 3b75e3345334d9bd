"""The README's Install section, done as it says in a fresh ``django-admin startproject``.

Every fenced block between ``<!-- install:start`` and ``<!-- install:end -->`` is applied in
order: ``# settings.py`` / ``# urls.py`` blocks are appended to the project's files, a
``# .env`` block and ``{# templates/… #}`` blocks become files, and ``sh`` blocks run
(``python manage.py …`` for real; ``pip install`` is checked against what is installed
here, as the tests run offline). A template block without a file name is the tag, rendered
for the user the README creates. Then that user logs in through the login page, the URLs
the section tells the reader to open are requested as that user, and the tokens are
verified with joserfc.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from tests.oracle import verify

ROOT = Path(__file__).resolve().parent.parent
INSTALL = re.search(r"<!-- install:start(.*?)<!-- install:end -->",
                    (ROOT / "README.md").read_text(), re.DOTALL)
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.DOTALL | re.MULTILINE)
PROJECT = "mysite"
DISTRIBUTION = "django-feedback-sso"
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")
NO_ISSUES = "System check identified no issues (0 silenced).\n"


@dataclass(frozen=True)
class Block:
    language: str
    text: str

    @property
    def target(self) -> str | None:
        """The file the block names on its first line (``# settings.py``), if any."""
        first = self.text.splitlines()[0]
        named = re.fullmatch(r"(?:#|\{#) ?([\w./-]+)(?: #\})?", first.strip())
        return named.group(1) if named else None


def install_blocks() -> list[Block]:
    assert INSTALL, "README.md lost its <!-- install:start --> … <!-- install:end --> markers"
    return [Block(language, text) for language, text in BLOCK.findall(INSTALL.group(1))]


def install_text() -> str:
    assert INSTALL
    return INSTALL.group(1)


def project_env(project: Path) -> dict[str, str]:
    """The environment a user's shell would have: no test settings leaking in."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("DJANGO_", "SLEEKPLAN_"))}
    return {**env, "DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings", "PYTHONPATH": str(project)}


def manage(project: Path, *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=project, env=project_env(project),
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr}"
    return result.stdout


def pip_install_command() -> list[str]:
    (command,) = [shlex.split(line) for block in install_blocks() if block.language == "sh"
                  for line in block.text.splitlines() if line.startswith("pip install")]
    return command


def check_pip_install(command: list[str]) -> None:
    """Every requirement named is a real distribution, the one installed here; a path is a
    checkout of this project, wherever it was cloned."""
    for argument in command[2:]:
        if "/" in argument:
            metadata.distribution(Path(argument).name)
        elif not argument.startswith("-"):
            metadata.distribution(Requirement(argument).name)


def run_shell(project: Path, block: Block) -> list[str]:
    """Run the block's commands; return the output of each ``manage.py check``."""
    checks = []
    for line in block.text.splitlines():
        command = shlex.split(line, comments=True)
        if not command:
            continue
        if command[:2] == ["pip", "install"]:
            check_pip_install(command)
        elif command[:2] == ["python", "manage.py"] and command[2] != "runserver":
            output = manage(project, *command[2:])
            if command[2] == "check":
                checks.append(output)
        elif command[:2] != ["python", "manage.py"]:
            pytest.fail(f"the README runs a command this test can't follow: {line}")
    return checks


def apply(project: Path, block: Block, templates: list[str]) -> None:
    target = block.target
    body = block.text.split("\n", 1)[1] if target else block.text
    if target in ("settings.py", "urls.py"):
        path = project / PROJECT / target
        path.write_text(path.read_text() + "\n" + body)
    elif target is not None:
        path = project / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body)
    else:
        templates.append(block.text)


PROOF = """
import json, re, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.template import engines
from django.test import Client, RequestFactory

urls, templates, password = json.loads(sys.argv[1])
User = get_user_model()
(user,) = User.objects.filter(is_staff=False)
out = {"email": user.email, "username": user.get_username()}
client = Client(HTTP_HOST="127.0.0.1:8000")  # as runserver's browser; DEBUG allows it
anonymous = client.get(urls["redirect"])
out["login_url"] = anonymous.headers.get("Location", "")
out["login_page"] = client.get(out["login_url"]).status_code
landed = client.post(out["login_url"].split("?")[0],
                     {"username": user.get_username(), "password": password}, follow=True)
out["logged_in"] = [[url for url, _ in landed.redirect_chain], landed.status_code,
                    landed.content.decode()]
client.force_login(user)
out["token"] = client.get(urls["token"]).json()
portal = client.get(urls["redirect"], follow=True)
out["portal"] = [portal.status_code, portal.content.decode()]
verdict = client.post(urls["verify"], {"token": out["token"]["token"], "format": "html"})
out["verify"] = [verdict.status_code, verdict.content.decode()]
request = RequestFactory(HTTP_HOST="127.0.0.1:8000").get("/")
request.user = user
out["tags"] = [engines["django"].from_string(text).render({}, request) for text in templates]
admin = User.objects.create_superuser("admin", "admin@example.com", "admin-password")
client.force_login(admin)
refused = client.get(urls["token"])
out["superuser"] = [refused.status_code, refused.json()]
print(json.dumps(out))
"""


def readme_urls() -> dict[str, str]:
    """The URLs the section tells the reader to open, by what they end in."""
    found = re.findall(r"<http://127\.0\.0\.1:8000(/[\w/-]+/(redirect|token|verify)/)>",
                       install_text())
    return {kind: path for path, kind in found}


def readme_password() -> str:
    """The password of the user the section creates."""
    (password,) = re.findall(r"create_user\('\w+', '[^']*', '([^']*)'\)", install_text())
    return password


def dotenv_secret(project: Path) -> str:
    values = dict(line.split("=", 1) for line in (project / ".env").read_text().splitlines()
                  if "=" in line and not line.startswith("#"))
    return values["SLEEKPLAN_SSO_SECRET"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Any]:
    """A fresh project with the Install section applied; what the proof script saw."""
    project = tmp_path_factory.mktemp("readme") / PROJECT
    project.mkdir()
    subprocess.run(  # noqa: S603 - startproject of the Django installed here
        [sys.executable, "-m", "django", "startproject", PROJECT, str(project)],
        check=True, env=project_env(project))
    checks: list[str] = []
    templates: list[str] = []
    for block in install_blocks():
        if block.language == "sh":
            checks += run_shell(project, block)
        else:
            apply(project, block, templates)
    checks.append(manage(project, "check"))  # and once more with every block applied
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROOF, json.dumps([readme_urls(), templates, readme_password()])],
        cwd=project, env=project_env(project), capture_output=True, text=True, timeout=120,
        check=False)
    assert result.returncode == 0, result.stderr
    return project, checks, json.loads(result.stdout)


def test_the_section_has_what_this_test_follows() -> None:
    blocks = install_blocks()

    assert {block.target for block in blocks} >= {
        "settings.py", "urls.py", ".env", "templates/registration/login.html"}
    assert set(readme_urls()) == {"redirect", "token", "verify"}


def test_manage_py_check_finds_nothing(installed: tuple[Path, list[str], Any]) -> None:
    _, checks, _ = installed

    assert len(checks) >= 2
    assert checks == [NO_ISSUES] * len(checks)


def test_anonymous_users_reach_a_login_page(installed: tuple[Path, list[str], Any]) -> None:
    _, _, seen = installed

    assert seen["login_url"] == "/accounts/login/?next=/feedback-sso/sleekplan/redirect/"
    assert seen["login_page"] == 200


def test_the_token_endpoint_gives_the_user_a_token_that_verifies(
        installed: tuple[Path, list[str], Any]) -> None:
    project, _, seen = installed

    claims = verify("sleekplan", seen["token"]["token"], secret=dotenv_secret(project))

    assert claims["mail"] == seen["email"]
    assert claims["name"] == seen["username"]
    assert seen["token"]["expires_at"] == claims["exp"]


def test_the_tag_renders_a_token_that_verifies(installed: tuple[Path, list[str], Any]) -> None:
    project, _, seen = installed
    (rendered,) = seen["tags"]

    tokens = JWT.findall(rendered)

    assert len(tokens) == 1
    assert verify("sleekplan", tokens[0], secret=dotenv_secret(project))["mail"] == seen["email"]


def test_the_sandbox_signs_the_user_in(installed: tuple[Path, list[str], Any]) -> None:
    _, _, seen = installed
    signed_in = (f'Signed in as <span data-sandbox-user>{seen["username"]}</span> '
                 f'(<span data-sandbox-email>{seen["email"]}</span>)')

    for status, html in (seen["portal"], seen["verify"]):
        assert status == 200
        assert 'data-sandbox-state="signed-in"' in html
        assert signed_in in html


def test_the_superuser_is_refused_as_the_readme_says(
        installed: tuple[Path, list[str], Any]) -> None:
    _, _, seen = installed

    assert seen["superuser"] == [403, {"error": "refused", "reason": "staff"}]
    assert '{"error": "refused", "reason": "staff"}' in install_text()


def test_the_install_command_works_from_a_checkout_and_names_the_package_to_come() -> None:
    command = pip_install_command()
    checkout = command[2]

    assert ":" not in checkout  # a path, not a URL or a "name @ URL" of a repository
    assert Path(checkout).name == DISTRIBUTION
    assert "until the first release" in install_text().lower()
    assert f"`pip install {DISTRIBUTION}`" in install_text()  # after it, by name


def test_logging_in_lands_on_a_page_with_the_tag(installed: tuple[Path, list[str], Any]) -> None:
    """Not on Django's default /accounts/profile/, which nothing serves."""
    project, _, seen = installed
    redirects, status, html = seen["logged_in"]

    tokens = JWT.findall(html)

    assert (redirects, status) == (["/"], 200)
    assert len(tokens) == 1
    assert verify("sleekplan", tokens[0], secret=dotenv_secret(project))["mail"] == seen["email"]
