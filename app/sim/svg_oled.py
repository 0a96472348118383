"""An OLED display (SSD1306/SH1106, 128×64) in the board picture: the last picture its controller
showed, from the trace's ``oled:<address> frame`` events (base64 of the glass in MONO_VLSB
layout, see :mod:`app.sim.hal.oled`). Lit pixels are drawn as one path of horizontal runs, so a
screen full of text stays a small SVG."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable

from app.sim.svg_parts import text, tr
from app.sim.trace import Event

WIDTH, HEIGHT = 128, 64
SCALE = 2
PANEL_H = HEIGHT * SCALE + 44  # the glass, its frame and the caption


def last_pictures(events: Iterable[Event]) -> dict[str, bytes]:
    """Each display's last picture among ``events`` (source -> 1024 bytes)."""
    out: dict[str, bytes] = {}
    for e in events:
        if e.kind == "frame" and e.source.startswith("oled:") and isinstance(e.value, str):
            try:
                picture = base64.b64decode(e.value, validate=True)
            except (binascii.Error, ValueError):
                continue
            if len(picture) == WIDTH * HEIGHT // 8:
                out[e.source] = picture
    return out


def lit_runs(picture: bytes) -> list[tuple[int, int, int]]:
    """Horizontal runs of lit pixels as (x, y, length)."""
    runs = []
    for y in range(HEIGHT):
        page, bit = divmod(y, 8)
        row = picture[page * WIDTH:(page + 1) * WIDTH]
        x = 0
        while x < WIDTH:
            if row[x] >> bit & 1:
                start = x
                while x < WIDTH and row[x] >> bit & 1:
                    x += 1
                runs.append((start, y, x - start))
            else:
                x += 1
    return runs


def draw_oled(source: str, picture: bytes, lang: str) -> tuple[float, list[str], str, float]:
    """(width, SVG parts, description, height) of one display at the origin."""
    runs = lit_runs(picture)
    path = "".join(f"M{8 + x * SCALE},{8 + y * SCALE}h{n * SCALE}v{SCALE}h{-n * SCALE}z" for x, y, n in runs)
    lit = sum(n for _x, _y, n in runs)
    glass_w, glass_h = WIDTH * SCALE, HEIGHT * SCALE
    parts = [f"<rect x='0' y='0' width='{glass_w + 16}' height='{glass_h + 16}' rx='6' fill='#1e293b'/>",
             f"<rect x='8' y='8' width='{glass_w}' height='{glass_h}' fill='#020617'/>"]
    if path:
        parts.append(f"<path d='{path}' fill='#bae6fd'/>")
    address = source.partition(":")[2]
    parts.append(text(0, glass_h + 34, f"OLED 0x{address.upper()} · "
                      + tr(lang, f"{lit} pixel accesi", f"{lit} pixels lit"),
                      size=10.5, fill="#1f2937", weight="600"))
    said = f"OLED 0x{address.upper()}: " + tr(lang, f"{lit} pixel accesi su {WIDTH * HEIGHT}",
                                                f"{lit} of {WIDTH * HEIGHT} pixels lit")
    return glass_w + 16, parts, said, PANEL_H
