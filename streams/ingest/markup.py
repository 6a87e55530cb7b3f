"""Markup to plain text, for feed titles, summaries and contents.

Feeds carry HTML where they should not (escaped twice, CDATA, ``<script>`` in a
title). Everything we pass on is plain text: tags are removed, the contents of
``script``/``style``-like elements are dropped, entities are unescaped, and
block elements become line breaks so paragraphs survive. The result is never
meant to be rendered as HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: elements whose contents are never text
_DROPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg", "math", "head", "title"})
#: elements that end a line
_BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt",
    }
)
_TAG = re.compile(r"<[A-Za-z!/?]")
MAX_PASSES = 3
_SPACES = re.compile(r"(?:[^\S\n]|\u200b)+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _DROPPED:
            self._dropping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data)


def plain_text(value: str | None, *, single_line: bool = False) -> str:
    """The readable text of ``value`` (HTML or text): no tags, no entities, tidy spaces.

    Markup escaped twice (``&amp;lt;script&amp;gt;``) becomes markup after one
    pass, so passes repeat (at most ``MAX_PASSES``) while tags remain.
    """
    if not value:
        return ""
    for _ in range(MAX_PASSES):
        if "<" not in value and "&" not in value:
            break
        collector = _TextCollector()
        try:
            collector.feed(value)
            collector.close()
        except Exception:  # noqa: BLE001 - html.parser is lenient; a failure keeps what was read
            pass
        value = "".join(collector.parts)
        if not _TAG.search(value):
            break
    value = _CONTROL.sub("", value)
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    if single_line:
        return " ".join(line for line in lines if line)
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
