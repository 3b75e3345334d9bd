"""``{% feedback_sso_token %}`` and the ``feedback_sso_json`` filter."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from ..delivery import raw_token, render_snippet

register = template.Library()

# The escapes of Django's json_script (django/utils/html.py), copied rather than imported
# from a private name: inside <script>, "<" can start "</script>" or "<!--", and "&" an
# entity in XHTML.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def feedback_sso_json(value: Any) -> SafeString:
    """JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` escaped as ``json_script``
    does, so no value can close the script element or open a comment."""
    return mark_safe(json.dumps(value).translate(_SCRIPT_SAFE))  # noqa: S308


class FeedbackSSOTokenNode(template.Node):
    def __init__(self, vendor: FilterExpression | None, target_var: str | None) -> None:
        self.vendor = vendor
        self.target_var = target_var

    def render(self, context: template.Context) -> str:
        vendor_id = self.vendor.resolve(context) if self.vendor is not None else None
        request = context.get("request")
        if self.target_var is not None:
            context[self.target_var] = raw_token(request, vendor_id)
            return ""
        return render_snippet(request, vendor_id)


@register.tag
def feedback_sso_token(parser: Parser, token: Token) -> FeedbackSSOTokenNode:
    """``{% feedback_sso_token ["vendor"] [as name] %}``.

    Renders the vendor's snippet with a fresh token for ``request.user`` (needs the
    ``request`` context processor), or stores the bare token in ``name``.
    """
    bits = token.split_contents()[1:]
    target_var = None
    if len(bits) >= 2 and bits[-2] == "as":
        target_var = bits[-1]
        bits = bits[:-2]
    if len(bits) > 1:
        raise template.TemplateSyntaxError(
            "Usage: {% feedback_sso_token [\"vendor\"] [as name] %}")
    vendor = parser.compile_filter(bits[0]) if bits else None
    return FeedbackSSOTokenNode(vendor, target_var)
