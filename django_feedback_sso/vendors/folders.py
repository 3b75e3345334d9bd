"""Built-in vendors, one folder each, found by looking, never listed by hand.

A folder under ``django_feedback_sso/vendors/`` is a vendor when it is a package with a
``spec`` module defining ``SPEC``; its other files are found by name: templates
(:data:`FILES`), ``widget.js`` (its JavaScript module, :mod:`.modules`), ``sandbox.py`` (its
sandbox URL options) and ``fixture.py`` (its contract, as its documents state it, for the
generated tests). The app's own ``feedback_sso_vendors`` module hands these to the
registry, which discovers them exactly as it discovers another installed app's vendors.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from pathlib import Path
from typing import Any

from .spec import VendorSpec

HERE = Path(__file__).resolve().parent

#: Files a vendor folder may hold beside ``spec.py``, by what they are: each is also a
#: template name (:mod:`~django_feedback_sso.vendors.templates`), so a project's template
#: of that name replaces the folder's.
FILES = {
    "snippet.html": "feedback_sso/snippets/{id}.html",
    "sandbox.js": "feedback_sso_sandbox/widgets/{id}.js",
    "demo.html": "demo/vendors/{id}.html",
}


@functools.cache
def builtin_folders() -> dict[str, Path]:
    """Vendor id -> its folder, for every folder here that holds a ``spec.py``."""
    return {info.name: HERE / info.name for info in pkgutil.iter_modules([str(HERE)])
            if info.ispkg and (HERE / info.name / "spec.py").is_file()}


@functools.cache
def builtin_specs() -> dict[str, VendorSpec]:
    """Vendor id -> the ``SPEC`` of its folder, in the folders' alphabetical order.

    A broken built-in folder is a bug in this package, not a project's mistake: it raises.
    """
    specs = {}
    for folder_id in builtin_folders():
        spec = importlib.import_module(f"{__package__}.{folder_id}.spec").SPEC
        if not isinstance(spec, VendorSpec) or spec.id != folder_id:
            raise TypeError(f"vendors/{folder_id}/spec.py: SPEC must be the VendorSpec "
                            f"with id {folder_id!r}")
        specs[folder_id] = _with_folder_snippet(spec)
    return specs


def _with_folder_snippet(spec: VendorSpec) -> VendorSpec:
    """The snippet template derived from the id, when the folder has ``snippet.html``."""
    if spec.delivery.template is not None or folder_file(spec.id, "snippet.html") is None:
        return spec
    return spec.replacing(snippet_template=FILES["snippet.html"].format(id=spec.id))


def folder_module(vendor_id: str, name: str) -> Any:
    """A module of a built-in vendor's folder (``sandbox``, ``fixture``), or ``None``."""
    if vendor_id not in builtin_folders() or not (HERE / vendor_id / f"{name}.py").is_file():
        return None
    return importlib.import_module(f"{__package__}.{vendor_id}.{name}")


def folder_file(vendor_id: str, name: str) -> Path | None:
    """The file ``name`` (``widget.js``, one of :data:`FILES` …) of a built-in vendor's
    folder, if it has it."""
    folder = builtin_folders().get(vendor_id)
    path = folder / name if folder else None
    return path if path is not None and path.is_file() else None
