"""``{% feedback_sso_token %}``.

The library has no JSON filter on purpose: JSON escaped for ``<script>`` breaks out of an
HTML attribute (``x" onmouseover=…``). Snippets hand data to feedback-sso.js in data
attributes, which Django's autoescaping covers.
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, Parser, Token

from ..delivery import raw_token, render_snippet

register = template.Library()


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
