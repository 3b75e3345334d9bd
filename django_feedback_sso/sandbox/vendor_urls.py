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
        # Sleekplan's widget loader, and the standalone board for the redirect view. The
        # parameter names below are inferred for the real vendors (check W005); the
        # sandbox implements exactly these, so setting them here is a confirmation.
        "sleekplan": {"WIDGET_SCRIPT_URL": f"{base}/sleekplan/widget.js",
                      "PORTAL_URL": f"{base}/sleekplan/portal", "TOKEN_PARAM": "sso"},
        # The SDK reads ?sso= from its own URL; any portal page takes ?sso= too.
        "productlift": {"SDK_URL": f"{base}/productlift/widget.js",
                        "PORTAL_URL": f"{base}/productlift/portal"},
        "feedbackchimp": {"PORTAL_URL": f"{base}/feedbackchimp/portal",
                          "SSO_URL": f"{base}/feedbackchimp/portal/api/v1/auth/access/jwt",
                          "TOKEN_PARAM": "jwt", "RETURN_PARAM": "return_to"},
        "issuely": {"SSO_URL": f"{base}/issuely/portal/api/auth/sso",
                    "PORTAL_URL": f"{base}/issuely/portal"},
        "boostgpt": {"WIDGET_SCRIPT_URL": f"{base}/boostgpt/widget.js"},
        # issue 12, vendors-a. Canny's SSO endpoint takes companyID on its query, as there.
        "canny": {"PORTAL_URL": f"{base}/canny/portal",
                  "SSO_URL": f"{base}/canny/portal/api/redirects/sso?companyID={{COMPANY_ID}}",
                  "WIDGET_SCRIPT_URL": f"{base}/canny/widget.js"},
        "featurebase": {"PORTAL_URL": f"{base}/featurebase/portal",
                        "WIDGET_SCRIPT_URL": f"{base}/featurebase/widget.js"},
        # SSO_URL's domain default is inferred (W005): set here, it is confirmed.
        "featureos": {"PORTAL_URL": f"{base}/featureos/portal",
                      "SSO_URL": f"{base}/featureos/portal/redirects/sso"
                                 "?domain={PORTAL_URL_HOST}",
                      "EMBED_URL": f"{base}/featureos/portal/embed/b/feedback",
                      "EMBED_SCRIPT_URL": f"{base}/featureos/widget.js"},
        "userback": {"PORTAL_URL": f"{base}/userback/portal"},
        "productlane": {"PORTAL_URL": f"{base}/productlane/portal"},
        "suggix": {"PORTAL_URL": f"{base}/suggix/portal"},
        "website_toolbox": {"PORTAL_URL": f"{base}/website_toolbox/portal"},
        # The POST form lands on {PORTAL_URL}/access/jwt, whose stand-in reads the body.
        "zendesk": {"PORTAL_URL": f"{base}/zendesk/portal"},
        # Frill's Script, and its site for the redirect view; the redirect back's token
        # parameter is inferred (W005), so setting it here confirms what the sandbox reads.
        "frill": {"WIDGET_SCRIPT_URL": f"{base}/frill/widget.js",
                  "PORTAL_URL": f"{base}/frill/portal", "TOKEN_PARAM": "ssoToken"},
        "nolt": {"WIDGET_SCRIPT_URL": f"{base}/nolt/widget.js",
                 "PORTAL_URL": f"{base}/nolt/portal"},
        "uservoice": {"WIDGET_SCRIPT_URL": f"{base}/uservoice/widget.js",
                      "PORTAL_URL": f"{base}/uservoice/portal"},
        "zendesk_messaging": {"WIDGET_SCRIPT_URL": f"{base}/zendesk_messaging/widget.js"},
        "intercom": {"WIDGET_SCRIPT_URL": f"{base}/intercom/widget.js"},
        "announcekit": {"WIDGET_SCRIPT_URL": f"{base}/announcekit/widget.js",
                        "FEED_URL": f"{base}/announcekit/portal/acmeco/updates"},
        "changelogfy": {"WIDGET_SCRIPT_URL": f"{base}/changelogfy/widget.js"},
    }
