"""SVG renderings of a run: a logic-analyser timeline, the board with its LEDs, and micro:bit
display frames. Each function takes a :class:`RunResult` (or its events) and returns an SVG string
that is self-contained (no scripts, no external references) and escapes every text it shows."""

from __future__ import annotations

from html import escape

from app.sim.boards import get_board
from app.sim.results import RunResult
from app.sim.trace import Event

_FONT = "font-family='system-ui,Segoe UI,Helvetica,Arial,sans-serif'"
_COLORS = ("#e4572e", "#2e86ab", "#59a96a", "#f2a541", "#8e6c8a", "#17bebb")


def _channels(events: tuple[Event, ...]) -> dict[str, list[tuple[int, float]]]:
    """source -> [(t_us, level 0..1)] for pins (digital) and PWM (duty fraction)."""
    ch: dict[str, list[tuple[int, float]]] = {}
    for e in events:
        head = e.source.split(":")[0]
        if head == "pin" and e.kind == "value":
            ch.setdefault(e.source, []).append((e.t_us, 1.0 if e.value else 0.0))
        elif head == "pwm" and e.kind == "duty":
            ch.setdefault(e.source, []).append((e.t_us, e.value / 65535))
        elif head in ("servo", "buzzer") and isinstance(e.value, int):
            scale = 180 if head == "servo" else 2000
            ch.setdefault(e.source, []).append((e.t_us, min(1.0, e.value / scale)))
    return ch


def render_timeline(run: RunResult, width: int = 900, max_channels: int = 12) -> str:
    """A logic-analyser view: one lane per pin/PWM/device, time axis in seconds."""
    ch = list(_channels(run.events).items())[:max_channels]
    end = max(run.sim_time_us, 1)
    left, lane, top = 110, 44, 28
    height = top + lane * max(1, len(ch)) + 30
    plot_w = width - left - 20
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
             f"viewBox='0 0 {width} {height}' role='img' aria-label='timeline'>",
             f"<rect width='{width}' height='{height}' rx='8' fill='#0f172a'/>"]
    for i in range(11):
        x = left + plot_w * i / 10
        parts.append(f"<line x1='{x:.1f}' y1='{top - 6}' x2='{x:.1f}' y2='{height - 24}' "
                     "stroke='#334155' stroke-width='1'/>")
        parts.append(f"<text x='{x:.1f}' y='{height - 8}' fill='#94a3b8' font-size='11' {_FONT} "
                     f"text-anchor='middle'>{end * i / 10 / 1e6:.2f}s</text>")
    if not ch:
        parts.append(f"<text x='{left}' y='{top + 20}' fill='#e2e8f0' font-size='13' {_FONT}>"
                     "no pin activity</text>")
    for n, (name, pts) in enumerate(ch):
        y0 = top + lane * n + lane - 10
        hgt = lane - 18
        color = _COLORS[n % len(_COLORS)]
        parts.append(f"<text x='10' y='{y0 - hgt / 2 + 4:.1f}' fill='#e2e8f0' font-size='12' "
                     f"{_FONT}>{escape(name)}</text>")
        d = [f"M{left},{y0}"]
        level = 0.0
        for t, v in pts:
            x = left + plot_w * min(t, end) / end
            d.append(f"L{x:.1f},{y0 - level * hgt:.1f}L{x:.1f},{y0 - v * hgt:.1f}")
            level = v
        d.append(f"L{left + plot_w},{y0 - level * hgt:.1f}")
        parts.append(f"<path d='{''.join(d)}' fill='none' stroke='{color}' stroke-width='2'/>")
    parts.append("</svg>")
    return "".join(parts)


def render_board(run: RunResult, at_us: int | None = None) -> str:
    """The board drawn with its header pins, lit where an output is high at ``at_us`` (default:
    end of run); the onboard LED glows when on."""
    board = get_board(run.board)
    t = run.sim_time_us if at_us is None else at_us
    state: dict[str, float] = {}
    for e in run.events:
        if e.t_us > t:
            break
        head, _, label = e.source.partition(":")
        if head == "pin" and e.kind == "value":
            state[board.physical(label)] = 1.0 if e.value else 0.0
        elif head == "pwm" and e.kind == "duty":
            state[board.physical(label)] = e.value / 65535
    pins = [str(p) for p in board.pins] if board.family != "microbit" else [f"pin{p}" for p in board.pins]
    per_row = (len(pins) + 1) // 2
    width, height = 80 + per_row * 26, 190
    color = {"rp2": "#1f7a3a", "esp32": "#1e293b", "microbit": "#111827"}[board.family]
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
             f"viewBox='0 0 {width} {height}' role='img' aria-label='{escape(board.title)}'>",
             "<defs><radialGradient id='glow'><stop offset='0' stop-color='#fde047'/>"
             "<stop offset='1' stop-color='#fde047' stop-opacity='0'/></radialGradient></defs>",
             f"<rect x='10' y='20' width='{width - 20}' height='{height - 40}' rx='12' fill='{color}'/>",
             f"<text x='{width / 2}' y='{height / 2 + 5}' fill='#e5e7eb' font-size='15' {_FONT} "
             f"text-anchor='middle'>{escape(board.title)}</text>"]
    for i, key in enumerate(pins):
        row, col = divmod(i, per_row)
        x = 40 + col * 26
        y = 38 if row == 0 else height - 38
        level = state.get(key, 0.0)
        fill = f"rgba(250,204,21,{0.25 + 0.75 * level:.2f})" if key in state else "#9ca3af"
        parts.append(f"<circle cx='{x}' cy='{y}' r='7' fill='{fill}' stroke='#f8fafc' stroke-width='1'/>")
        label = key if board.family != "microbit" else key[3:]
        ty = y - 12 if row == 0 else y + 20
        parts.append(f"<text x='{x}' y='{ty}' fill='#f8fafc' font-size='9' {_FONT} "
                     f"text-anchor='middle'>{escape(label)}</text>")
    if board.led is not None:
        on = state.get(board.led, 0.0)
        lx, ly = width - 50, height / 2 - 30
        if on:
            parts.append(f"<circle cx='{lx}' cy='{ly}' r='22' fill='url(#glow)'/>")
        parts.append(f"<rect x='{lx - 7}' y='{ly - 4}' width='14' height='8' rx='2' "
                     f"fill='{'#facc15' if on else '#475569'}'/>")
        parts.append(f"<text x='{lx}' y='{ly + 20}' fill='#e5e7eb' font-size='10' {_FONT} "
                     "text-anchor='middle'>LED</text>")
    parts.append("</svg>")
    return "".join(parts)


def render_display_frames(run: RunResult, max_frames: int = 12) -> str:
    """Successive micro:bit 5x5 display frames with their times."""
    frames = [(e.t_us, e.value) for e in run.events if e.source == "display" and e.kind == "image"]
    frames = frames[:max_frames] or [(0, "00000:00000:00000:00000:00000")]
    cell, pad = 14, 16
    fw = cell * 5 + 2 * 8
    width, height = pad + len(frames) * (fw + pad), fw + 48
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
             f"viewBox='0 0 {width} {height}' role='img' aria-label='micro:bit display'>",
             f"<rect width='{width}' height='{height}' rx='8' fill='#f1f5f9'/>"]
    for n, (t, frame) in enumerate(frames):
        x0 = pad + n * (fw + pad)
        parts.append(f"<rect x='{x0}' y='{pad}' width='{fw}' height='{fw}' rx='8' fill='#111827'/>")
        rows = frame.split(":")
        for y, row in enumerate(rows[:5]):
            for x, ch in enumerate(row[:5]):
                b = int(ch) if ch.isdigit() else 0
                fill = f"rgba(239,68,68,{b / 9:.2f})" if b else "#1f2937"
                parts.append(f"<rect x='{x0 + 8 + x * cell + 2}' y='{pad + 8 + y * cell + 2}' "
                             f"width='{cell - 4}' height='{cell - 4}' rx='2' fill='{fill}'/>")
        parts.append(f"<text x='{x0 + fw / 2}' y='{pad + fw + 20}' font-size='11' fill='#334155' "
                     f"{_FONT} text-anchor='middle'>{t / 1e6:.2f}s</text>")
    parts.append("</svg>")
    return "".join(parts)
