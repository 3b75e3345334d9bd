"""``{% feedback_sso_token %}``.

The library has no JSON filter on purpose: JSON escaped for ``<script>`` breaks out of an
HTML attribute (``x" onmouseover=…``). Snippets hand data to the vendors' JavaScript
modules in data attributes, which Django's autoescaping covers.
"""

from __future__ import annotations

import inspect
from typing import Any

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.template.library import TagHelperNode, parse_bits

from ..delivery import raw_token, render_snippet

register = template.Library()

_PARSE_BITS_TAKES_CONTEXT = "takes_context" in inspect.signature(parse_bits).parameters


class FeedbackSSOTokenNode(TagHelperNode):
    """Renders the configuration's snippet, or stores the bare token in ``target_var``."""

    def __init__(self, args: list[FilterExpression], kwargs: dict[str, FilterExpression],
                 target_var: str | None) -> None:
        # ``func`` is what the tag delivers; render() picks it or raw_token by target_var.
        super().__init__(func=render_snippet, takes_context=False, args=args, kwargs=kwargs)
        self.target_var = target_var

    def render(self, context: template.Context) -> str:
        args, kwargs = self.get_resolved_arguments(context)
        value = kwargs.get("config_id", args[0] if args else None)
        config_id = None if value is None else str(value)
        request = context.get("request")
        if self.target_var is not None:
            context[self.target_var] = raw_token(request, config_id)
            return ""
        return render_snippet(request, config_id)


@register.tag
def feedback_sso_token(parser: Parser, token: Token) -> FeedbackSSOTokenNode:
    """``{% feedback_sso_token ["config id"] [as name] %}``.

    Renders the configuration's snippet with a fresh token for ``request.user`` (needs
    the ``request`` context processor), or stores the bare token in ``name``. Arguments
    are parsed by Django's own ``parse_bits``, as ``simple_tag`` parses them.
    """
    bits = token.split_contents()
    name, bits = bits[0], bits[1:]
    target_var = None
    if len(bits) >= 2 and bits[-2] == "as":
        target_var = bits[-1]
        bits = bits[:-2]
    options: dict[str, Any] = {"params": ["config_id"], "varargs": None, "varkw": None,
                               "defaults": (None,), "kwonly": [], "kwonly_defaults": None,
                               "name": name}
    if _PARSE_BITS_TAKES_CONTEXT:  # Django < 6.1 (6.1 dropped the parameter)
        options["takes_context"] = False
    args, kwargs = parse_bits(parser, bits, **options)
    return FeedbackSSOTokenNode(args, kwargs, target_var)
