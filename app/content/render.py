"""Markdown to safe HTML for lessons, lab instructions, quiz prompts and teacher notes.

One markdown-it-py parser, configured for untrusted text: raw HTML is off (it shows as
text), links keep only http, https, mailto and relative targets (``javascript:``,
``data:``, ``vbscript:`` … become inert), images must be files of the content folder and
are rewritten through an injectable ``image_url(owner_kind, slug, filename)`` callable,
code blocks are highlighted server-side by Pygments, headings get ``h-``-prefixed
anchors, tables are on, and ``::: nota`` / ``::: attenzione`` / ``::: sicurezza`` open
callout boxes. :func:`scan_markdown` lets the loader find images and unknown callouts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import quote, unquote

import pygments
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from app.content.model import Text

ImageUrl = Callable[[str, str, str], str]

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
SAFE_SCHEMES = ("http", "https", "mailto")
CALLOUTS: dict[str, Text] = {
    "nota": Text("Nota", "Note"),
    "attenzione": Text("Attenzione", "Warning"),
    "sicurezza": Text("Sicurezza", "Safety"),
}
CALLOUT_ALIASES = {"note": "nota", "warning": "attenzione", "safety": "sicurezza"}
LEXER_ALIASES = {"micropython": "python", "mpy": "python", "py": "python"}

_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_CALLOUT_LINE = re.compile(r"^\s{0,3}:{3,}\s*([^\s:]+)")


def default_image_url(owner_kind: str, slug: str, filename: str) -> str:
    """The URL the web app serves content images at (``/content/<kind>/<slug>/<file>``)."""
    return f"/content/{quote(owner_kind)}/{quote(slug)}/{quote(filename)}"


def safe_image_name(src: str) -> str | None:
    """``src`` as a relative file name inside the content folder, or None if unsafe.

    Accepts ``foto.png`` or ``images/foto.png``; refuses URLs, absolute paths, ``..``,
    backslashes, odd characters and file types other than png, jpg, gif and webp (SVG is
    refused because an SVG opened directly can run script).
    """
    if not src or "\\" in src or src.startswith("/"):
        return None
    parts = src.split("/")
    if any(p in ("", ".", "..") or not _SEGMENT.match(p) for p in parts):
        return None
    if not src.lower().endswith(IMAGE_EXTENSIONS):
        return None
    return src


def is_safe_link(url: str) -> bool:
    """Allow only http, https, mailto and scheme-less (relative or #anchor) targets. A colon
    before the first ``/``, ``?`` or ``#`` that is not a safe scheme's (``:x``, ``1:x``) is
    refused too: browsers read such a target in ways that differ."""
    for candidate in (url, unquote(url)):  # percent-decoded too, to be strict
        cleaned = _IGNORED_IN_URL.sub("", candidate).lower()
        match = _SCHEME.match(cleaned)
        if match is not None and match.group(1) not in SAFE_SCHEMES:
            return False
        if match is None and ":" in re.split(r"[/?#]", cleaned, maxsplit=1)[0]:
            return False
    return True


def heading_slug(title: str) -> str:
    """``"Legge di Ohm: V = R·I"`` -> ``"h-legge-di-ohm-v-r-i"`` (ASCII, safe as an id)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "h-" + ("-".join(words) or "sezione")


def _highlight(code: str, lang: str, _attrs: str) -> str:
    name = LEXER_ALIASES.get(lang.lower(), lang.lower()) if lang else ""
    if not name:
        return ""  # markdown-it escapes the code itself
    try:
        lexer = get_lexer_by_name(name)
    except ClassNotFound:
        return ""
    return pygments.highlight(code, lexer, HtmlFormatter(nowrap=True))


def pygments_css(selector: str = ".md pre") -> str:
    """The stylesheet for highlighted code, for the web app's static CSS."""
    return HtmlFormatter().get_style_defs(selector)


def _callout_validate(params: str, _markup: str = "") -> bool:
    word = params.strip().split(" ", 1)[0].lower()
    return word in CALLOUTS or word in CALLOUT_ALIASES


def _render_callout(self: Any, tokens: Sequence[Token], idx: int, _options: Any,
                    env: dict[str, Any]) -> str:
    token = tokens[idx]
    if token.nesting != 1:
        return "</aside>\n"
    word, _, custom = token.info.strip().partition(" ")
    name = CALLOUT_ALIASES.get(word.lower(), word.lower())
    title = custom.strip() or CALLOUTS[name].get(env.get("lang", "it"))
    return (f'<aside class="callout callout-{name}" role="note">'
            f'<p class="callout-title">{escapeHtml(title)}</p>\n')


def _render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any,
                  env: dict[str, Any]) -> str:
    token = tokens[idx]
    alt = escapeHtml(self.renderInlineAsText(token.children or [], options, env))
    name = safe_image_name(str(token.attrGet("src") or ""))
    owner = env.get("owner")
    if name is None or owner is None:
        return f'<span class="image-missing">{alt}</span>'
    url = env.get("image_url", default_image_url)(owner[0], owner[1], name)
    title = token.attrGet("title")
    title_attr = f' title="{escapeHtml(str(title))}"' if title else ""
    return f'<img src="{escapeHtml(url)}" alt="{alt}"{title_attr} loading="lazy">'


def _render_link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any,
                      env: dict[str, Any]) -> str:
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if href.startswith(("http:", "https:", "//")):
        token.attrSet("rel", "noopener noreferrer nofollow")
    return self.renderToken(tokens, idx, options, env)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False,
                                   "highlight": _highlight})
    md.enable(["table", "strikethrough"])
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    for name in CALLOUTS:
        container_plugin(md, name, validate=_callout_validate, render=_render_callout)
    anchors_plugin(md, min_level=2, max_level=4, slug_func=heading_slug,
                   permalink=True, permalinkSymbol="#")
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    return md


def render_markdown(text: str, *, lang: str = "it", owner: tuple[str, str] | None = None,
                    image_url: ImageUrl | None = None) -> str:
    """Render Markdown to safe HTML.

    ``owner`` is ``(owner_kind, slug)`` — ``("module", "led-e-uscite")`` or
    ``("lab", "blink")`` — and lets images resolve through ``image_url``; without it
    every image is shown as its alt text.
    """
    env = {"lang": lang, "owner": owner, "image_url": image_url or default_image_url}
    return _parser().render(text, env)


def render_inline(text: str, *, lang: str = "it") -> str:
    """Render one line of Markdown (quiz options, feedback, titles) without a <p> wrapper.

    Same safety rules as :func:`render_markdown`; images are shown as their alt text.
    """
    env = {"lang": lang, "owner": None, "image_url": default_image_url}
    return _parser().renderInline(text, env)


@dataclass(frozen=True)
class MarkdownScan:
    """What the loader needs to know about a Markdown text (lines are 1-based)."""

    images: tuple[tuple[str, int], ...] = ()
    problems: tuple[tuple[int, str], ...] = field(default=())


def scan_markdown(text: str) -> MarkdownScan:
    """Find image references and unknown callouts without rendering."""
    images: list[tuple[str, int]] = []
    problems: list[tuple[int, str]] = []
    for token in _parser().parse(text):
        if token.type != "inline" or not token.children:
            continue
        line = (token.map[0] + 1) if token.map else 1
        for child in token.children:
            if child.type == "image":
                src = str(child.attrGet("src") or "")
                if safe_image_name(src) is None:
                    problems.append((line, f"image '{src or '(blocked link)'}' must be a png, "
                                           f"jpg, gif or webp file next to the text, like "
                                           f"'images/circuito.png'"))
                else:
                    images.append((src, line))
    in_fence = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _CALLOUT_LINE.match(raw)
        if match and not _callout_validate(match.group(1)):
            problems.append((number, f"unknown callout '::: {match.group(1)}' "
                                     f"(use {', '.join(CALLOUTS)})"))
    return MarkdownScan(tuple(images), tuple(problems))
