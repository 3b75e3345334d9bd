"""Where Novu Inbox is pointed at the sandbox (see ``vendor_urls.vendor_options``)."""

# Novu has no loader script: the stand-in plays the site's own script mounting the Inbox.
OPTIONS = {
    "INBOX_SCRIPT_URL": "{sandbox}/novu/widget.js",
}
