"""SVG renderings of a run: a logic-analyser timeline, the board with its LEDs, and micro:bit
display frames.

Each function takes a :class:`RunResult` and returns an SVG string that is self-contained (no
scripts, no event handlers, no external references), accessible (``role="img"`` with a
``<title>`` and ``<desc>`` in the requested language) and escapes every text it shows. The board
drawings live in :mod:`app.sim.svg_board`; shared pieces in :mod:`app.sim.svg_parts`.
"""

from __future__ import annotations

from app.sim.results import RunResult
from app.sim.svg_board import render_board
from app.sim.svg_parts import (lang_of, nice_step, note_name, open_svg, seconds_label,
                               shown_rgb, text, tr, uid)
from app.sim.trace import Event

__all__ = ["render_board", "render_display_frames", "render_timeline"]

_COLORS = ("#34d399", "#60a5fa", "#fbbf24", "#f472b6", "#a78bfa", "#22d3ee", "#fb923c", "#a3e635")
_RANK = {"pin": 0, "pwm": 1, "servo": 2, "buzzer": 3, "neopixel": 4, "irq": 5, "display": 6,
         "music": 7, "i2c": 8, "uart": 9}
_LANE_H = {"pin": 34, "pwm": 42, "servo": 42, "buzzer": 34, "music": 34, "display": 34,
           "irq": 26, "i2c": 26, "uart": 26}


def _channels(run: RunResult) -> list[tuple[str, str, list[Event]]]:
    """(type, source, events) per lane, grouped by the pin they belong to."""
    lanes: dict[tuple[str, str], list[Event]] = {}
    order: dict[str, int] = {}
    for e in run.events:
        head, _, label = e.source.partition(":")
        if head == "pin" and e.kind == "irq":
            kind = "irq"
        elif (head, e.kind) in (("pin", "value"), ("pwm", "duty"), ("pwm", "freq"),
                                ("pwm", "deinit"), ("servo", "angle"), ("buzzer", "tone"),
                                ("music", "tone"), ("display", "image"), ("display", "scroll"),
                                ("neopixel", "write")) or head in ("i2c", "uart"):
            kind = head
        else:
            continue
        lanes.setdefault((kind, e.source), []).append(e)
        order.setdefault(label or head, len(order))
    out = []
    for (kind, source), evs in lanes.items():
        if kind == "pwm" and not any(e.kind == "duty" for e in evs):
            continue
        label = source.partition(":")[2] or source
        out.append((order.get(label, 99), _RANK.get(kind, 9), kind, source, evs))
    out.sort(key=lambda x: (x[0], x[1]))
    return [(kind, source, evs) for _, _, kind, source, evs in out]


def _lane_label(kind: str, source: str, evs: list[Event], lang: str) -> tuple[str, str]:
    head, _, label = source.partition(":")
    name = label if not label.isdigit() else (f"pin {label}" if head in ("pin", "pwm", "servo",
                                                                         "buzzer", "neopixel")
                                              else f"{head} {label}")
    if kind == "pin":
        return name, tr(lang, "digitale", "digital")
    if kind == "irq":
        return name, tr(lang, "interrupt (IRQ)", "interrupt (IRQ)")
    if kind == "pwm":
        freqs = [e.value for e in evs if e.kind == "freq"]
        f = freqs[-1] if freqs else 0
        fs = f"{f / 1000:g} kHz" if f >= 1000 else f"{f} Hz"
        return name, f"PWM {fs} · duty %"
    if kind == "servo":
        return f"servo {label}", tr(lang, "angolo 0–180°", "angle 0–180°")
    if kind in ("buzzer", "music"):
        return (f"buzzer {label}" if kind == "buzzer" else tr(lang, "altoparlante", "speaker"),
                tr(lang, "note", "notes"))
    if kind == "neopixel":
        n = max((len(e.value) for e in evs), default=0)
        return f"NeoPixel {label}", tr(lang, f"{n} LED", f"{n} LEDs")
    if kind == "display":
        return "display", "5×5 LED"
    return source, tr(lang, "eventi", "events")


def _step_path(points: list[tuple[float, float]], x0: float, x1: float, y_of,
               start: float = 0.0) -> str:
    """A step path through (x, value) points, merging changes that fall in the same pixel."""
    d = [f"M{x0:.1f},{y_of(start):.1f}"]
    last_x = None
    for x, v in points:
        if last_x is not None and x - last_x < 0.6:
            d.append(f"V{y_of(v):.1f}")
        else:
            d.append(f"H{x:.1f}V{y_of(v):.1f}")
            last_x = x
    d.append(f"H{x1:.1f}")
    return "".join(d)


def render_timeline(run: RunResult, width: int = 900, max_channels: int = 12, *,
                    lang: str = "it") -> str:
    """A logic-analyser view: one lane per pin, PWM, servo, buzzer, NeoPixel strip, display and
    speaker, on a shared time axis in seconds (or milliseconds for short runs)."""
    lang = lang_of(lang)
    lanes_all = _channels(run)
    lanes = lanes_all[:max_channels]
    end = max(run.sim_time_us, max((e.t_us for e in run.events), default=0), 1)
    left, right, top = 132, 16, 34
    plot_w = width - left - right

    def heights(kind: str, evs: list[Event]) -> int:
        if kind == "neopixel":
            n = max((len(e.value) for e in evs), default=1)
            return max(26, min(52, 4 * n + 10))
        return _LANE_H.get(kind, 30)

    hs = [heights(k, evs) for k, _, evs in lanes]
    more = len(lanes_all) - len(lanes)
    height = top + max(sum(hs), 40) + 34 + (16 if more else 0)
    ident = uid("timeline", run.board, run.sim_time_us, len(run.events), run.events[:50])
    secs = f"{round(end / 1e6, 2):g}"
    title = tr(lang, f"Analizzatore logico: {secs} s di tempo simulato su {run.board}",
               f"Logic analyser: {secs} s of simulated time on {run.board}")
    summary = [f"{_lane_label(k, s, evs, lang)[0]}: {len(evs)} "
               + tr(lang, "eventi", "events") for k, s, evs in lanes]
    desc = ("; ".join(summary) if summary
            else tr(lang, "Nessuna attività su pin o dispositivi.", "No pin or device activity."))
    parts = open_svg(width, height, ident, title, desc, lang, "sim-timeline")
    parts.append(f"<rect width='{width}' height='{height}' rx='10' fill='#0f172a'/>")
    parts.append(text(12, 21, title.split(":")[0], size=12, fill="#94a3b8", weight="600"))
    parts.append(text(width - right, 21, f"{secs} s · {run.board}", size=11, fill="#94a3b8",
                      anchor="end"))
    plot_bottom = top + max(sum(hs), 40)

    def xt(t: float) -> float:
        return left + plot_w * min(max(t, 0), end) / end

    step = nice_step(end)
    k = 0
    while k * step <= end + 1e-6:
        x = xt(k * step)
        parts.append(f"<line x1='{x:.1f}' y1='{top - 4}' x2='{x:.1f}' y2='{plot_bottom + 4}' "
                     "stroke='#1e293b' stroke-width='1'/>")
        anchor = "start" if k == 0 else "end" if x > width - right - 20 else "middle"
        parts.append(text(x, plot_bottom + 20, seconds_label(k * step, step), size=10.5,
                          fill="#94a3b8", anchor=anchor))
        k += 1
    if not lanes:
        parts.append(text(left, top + 24, tr(lang, "nessuna attività su pin o dispositivi",
                                             "no pin or device activity"), size=13))
    y = top
    for n, ((kind, source, evs), h) in enumerate(zip(lanes, hs)):
        color = _COLORS[n % len(_COLORS)]
        if n % 2:
            parts.append(f"<rect x='4' y='{y}' width='{width - 8}' height='{h}' fill='#ffffff' "
                         "fill-opacity='0.03'/>")
        name, sub = _lane_label(kind, source, evs, lang)
        parts.append(text(12, y + h / 2 - 1, name, size=12, weight="600"))
        parts.append(text(12, y + h / 2 + 12, sub, size=9.5, fill="#94a3b8"))
        parts.extend(_lane(kind, evs, y, h, color, xt, left, left + plot_w, end, lang))
        y += h
    if more:
        parts.append(text(12, height - 8, tr(lang, f"… e altri {more} canali",
                                             f"… and {more} more channels"), size=10,
                          fill="#94a3b8"))
    parts.append("</svg>")
    return "".join(parts)


def _lane(kind: str, evs: list[Event], y: float, h: float, color: str, xt, x0: float,
          x1: float, end: int, lang: str) -> list[str]:
    pad = 7
    lo, hi = y + h - pad, y + pad

    def y_of(v: float) -> float:
        return lo - (lo - hi) * v

    out: list[str] = []
    if kind in ("pin", "pwm", "servo"):
        if kind == "pin":
            pts = [(xt(e.t_us), 1.0 if e.value else 0.0) for e in evs]
        elif kind == "pwm":
            pts = [(xt(e.t_us), (e.value / 65535) if e.kind == "duty" else 0.0)
                   for e in evs if e.kind in ("duty", "deinit")]
        else:
            pts = [(xt(e.t_us), e.value / 180) for e in evs if isinstance(e.value, int)]
            out.append(text(x1 - 2, hi + 3, "180°", size=8.5, fill="#64748b", anchor="end"))
            out.append(text(x1 - 2, lo + 1, "0°", size=8.5, fill="#64748b", anchor="end"))
        if kind == "servo":  # the servo stays where it was told until told otherwise
            path = _step_path(pts, pts[0][0], x1, y_of, pts[0][1]) if pts else f"M{x0},{lo}"
        else:
            path = _step_path(pts, x0, x1, y_of)
            out.append(f"<path d='{path}V{lo:.1f}H{x0:.1f}Z' fill='{color}' fill-opacity='0.16' "
                       "stroke='none'/>")
        out.append(f"<path d='{path}' fill='none' stroke='{color}' stroke-width='2' "
                   "stroke-linejoin='round'/>")
        out.append(f"<line x1='{x0}' y1='{lo:.1f}' x2='{x1}' y2='{lo:.1f}' stroke='#334155' "
                   "stroke-width='1'/>")
    elif kind in ("buzzer", "music"):
        tones = [(e.t_us, e.value) for e in evs if isinstance(e.value, int)]
        for i, (t, f) in enumerate(tones):
            t_next = tones[i + 1][0] if i + 1 < len(tones) else end
            if f <= 0 or t_next <= t:
                continue
            xa, xb = xt(t), xt(t_next)
            out.append(f"<rect x='{xa:.1f}' y='{hi:.1f}' width='{max(xb - xa - 1, 1.5):.1f}' "
                       f"height='{lo - hi:.1f}' rx='3' fill='{color}' fill-opacity='0.85'/>")
            label = note_name(f)
            if xb - xa > 30:
                out.append(text((xa + xb) / 2, (hi + lo) / 2 + 4, label, size=10,
                                fill="#0f172a", anchor="middle", weight="600"))
    elif kind == "neopixel":
        frames = [(e.t_us, e.value) for e in evs if isinstance(e.value, list)]
        last_x = -1.0
        for i, (t, px) in enumerate(frames):
            xa = xt(t)
            xb = xt(frames[i + 1][0]) if i + 1 < len(frames) else x1
            if xa - last_x < 1 and i + 1 < len(frames):
                continue
            last_x = xa
            n = max(1, min(len(px), 64))
            cell = (lo - hi) / n
            for j, p in enumerate(px[:n]):
                r, g, b = shown_rgb(p)
                fill = f"rgb({r},{g},{b})" if (r or g or b) else "#1e293b"
                out.append(f"<rect x='{xa:.1f}' y='{hi + j * cell:.1f}' "
                           f"width='{max(xb - xa, 1):.1f}' height='{max(cell - 0.5, 0.5):.1f}' "
                           f"fill='{fill}'/>")
    elif kind == "display":
        frames = [(e.t_us, e.value, e.kind) for e in evs]
        last_x = -100.0
        for t, v, k in frames:
            xa = xt(t)
            if k == "scroll":
                out.append(text(xa + 2, (hi + lo) / 2 + 4, f"“{str(v)[:24]}”", size=10,
                                fill="#fca5a5", mono=True))
                last_x = xa + 8 * min(len(str(v)), 24)
                continue
            if xa - last_x < 24:
                out.append(f"<line x1='{xa:.1f}' y1='{hi:.1f}' x2='{xa:.1f}' y2='{lo:.1f}' "
                           f"stroke='{color}' stroke-width='1'/>")
                continue
            last_x = xa
            out.append(_mini_frame(min(xa, x1 - (lo - hi)), hi, lo - hi, str(v)))
    else:  # irq, i2c, uart: one marker per event
        for e in evs:
            xa = xt(e.t_us)
            out.append(f"<path d='M{xa:.1f},{lo:.1f}l-4,-9h8z' fill='{color}'/>")
    return out


def _mini_frame(x: float, y: float, size: float, frame: str) -> str:
    cell = size / 5
    parts = [f"<rect x='{x:.1f}' y='{y:.1f}' width='{size:.1f}' height='{size:.1f}' rx='2' "
             "fill='#020617' stroke='#334155' stroke-width='0.5'/>"]
    for r, row in enumerate(frame.split(":")[:5]):
        for c, ch in enumerate(row[:5]):
            b = int(ch) if ch.isdigit() else 0
            if b:
                parts.append(f"<rect x='{x + c * cell + 0.6:.1f}' y='{y + r * cell + 0.6:.1f}' "
                             f"width='{cell - 1.2:.1f}' height='{cell - 1.2:.1f}' "
                             f"fill='#ef4444' fill-opacity='{0.35 + 0.65 * b / 9:.2f}'/>")
    return "".join(parts)


def render_display_frames(run: RunResult, max_frames: int = 12, *, lang: str = "it") -> str:
    """Successive micro:bit 5×5 display frames with their times (text shown with ``show`` is
    captioned; ``scroll`` appears as its own card with the scrolled text)."""
    lang = lang_of(lang)
    items: list[tuple[int, str, str, str]] = []  # (t, "image"|"scroll", frame or text, caption)
    pending_char: tuple[int, str] | None = None
    for e in run.events:
        if e.source != "display":
            continue
        if e.kind == "text":
            pending_char = (e.t_us, str(e.value))
        elif e.kind == "image":
            cap = pending_char[1] if pending_char and pending_char[0] == e.t_us else ""
            items.append((e.t_us, "image", str(e.value), cap))
        elif e.kind == "scroll":
            items.append((e.t_us, "scroll", str(e.value), ""))
    total = len(items)
    if not items:
        items = [(0, "image", "00000:00000:00000:00000:00000", "")]
    items = items[:max_frames]
    more = total - len(items)
    cell, pad, inner = 16, 14, 10
    fw = cell * 5 + 2 * inner
    cols = len(items) + (1 if more else 0)
    width, height = pad + cols * (fw + pad), fw + 2 * pad + 40
    ident = uid("display", run.board, items, total)
    title = tr(lang, "Display del micro:bit: immagini mostrate durante l'esecuzione",
               "micro:bit display: images shown during the run")
    words = []
    for t, kind, v, cap in items:
        lit = sum(c not in "0:" for c in v)
        what = (tr(lang, f"scorre “{v}”", f"scrolls “{v}”") if kind == "scroll"
                else f"“{cap}”" if cap else tr(lang, f"{lit} LED accesi", f"{lit} LEDs lit"))
        words.append(f"{t / 1e6:.2f} s: {what}")
    desc = (tr(lang, f"{total} immagini. ", f"{total} frames. ") if total else
            tr(lang, "Il display non è mai cambiato. ", "The display never changed. ")) + "; ".join(words)
    parts = open_svg(width, height, ident, title, desc, lang, "sim-display")
    parts.append(f"<defs><radialGradient id='{ident}-g'><stop offset='0' stop-color='#ff6b6b'/>"
                 "<stop offset='0.45' stop-color='#ef4444' stop-opacity='0.55'/>"
                 "<stop offset='1' stop-color='#ef4444' stop-opacity='0'/></radialGradient></defs>")
    parts.append(f"<rect width='{width}' height='{height}' rx='10' fill='#f1f5f9'/>")
    for n, (t, kind, v, cap) in enumerate(items):
        x0 = pad + n * (fw + pad)
        y0 = pad + 14
        parts.append(text(x0 + fw / 2, pad + 6, f"{t / 1e6:.2f} s", size=11, fill="#334155",
                          anchor="middle", weight="600"))
        parts.append(f"<rect x='{x0}' y='{y0}' width='{fw}' height='{fw}' rx='10' fill='#0b0f19'/>")
        if kind == "scroll":
            parts.append(text(x0 + fw / 2, y0 + fw / 2 - 6, "⟵", size=18, fill="#f87171",
                              anchor="middle"))
            parts.append(text(x0 + fw / 2, y0 + fw / 2 + 16, v[:8] + ("…" if len(v) > 8 else ""),
                              size=16, fill="#f87171", anchor="middle", mono=True, weight="700"))
            parts.append(text(x0 + fw / 2, y0 + fw + 16, "scroll", size=10.5, fill="#475569",
                              anchor="middle", mono=True))
            continue
        for r, row in enumerate(v.split(":")[:5]):
            for c, ch in enumerate(row[:5]):
                b = int(ch) if ch.isdigit() else 0
                cx, cy = x0 + inner + c * cell + cell / 2, y0 + inner + r * cell + cell / 2
                if b:
                    parts.append(f"<circle cx='{cx:.1f}' cy='{cy:.1f}' r='{cell * 0.75:.1f}' "
                                 f"fill='url(#{ident}-g)' fill-opacity='{0.3 + 0.7 * b / 9:.2f}'/>")
                fill = "#ff4d4d" if b else "#2b1a1a"
                op = f" fill-opacity='{0.35 + 0.65 * b / 9:.2f}'" if b else ""
                parts.append(f"<rect x='{cx - 3:.1f}' y='{cy - 5:.1f}' width='6' height='10' "
                             f"rx='1.5' fill='{fill}'{op}/>")
        if cap:
            parts.append(text(x0 + fw / 2, y0 + fw + 16, f"show(“{cap}”)", size=10.5,
                              fill="#475569", anchor="middle", mono=True))
    if more:
        x0 = pad + len(items) * (fw + pad)
        parts.append(f"<rect x='{x0}' y='{pad + 14}' width='{fw}' height='{fw}' rx='10' "
                     "fill='none' stroke='#94a3b8' stroke-dasharray='4 4'/>")
        parts.append(text(x0 + fw / 2, pad + 14 + fw / 2 + 5, f"+{more}", size=18,
                          fill="#475569", anchor="middle"))
    parts.append("</svg>")
    return "".join(parts)

