"""Options that point the built-in vendors at a sandbox, for a settings file.

    FEEDBACK_SSO["VENDORS"]["sleekplan"].update(vendor_options(base)["sleekplan"])

``base`` is where ``django_feedback_sso.sandbox.urls`` is included, as an absolute URL
(settings can't ``reverse()``); http is accepted there because it is on localhost.
"""

from __future__ import annotations

from ..vendors.folders import builtin_folders, folder_module


def vendor_options(base_url: str) -> dict[str, dict[str, str]]:
    """Vendor id -> the URL options that send its tokens and scripts to the sandbox.

    Each built-in vendor's folder says which (its ``sandbox.py``); ``{sandbox}`` in them
    stands for ``base_url``. Other placeholders (``{COMPANY_ID}``) are the options' own.
    """
    base = base_url.rstrip("/")
    found = {}
    for vendor_id in builtin_folders():
        module = folder_module(vendor_id, "sandbox")
        if module is not None:
            found[vendor_id] = {name: value.replace("{sandbox}", base)
                                for name, value in module.OPTIONS.items()}
    return found
