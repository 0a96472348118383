"""The simulator's SVG renderings in a real Chromium: they render with a size, carry accessible
names, load nothing, run nothing, and pass axe-core under a CSP that forbids scripts.

Pages are built in memory with ``page.set_content``; nothing is written to the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from app.sim import render_board, render_display_frames, render_timeline
from app.sim.runner import execute

ROOT = Path(__file__).resolve().parents[2]
CSP = "default-src 'none'; style-src 'unsafe-inline'"
RUNS = [("labs/traffic-light/solution.py", "pico", 8), ("labs/pwm-fade/solution.py", "pico", 3),
        ("labs/servo-sweep/solution.py", "pico", 3), ("labs/neopixel-pattern/solution.py", "pico", 2),
        ("labs/microbit-reaction/solution.py", "microbit", 8), ("firmware_examples/esp32_blink.py", "esp32", 2),
        ("labs/blink/solution.py", "pico_w", 2)]
SCENARIOS = {"servo-sweep": {"devices": [{"type": "servo", "pin": 15}]},
             "microbit-reaction": {"seed": 7, "devices": [{"type": "button", "pin": "button_a",
                                                          "presses": [[4000, 200]]}]}}


@pytest.fixture(scope="module")
def svgs():
    out = {}
    for path, board, seconds in RUNS:
        slug = Path(path).parent.name if path.startswith("labs") else Path(path).stem
        sc = dict(SCENARIOS.get(slug, {}), seconds=seconds)
        r = execute((ROOT / path).read_text(), board, sc)[0]
        assert r.error is None, (path, r.error)
        for lang in ("it", "en"):
            out[(slug, "timeline", lang)] = render_timeline(r, lang=lang)
            out[(slug, "board", lang)] = render_board(r, lang=lang)
            if board == "microbit":
                out[(slug, "display", lang)] = render_display_frames(r, lang=lang)
    return out


def _page_html(lang: str, svgs: list[str]) -> str:
    figures = "".join(f"<figure>{s}</figure>" for s in svgs)
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\"><title>Officina sim</title>"
            f"</head><body><main><h1>Simulazione</h1>{figures}</main></body></html>")


@pytest.mark.parametrize("lang", ["it", "en"])
def test_svgs_render_with_names_and_load_nothing(page, svgs, lang):
    """Does every SVG render with a non-zero size and an accessible name, loading and running nothing?"""
    mine = {k: v for k, v in svgs.items() if k[2] == lang}
    requests, violations = [], []
    page.on("request", lambda req: requests.append(req.url))
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.set_content(_page_html(lang, list(mine.values())))
    boxes = page.eval_on_selector_all(
        "main svg", "els => els.map(e => { const r = e.getBoundingClientRect();"
        " const t = e.querySelector(':scope > title'), d = e.querySelector(':scope > desc');"
        " return {w: r.width, h: r.height, role: e.getAttribute('role'), lang: e.getAttribute('lang'),"
        " title: t ? t.textContent : '', desc: d ? d.textContent : '',"
        " labelled: (e.getAttribute('aria-labelledby') || '').split(' ').every(id => document.getElementById(id)),"
        " scripts: e.querySelectorAll('script, foreignObject, image, a').length,"
        " handlers: [...e.querySelectorAll('*')].concat([e]).some(n => [...n.attributes].some(a => a.name.startsWith('on'))),"
        " painted: e.querySelectorAll('rect, circle, path, text').length } })")
    assert len(boxes) == len(mine)
    for key, b in zip(mine, boxes):
        assert b["w"] > 100 and b["h"] > 50, key
        assert b["role"] == "img" and b["lang"] == lang and b["labelled"], key
        assert len(b["title"]) > 5 and len(b["desc"]) > 5, key
        assert b["scripts"] == 0 and not b["handlers"] and b["painted"] > 5, key
    assert [u for u in requests if not u.startswith(("about:", "data:"))] == []
    assert violations == []
    for svg in mine.values():
        low = svg.lower()
        assert "<script" not in low and 'href="http' not in low and "href='http" not in low
        assert " on" not in low.split(">", 1)[0] or "onload" not in low


def test_svgs_pass_axe(page, svgs):
    """Does a page of SVG renderings pass axe-core's WCAG 2.1 AA rules (names of role=img)?"""
    page.set_content(_page_html("it", [v for k, v in svgs.items() if k[2] == "it"]))
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]},
                                       "resultTypes": ["violations"]})
    assert [v["id"] for v in results.response["violations"]] == []


def test_accessible_name_reaches_the_accessibility_tree(page, svgs):
    """Is each SVG exposed to assistive technology as an image named by its title?"""
    svg = svgs[("traffic-light", "board", "en")]
    page.set_content(_page_html("en", [svg]))
    name = page.get_by_role("img").first.get_attribute("aria-labelledby")
    assert name
    assert page.get_by_role("img", name="Raspberry Pi Pico at 8.00 s").count() == 1
