"""A small HTML inspector for snippets: elements and attributes as a browser parses them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import html5lib


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


class Snippet(HTMLParser):
    """Every start tag, its attributes (entities decoded) and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.elements:
            self.elements[-1].text += data

    def tags(self) -> list[str]:
        return [element.tag for element in self.elements]

    def scripts(self) -> list[Element]:
        return [element for element in self.elements if element.tag == "script"]


#: An element as a browser builds it: tag, attributes (a bare one is ``""``), its text.
Parsed = tuple[str, dict[str, str], str]
#: A JWT wherever it sits: an attribute, or a parameter of a URL in one.
JWT = re.compile(r"eyJ[\w-]*\.[\w-]*\.[\w-]*")


def elements(html: str) -> list[Parsed]:
    """Every element of the fragment as html5lib, the HTML5 parsing algorithm browsers use,
    builds it; text is what the element holds before its first child, stripped."""
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    return [(element.tag, dict(element.attrib), (element.text or "").strip())
            for element in fragment.iter() if element is not fragment]


def marked_tokens(found: list[Parsed]) -> tuple[list[Parsed], list[str]]:
    """The elements with each token in their attributes replaced by ``TOKEN``, and the
    tokens, in order."""
    tokens: list[str] = []

    def mark(match: re.Match[str]) -> str:
        tokens.append(match.group())
        return "TOKEN"

    marked = [(tag, {name: JWT.sub(mark, value) for name, value in attrs.items()}, text)
              for tag, attrs, text in found]
    return marked, tokens
