"""An HTML audit for rendering tests: parse output as a browser would and list anything
that could execute (tags, attributes, URLs outside a small allowlist)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

ALLOWED_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code",
                "pre", "span", "ul", "ol", "li", "blockquote", "table", "thead", "tbody",
                "tr", "th", "td", "hr", "br", "aside", "s"}
ALLOWED_ATTRS = {"href", "src", "alt", "title", "class", "id", "rel", "loading", "role",
                 "start", "style"}
SAFE_URL = re.compile(r"^(?:https?:|mailto:|/|#|[A-Za-z0-9._~%-]+(?:/|$|[?#.]))", re.I)


class Audit(HTMLParser):
    """Collects every tag and attribute so a test can prove the output is inert."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name not in ALLOWED_ATTRS:
                self.problems.append(f"attribute {name}= on <{tag}>")
            if name in ("href", "src"):
                cleaned = re.sub(r"[\x00-\x20]", "", unescape(value))
                if cleaned and not SAFE_URL.match(cleaned):
                    self.problems.append(f"unsafe URL {value!r}")
            if name == "style" and not re.fullmatch(r"text-align:(left|right|center)", value):
                self.problems.append(f"style {value!r}")

    handle_startendtag = handle_starttag


def assert_inert(html: str) -> None:
    """Parse the HTML as a browser would: only allowed tags, attributes and URLs."""
    audit = Audit()
    audit.feed(html)
    audit.close()
    assert audit.problems == [], html
    assert "<script" not in html.lower() and "<svg" not in html.lower(), html
