"""Each built-in vendor's JavaScript module: ``vendors/<id>/widget.js``, its glue for the
core (``static/feedback_sso/feedback-sso.js``).

Staticfiles only finds files under an app's ``static/``, so the app's own URLs serve these
(:class:`~django_feedback_sso.views.ModuleView`); the tag links them with their version, a
prefix of the content's hash, which lets browsers keep them for good.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass

from .folders import FILES, builtin_folders, folder_file

#: A vendor folder's module, beside its ``spec.py``.
MODULE = "widget.js"


@dataclass(frozen=True)
class Module:
    """A module's bytes, as served, and their SHA-256."""

    body: bytes
    digest: str

    @property
    def version(self) -> str:
        """What the module's URL carries as ``?v=``: changes whenever the content does."""
        return self.digest[:12]


@functools.cache
def builtin_module(vendor_id: str) -> Module | None:
    """The module of a built-in vendor, or ``None`` for an unknown vendor or one without.

    Read once per process, like a static files manifest: restart ``runserver`` after editing
    a ``widget.js``.
    """
    path = folder_file(vendor_id, MODULE)
    if path is None:
        return None
    body = path.read_bytes()
    return Module(body=body, digest=hashlib.sha256(body).hexdigest())


@functools.cache
def snippet_module(snippet_template: str) -> str | None:
    """The built-in vendor whose folder holds both this snippet template and a module: the
    module goes with its snippet, whatever renders it (a ``SPEC`` may reuse a built-in
    vendor's snippet, a project may override it)."""
    return next((vendor_id for vendor_id in builtin_folders()
                 if FILES["snippet.html"].format(id=vendor_id) == snippet_template
                 and builtin_module(vendor_id) is not None), None)
