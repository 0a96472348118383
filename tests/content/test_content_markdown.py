"""Markdown rendering: hostile input never reaches the page as something executable,
and the teacher-facing features (callouts, highlighting, anchors, images) work."""

from __future__ import annotations

import pytest

from app.content import render_inline, render_markdown
from app.content.render import scan_markdown
from tests.content.html_audit import assert_inert

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    "<svg onload=alert(1)><circle r=10 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](  javascript:alert(1)  )",
    "[clic](java&#115;cript:alert(1))",
    "[clic](&#106;avascript&#58;alert(1))",
    "[clic](java%73cript:alert(1))",
    "[clic](java\tscript:alert(1))",
    "[clic](vbscript:msgbox(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[clic](file:///etc/passwd)",
    "[](:)",  # found by the fuzz test: a colon with no scheme before it
    "[clic](1:alert)",
    "[clic][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "![x](javascript:alert(1))",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](disegno.svg)",
    "![x](https://evil.example/pixel.png)",
    "![x](../../instance/secret.png)",
    "![x](/etc/passwd.png)",
    '![a" onerror="alert(1)](foto.png)',
    '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")',
    '<https://ok.example/x" onmouseover="alert(1)>',
    "## <img src=x onerror=alert(1)> titolo",
    "::: nota <img src=x onerror=alert(1)>\ntesto\n:::",
    '```"><script>alert(1)</script>\ncodice\n```',
    "```python\n</code></pre><script>alert(1)</script>\n```",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "| a | b |\n|---|---|\n| <script>x</script> | <b onclick=alert(1)>y</b> |",
    "<!-- --><script>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "[a](<javascript:alert(1)>)",
    "\x00<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_is_inert(text: str) -> None:
    """Does hostile Markdown render without any executable tag, handler or URL?"""
    for lang in ("it", "en"):
        assert_inert(render_markdown(text, lang=lang, owner=("module", "m")))
        assert_inert(render_markdown(text, lang=lang))
        assert_inert(render_inline(text, lang=lang))


def test_raw_html_shows_as_text() -> None:
    """Is raw HTML escaped, so the student sees the tags instead of running them?"""
    html = render_markdown("<b>ciao</b> <script>alert(1)</script>")
    assert "&lt;b&gt;ciao&lt;/b&gt;" in html and "&lt;script&gt;" in html


def test_safe_links_survive() -> None:
    """Are http, https, mailto and relative links kept, external ones with rel=noopener?"""
    html = render_markdown("[a](https://example.org) [b](mailto:prof@scuola.it) [c](#h-x)")
    assert 'href="https://example.org" rel="noopener noreferrer nofollow"' in html
    assert 'href="mailto:prof@scuola.it"' in html and 'href="#h-x"' in html


def test_images_use_injected_url_builder() -> None:
    """Are content images rewritten through the injected image_url callable?"""
    calls = []

    def image_url(kind: str, slug: str, filename: str) -> str:
        calls.append((kind, slug, filename))
        return f"/img/{kind}/{slug}/{filename}?v=1&x=2"

    html = render_markdown('![Il "circuito"](images/led.png)', owner=("lab", "blink"),
                           image_url=image_url)
    assert calls == [("lab", "blink", "images/led.png")]
    assert '<img src="/img/lab/blink/images/led.png?v=1&amp;x=2" alt="Il &quot;circuito&quot;"' \
        in html


def test_default_image_url() -> None:
    """Without an injected builder, do images point at /content/<kind>/<slug>/<file>?"""
    html = render_markdown("![x](foto.png)", owner=("module", "led-e-uscite"))
    assert 'src="/content/module/led-e-uscite/foto.png"' in html


def test_callouts_are_localised() -> None:
    """Do nota/attenzione/sicurezza callouts render as titled boxes in each language?"""
    text = "::: sicurezza\nStacca l'USB.\n:::\n\n::: attenzione\nCaldo!\n:::\n\n::: note\nx\n:::"
    it = render_markdown(text, lang="it")
    en = render_markdown(text, lang="en")
    assert '<aside class="callout callout-sicurezza" role="note">' in it
    assert '<p class="callout-title">Sicurezza</p>' in it
    assert '<p class="callout-title">Safety</p>' in en
    assert '<p class="callout-title">Warning</p>' in en and "callout-nota" in en


def test_code_is_highlighted_server_side() -> None:
    """Is a python code block highlighted by Pygments into spans (no client script)?"""
    html = render_markdown("```python\nfrom machine import Pin\n```")
    assert '<pre><code class="language-python"><span class="kn">from</span>' in html


def test_headings_get_anchors_and_tables_render() -> None:
    """Do headings get ASCII h- anchors and pipe tables become tables?"""
    html = render_markdown("## Legge di Ohm: perché?\n\n| V | I |\n|--:|---|\n| 3,3 | 7 |")
    assert '<h2 id="h-legge-di-ohm-perche">' in html
    assert "<table>" in html and 'style="text-align:right"' in html


def test_scan_finds_images_and_unknown_callouts() -> None:
    """Does the loader's scan list local images and flag unsafe images and bad callouts?"""
    scan = scan_markdown("![a](a.png)\n\n![b](http://x/b.png)\n\n::: pericolo\nx\n:::\n")
    assert scan.images == (("a.png", 1),)
    assert [line for line, _ in scan.problems] == [3, 5]


def test_inline_rendering_has_no_paragraph() -> None:
    """Does render_inline give inline HTML (code, emphasis) without a <p> wrapper?"""
    assert render_inline("Usa `led.on()` e *non* <b>") == \
        "Usa <code>led.on()</code> e <em>non</em> &lt;b&gt;"
