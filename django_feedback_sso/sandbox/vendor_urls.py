"""Options that point the seed vendors at a sandbox, for a settings file.

    FEEDBACK_SSO["VENDORS"]["sleekplan"].update(vendor_options(base)["sleekplan"])

``base`` is where ``django_feedback_sso.sandbox.urls`` is included, as an absolute URL
(settings can't ``reverse()``); http is accepted there because it is on localhost.
"""

from __future__ import annotations


def vendor_options(base_url: str) -> dict[str, dict[str, str]]:
    """Vendor id -> the URL options that send its tokens and scripts to the sandbox."""
    base = base_url.rstrip("/")
    return {
        # Sleekplan's widget loader, and the standalone board for the redirect view.
        "sleekplan": {"WIDGET_SCRIPT_URL": f"{base}/sleekplan/widget.js",
                      "PORTAL_URL": f"{base}/sleekplan/portal"},
        # The SDK reads ?sso= from its own URL; any portal page takes ?sso= too.
        "productlift": {"SDK_URL": f"{base}/productlift/widget.js",
                        "PORTAL_URL": f"{base}/productlift/portal"},
        # SSO_URL defaults to {PORTAL_URL}/api/v1/auth/access/jwt, which the portal serves.
        "feedbackchimp": {"PORTAL_URL": f"{base}/feedbackchimp/portal"},
        "issuely": {"SSO_URL": f"{base}/issuely/portal/api/auth/sso",
                    "PORTAL_URL": f"{base}/issuely/portal"},
        "boostgpt": {"WIDGET_SCRIPT_URL": f"{base}/boostgpt/widget.js"},
    }
