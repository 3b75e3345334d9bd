"""A small HTML inspector for snippets: elements and attributes as a browser parses them."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


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
