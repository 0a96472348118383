"""Building blocks shared by the SVG renderers of a run (:mod:`app.sim.svg`, :mod:`app.sim.svg_board`).

Owns what makes every rendering safe to embed in a page whose CSP forbids inline script: an
``<svg>`` root with ``role="img"``, a ``<title>`` and a ``<desc>`` in the requested language, ids
unique to the drawing (so several drawings can share a page), escaped text, no scripts, no event
handlers and no external references. Also the small helpers every drawing needs: "nice" time ticks,
note names, and what a board's outputs were doing at a given time.
"""

from __future__ import annotations

import hashlib
import math
from html import escape
from typing import Iterable

from app.sim.boards import Board
from app.sim.trace import Event

FONT = "font-family='system-ui,-apple-system,Segoe UI,DejaVu Sans,Helvetica,Arial,sans-serif'"
MONO = "font-family='ui-monospace,DejaVu Sans Mono,Menlo,Consolas,monospace'"
NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def lang_of(lang: str) -> str:
    return lang if lang in ("it", "en") else "it"


def tr(lang: str, it: str, en: str) -> str:
    return it if lang == "it" else en


def esc(text: object) -> str:
    """Text escaped for element content and single- or double-quoted attributes."""
    return escape(str(text), quote=True)


def uid(kind: str, *parts: object) -> str:
    """A deterministic id prefix, different for different drawings (ids must be unique per page)."""
    h = hashlib.sha1(repr((kind, parts)).encode("utf-8", "replace")).hexdigest()[:8]
    return f"sim-{kind}-{h}"


def open_svg(width: float, height: float, ident: str, title: str, desc: str, lang: str,
             css_class: str) -> list[str]:
    """The root element with its accessible name and description."""
    return [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:g}' height='{height:g}' "
            f"viewBox='0 0 {width:g} {height:g}' role='img' lang='{lang}' class='{css_class}' "
            f"aria-labelledby='{ident}-t {ident}-d'>",
            f"<title id='{ident}-t'>{esc(title)}</title>",
            f"<desc id='{ident}-d'>{esc(desc)}</desc>"]


def text(x: float, y: float, body: object, *, size: float = 11, fill: str = "#e2e8f0",
         anchor: str = "start", weight: str = "normal", mono: bool = False, extra: str = "") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' fill='{fill}' font-size='{size:g}' "
            f"{MONO if mono else FONT} text-anchor='{anchor}' font-weight='{weight}'{extra}>"
            f"{esc(body)}</text>")


def seconds_label(t_us: float, step_us: float) -> str:
    """A tick label such as '0 s', '1.5 s' or '250 ms' (unit chosen from the tick step)."""
    if step_us < 100_000:
        return f"{t_us / 1000:g} ms"
    return f"{round(t_us / 1e6, 3):g} s"


def nice_step(span: float, target: int = 8) -> float:
    """A round tick step (1, 2, 2.5 or 5 x 10^k) giving about ``target`` ticks over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / target
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def note_name(freq: float) -> str:
    """Nearest equal-tempered note of a frequency, e.g. 262 -> 'C4'."""
    if freq <= 0:
        return ""
    midi = int(round(69 + 12 * math.log2(freq / 440)))
    return f"{NOTE_NAMES[midi % 12]}{midi // 12 - 1}"


def shown_rgb(px: Iterable[int]) -> tuple[int, int, int]:
    """On-screen colour of a NeoPixel value: real LEDs look much brighter than their raw value
    on a monitor (a value of 20/255 is clearly lit), so apply a display gamma to lit channels."""
    out = []
    for c in list(px)[:3]:
        c = max(0, min(255, int(c)))
        out.append(0 if c == 0 else int(round(255 * (c / 255) ** 0.45)))
    while len(out) < 3:
        out.append(0)
    return out[0], out[1], out[2]


def output_state(board: Board, events: Iterable[Event], t_us: int) -> dict[str, object]:
    """What the outputs were doing at ``t_us``: physical pin -> level 0..1 (PWM as duty), plus
    'neopixel:<key>' -> last frame, 'servo:<key>' -> angle, 'buzzer:<key>' -> Hz, 'music' -> Hz,
    'display' -> 5x5 frame, and 'freq:<key>' -> PWM frequency."""
    state: dict[str, object] = {}
    for e in events:
        if e.t_us > t_us:
            break
        head, _, label = e.source.partition(":")
        key = board.physical(label) if label else ""
        if head == "pin" and e.kind == "value":
            state[key] = 1.0 if e.value else 0.0
        elif head == "pwm" and e.kind == "duty":
            state[key] = max(0.0, min(1.0, e.value / 65535))
        elif head == "pwm" and e.kind == "freq":
            state[f"freq:{key}"] = e.value
        elif head == "pwm" and e.kind == "deinit":
            state[key] = 0.0
        elif head == "neopixel" and e.kind == "write":
            state[f"neopixel:{key}"] = e.value
        elif head in ("servo", "buzzer"):
            state[f"{head}:{label}"] = e.value
        elif head == "music" and e.kind == "tone":
            state["music"] = e.value
        elif head == "display" and e.kind == "image":
            state["display"] = e.value
    return state
