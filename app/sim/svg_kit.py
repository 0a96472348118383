"""Kit devices in the board picture: a character LCD with its text (``lcd:<address> frame``), a
seven-segment display with the segments the eye sees (``seg7:<n> frame``) and a keypad with the
last key the program's scan found (``keypad:<n> wired`` and ``press``), all from the trace.

Each drawing is returned at the origin with its width, height and a sentence for the picture's
description, like :func:`app.sim.svg_oled.draw_oled`; :func:`kit_pins` names the pins these
devices use, so the board picture does not also draw them as LEDs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.sim.svg_parts import MONO, esc, text, tr
from app.sim.trace import Event

CUSTOM_BASE = 0xE000
Drawing = tuple[float, list[str], str, float]  # width, parts, description, height


def last_frames(events: Iterable[Event]) -> dict[str, Any]:
    """Each kit device's last state among ``events``: source -> frame value (keypads: their
    wiring plus ``last``, the label of the last press)."""
    out: dict[str, Any] = {}
    for e in events:
        head = e.source.partition(":")[0]
        if head in ("lcd", "seg7") and e.kind == "frame" and isinstance(e.value, dict):
            out[e.source] = e.value
        elif head == "keypad" and e.kind == "wired" and isinstance(e.value, dict):
            out[e.source] = {**e.value, "last": None}
        elif head == "keypad" and e.kind == "press" and e.source in out:
            out[e.source]["last"] = str(e.value)
    return out


def kit_pins(frames: dict[str, Any]) -> set[str]:
    """Physical pins the drawn kit devices use."""
    pins: set[str] = set()
    for value in frames.values():
        for key in ("pins", "rows", "cols"):
            pins.update(str(p) for p in value.get(key, ()) if isinstance(p, (str, int)))
    return pins


def _glyph(x: float, y: float, rows: list[int], color: str) -> str:
    dots = []
    for r, bits in enumerate(rows[:8]):
        for c in range(5):
            if bits >> (4 - c) & 1:
                dots.append(f"M{x + c * 2.2:.1f},{y + r * 2.2:.1f}h2v2h-2z")
    return f"<path d='{''.join(dots)}' fill='{color}'/>" if dots else ""


def draw_lcd(source: str, value: dict[str, Any], lang: str) -> Drawing:
    lines = [str(line) for line in value.get("lines", [])][:4]
    cols = max((len(line) for line in lines), default=16)
    lit = bool(value.get("backlight"))
    glass = "#9ae66e" if lit else "#3f4a2f"
    ink = "#1a2e05" if lit else "#263015"
    cell_w, cell_h = 13.0, 21.0
    w, h = cols * cell_w + 28, len(lines) * cell_h + 28
    parts = [f"<rect x='0' y='0' width='{w:.0f}' height='{h:.0f}' rx='5' fill='#1e3a8a'/>",
             f"<rect x='8' y='8' width='{w - 16:.0f}' height='{h - 16:.0f}' rx='2' fill='{glass}'/>"]
    glyphs = value.get("glyphs") if isinstance(value.get("glyphs"), dict) else {}
    for r, line in enumerate(lines):
        y = 14 + r * cell_h
        plain = "".join(" " if ord(ch) >= CUSTOM_BASE else ch for ch in line)
        parts.append(f"<text x='14' y='{y + 14:.0f}' {MONO} font-size='17' fill='{ink}' "
                     f"textLength='{cols * cell_w:.0f}' xml:space='preserve'>{esc(plain)}</text>")
        for c, ch in enumerate(line):
            code = ord(ch) - CUSTOM_BASE
            rows = glyphs.get(str(code)) if 0 <= code < 8 else None
            if isinstance(rows, list):
                parts.append(_glyph(14 + c * cell_w + 1, y + 1, [int(b) for b in rows], ink))
    address = source.partition(":")[2].upper()
    parts.append(text(0, h + 16, f"LCD {cols}×{len(lines)} 0x{address}"
                      + ("" if lit else tr(lang, " · retroilluminazione spenta", " · backlight off")),
                      size=10.5, fill="#1f2937", weight="600"))
    shown = " / ".join(line.rstrip() for line in lines)
    said = f"LCD 0x{address}: " + (shown if value.get("on") else tr(lang, "spento", "off"))
    return w, parts, said, h + 24


# Segment outlines of one digit (a..g) in a 30×52 box, slanted a little like a real display.
_SEGMENTS = ("M8,2h16l-3,4h-10z", "M25,3l-2,21h-4l2,-17z", "M22,28l-2,21h-4l2,-17z",
             "M4,50h16l-3,-4h-10z", "M3,48l2,-21h4l-2,17z", "M6,24l2,-21h4l-2,17z",
             "M7,26h16l-2,2h-12z")


def draw_seven_segment(source: str, value: dict[str, Any], lang: str) -> Drawing:
    digits = [int(d) for d in value.get("digits", []) if isinstance(d, int)][:8] or [0]
    w, h = len(digits) * 36 + 16, 70.0
    parts = [f"<rect x='0' y='0' width='{w}' height='{h}' rx='4' fill='#111827'/>"]
    for i, bits in enumerate(digits):
        ox = 10 + i * 36
        for s, path in enumerate(_SEGMENTS):
            on = bits >> s & 1
            parts.append(f"<path transform='translate({ox} 9)' d='{path}' "
                         f"fill='{'#ff3b30' if on else '#3b1d1d'}'/>")
        parts.append(f"<circle cx='{ox + 29}' cy='58' r='2.6' "
                     f"fill='{'#ff3b30' if bits & 0x80 else '#3b1d1d'}'/>")
    shown = str(value.get("text", "")).strip()
    label = tr(lang, "display 7 segmenti", "7-segment display")
    parts.append(text(0, h + 16, f"{label} · {shown or '—'}", size=10.5, fill="#1f2937",
                      weight="600"))
    return w, parts, f"{label}: {shown or tr(lang, 'spento', 'off')}", h + 24


def draw_keypad(source: str, value: dict[str, Any], lang: str) -> Drawing:
    rows, cols = len(value.get("rows", ())), len(value.get("cols", ()))
    keys = str(value.get("keys", ""))
    last = value.get("last")
    w, h = cols * 26 + 12, rows * 26 + 12
    parts = [f"<rect x='0' y='0' width='{w}' height='{h}' rx='5' fill='#e5e7eb' stroke='#94a3b8'/>"]
    for i, label in enumerate(keys[:rows * cols]):
        r, c = divmod(i, cols)
        pressed = label == last
        parts.append(f"<rect x='{8 + c * 26}' y='{8 + r * 26}' width='22' height='22' rx='3' "
                     f"fill='{'#f59e0b' if pressed else '#1d4ed8' if label in 'ABCD' else '#334155'}'/>")
        parts.append(text(19 + c * 26, 24 + r * 26, label, size=12, fill="#f8fafc",
                          anchor="middle", weight="700"))
    name = tr(lang, "tastierino", "keypad")
    seen = tr(lang, f"ultimo tasto letto: {last}", f"last key read: {last}") if last else tr(
        lang, "nessun tasto letto", "no key read")
    parts.append(text(0, h + 16, f"{name} {rows}×{cols} · {seen}", size=10.5, fill="#1f2937",
                      weight="600"))
    return max(w, 150), parts, f"{name}: {seen}", h + 24


def draw_kit(frames: dict[str, Any], lang: str) -> list[Drawing]:
    """The drawings of every kit device in ``frames`` (from :func:`last_frames`)."""
    draw = {"lcd": draw_lcd, "seg7": draw_seven_segment, "keypad": draw_keypad}
    return [draw[source.partition(":")[0]](source, value, lang)
            for source, value in sorted(frames.items())]
