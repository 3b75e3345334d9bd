"""The architecture, checked by reading the imports.

Data flows one way: settings -> configuration -> claims -> policy -> token -> delivery.
Below delivery nothing asks the settings again: the configuration is passed down.

The package is a stack of layers (:data:`LAYERS`, bottom first). In the import graph (each
module a node, each import an edge) there is no circle, and no module imports one in a
layer above its own. Every ``import`` statement in a file is an edge, wherever it stands:
at the top, inside a function, under ``if TYPE_CHECKING:``. A function-local import runs
(later, but it runs): one moved into a function to dodge a circle is still the circle. A
type-only import is a dependency too: a lower layer naming a higher layer's type knows that
layer, and Sphinx, ``typing.get_type_hints()`` and mypy resolve the name, so a type-only
circle is a real one for them.

An edge goes to the module a statement names (``import a.b`` and ``from a.b import c``:
``a.b``; ``from a import b``: ``a.b`` if that is a module, else ``a``), not to the parent
packages Python runs on the way, or every package whose ``__init__`` re-exports its modules
would be a circle with them. Discovery's dynamic imports (the registry loading installed
apps' ``feedback_sso_vendors``, a vendor folder's modules) aren't statements; they keep the
rule by construction: this app's ``feedback_sso_vendors`` is in the vendors layer, with the
registry that loads it.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import django_feedback_sso

PACKAGE = Path(django_feedback_sso.__file__).resolve().parent
ROOT = PACKAGE.name
#: The layers, bottom first: a module may import its own layer and the ones below. An entry
#: is a module, or a package and everything in it (a longer entry inside it wins).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", (ROOT, "exceptions", "signals", "_urls", "csp")),
    ("vendors", ("vendors", "feedback_sso_vendors")),
    ("settings types", ("_settings.types",)),
    ("settings parsing", ("_settings",)),
    ("settings getters", ("conf",)),
    ("pipeline", ("signatures", "identity", "claims", "policy", "tokens", "verification",
                  "redirects")),
    ("delivery", ("delivery", "handshakes", "signout", "views", "urls", "templatetags", "jinja2",
                  "shortcuts", "checks", "management", "contrib", "sandbox", "apps")),
    ("audit", ("audit",)),
]
#: conf's getters: only the configuration layer itself and the delivery layer may call them.
GETTERS = {"load_config", "get_config", "get_vendor_config", "default_config_id"}
#: The delivery layer (and its conveniences), where a request's configuration is looked up.
DELIVERY = {"delivery.py", "views.py", "templatetags/feedback_sso.py", "jinja2.py",
            "shortcuts.py", "checks.py", "sandbox/views.py", "signout.py",
            "contrib/drf/views.py"}
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


def module_name(path: Path) -> str:
    """``django_feedback_sso.vendors.base`` for ``vendors/base.py``; a package by its name."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def import_graph() -> dict[str, frozenset[str]]:
    """Module -> the package's modules it imports, anywhere in its file (migrations too)."""
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = frozenset(target for node in ast.walk(ast.parse(path.read_text()))
                                for target in _targets(node, package, paths)) - {name}
    return graph


def _targets(node: ast.AST, package: str, modules: dict[str, Path]) -> Iterator[str]:
    """The package's modules an import statement names (see the docstring at the top)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = package.rsplit(".", node.level - 1)[0] if node.level else ""
        source = ".".join(part for part in (base, node.module or "") if part)
        names = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                 for alias in node.names]
    else:
        return
    for name in names:
        while name not in modules and "." in name:  # ``import a.b.c`` where c is a name
            name = name.rpartition(".")[0]
        if name in modules:
            yield name


def layer_of(module: str) -> int:
    """The index in :data:`LAYERS` of the longest entry holding ``module``."""
    relative = module.removeprefix(ROOT + ".")
    matches = [(len(entry), index) for index, (_, entries) in enumerate(LAYERS)
               for entry in entries if relative == entry or relative.startswith(entry + ".")]
    assert matches, f"{module} is in no layer: add it to LAYERS in tests/test_layers.py"
    return max(matches)[1]


def find_cycle(graph: dict[str, frozenset[str]] | dict[str, set[str]]) -> list[str] | None:
    """A circle of imports, as the modules along it (the first one again at the end)."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        path.append(module)
        for target in sorted(graph[module]):
            if target in path:
                return [*path[path.index(target):], target]
            if target not in done and (cycle := visit(target)):
                return cycle
        done.add(path.pop())
        return None

    return next((cycle for module in sorted(graph)
                 if module not in done and (cycle := visit(module))), None)


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_delivery_layer_reads_the_settings(path: Path) -> None:
    relative = path.relative_to(PACKAGE).as_posix()
    if (relative in DELIVERY | CONFIG_LAYER or relative.startswith("_settings/")
            or "management/commands/" in relative):  # commands are a surface too
        return
    assert imported_names(path) & GETTERS == set(), (
        f"{relative} asks conf for the settings; pass the configuration down instead")


def test_the_imports_have_no_circle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "modules that import each other: " + " -> ".join(cycle or [])


def test_no_import_runs_up_a_layer() -> None:
    graph = import_graph()
    upward = [f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} "
              f"({LAYERS[layer_of(target)][0]})"
              for module, targets in sorted(graph.items()) for target in sorted(targets)
              if layer_of(target) > layer_of(module)]
    assert upward == []


def test_every_module_has_a_layer() -> None:
    for module in import_graph():
        layer_of(module)


def test_the_graph_sees_every_kind_of_import() -> None:
    """Top-level, relative, function-local and type-only imports are all edges."""
    graph = import_graph()
    assert f"{ROOT}._settings" in graph[f"{ROOT}.conf"]  # from ._settings import parse
    assert f"{ROOT}.audit.models" in graph[f"{ROOT}.audit.receivers"]  # in a function
    assert f"{ROOT}.conf" in graph[f"{ROOT}.tokens"]  # under TYPE_CHECKING
    assert f"{ROOT}.checks" in graph[f"{ROOT}.apps"]  # from . import checks
    assert f"{ROOT}.vendors.spec" in graph[f"{ROOT}.vendors.zendesk.spec"]  # from ..spec


def test_the_architecture_page_states_these_layers() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text()
    rows = re.findall(r"^\| ([a-z ]+) \| (`.*?`) \|", page, flags=re.MULTILINE)
    documented = [(name, {ROOT if entry == "__init__" else
                          entry.rstrip("/").removesuffix(".py").replace("/", ".")
                          for entry in re.findall(r"`([^`]+)`", modules)})
                  for name, modules in rows]

    assert documented == [(name, set(entries)) for name, entries in LAYERS]


def test_a_circle_is_reported_along_its_modules() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"b"}}) == ["b", "c", "b"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("module", PUBLIC)
def test_public_modules_import_before_django_setup(module: str) -> None:
    """Type-only imports sit under TYPE_CHECKING, so importing needs no configured Django."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed program
        [sys.executable, "-c", f"import django_feedback_sso.{module}"],
        capture_output=True, text=True, env=env, check=False)

    assert result.returncode == 0, result.stderr
