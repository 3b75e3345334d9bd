"""The templates in built-in vendor folders, under the names a project overrides them by.

``feedback_sso/snippets/canny.html`` is ``vendors/canny/snippet.html`` (see
:data:`~django_feedback_sso.vendors.folders.FILES`). :func:`get_template` asks the engine
first, so a project's template of that name wins, then this loader. It is a Django template
loader, so the folder's template renders in the project's engine: its tags, filters and
includes resolve as in any other template.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from django.template import Origin, TemplateDoesNotExist
from django.template.engine import Engine
from django.template.loaders.base import Loader
from django.template.loaders.cached import Loader as CachedLoader

from .folders import FILES, builtin_folders


@functools.cache
def _names() -> dict[str, str]:
    """Template name -> the folder file it stands for, for every built-in vendor."""
    return {pattern.format(id=vendor_id): str(folder / filename)
            for vendor_id, folder in builtin_folders().items()
            for filename, pattern in FILES.items() if (folder / filename).is_file()}


class VendorFolderLoader(Loader):
    """Finds a built-in vendor's files by their template names."""

    def get_template_sources(self, template_name: str) -> Iterator[Origin]:
        path = _names().get(template_name)
        if path is not None:
            yield Origin(name=path, template_name=template_name, loader=self)

    def get_contents(self, origin: Origin) -> str:
        try:
            with open(origin.name, encoding=self.engine.file_charset) as file:
                return file.read()
        except FileNotFoundError as exc:
            raise TemplateDoesNotExist(origin) from exc


@functools.cache
def _loader(engine: Engine) -> CachedLoader:
    """Compiled once per engine, like the templates of a project's cached loader."""
    return CachedLoader(engine, [f"{__name__}.{VendorFolderLoader.__name__}"])


def get_template(engine: Engine, name: str) -> Any:
    """The engine's template ``name`` (a project's override), else the vendor folder's."""
    if (engine, name) in _NOT_OVERRIDDEN:
        return _loader(engine).get_template(name)
    try:
        return engine.get_template(name)
    except TemplateDoesNotExist:
        if not engine.debug:
            # Like a cached loader: in production the answer stays, and asking the
            # engine again would raise (and build) the same exception on every render.
            _NOT_OVERRIDDEN.add((engine, name))
        return _loader(engine).get_template(name)


#: (engine, template name) the engine doesn't have, outside ``DEBUG``.
_NOT_OVERRIDDEN: set[tuple[Engine, str]] = set()
