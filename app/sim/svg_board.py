"""SVG drawing of a virtual board at one moment of a run, with what is wired to it.

Owns the board outlines (Raspberry Pi Pico / Pico W with their real 40-pin header, the 30-pin
ESP32 DevKit V1 with its blue LED on GPIO2, the BBC micro:bit V2 with its 5×5 display and edge
connector), pads lit by the level (or PWM duty) of each output, input pins ringed, the onboard LED
glowing when on, and a row of attached devices drawn from the trace: external LEDs, NeoPixel
strips, servos (horn at the angle), buzzers/speaker (note and frequency), OLED displays
(:mod:`app.sim.svg_oled`) and the kit's LCD, seven-segment displays and keypads
(:mod:`app.sim.svg_kit`).
"""

from __future__ import annotations

from typing import Any

from app.sim.boards import Board, get_board
from app.sim.results import RunResult
from app.sim.svg_kit import draw_kit, kit_pins, last_frames
from app.sim.svg_oled import draw_oled, last_pictures
from app.sim.svg_parts import (lang_of, note_name, open_svg, output_state, shown_rgb, text, tr,
                               uid)

LED_COLORS = {"red": "#ef4444", "yellow": "#facc15", "green": "#22c55e", "blue": "#3b82f6",
              "white": "#f8fafc", "orange": "#fb923c"}

# Pico, USB on the left: the top row is physical pins 40..21, the bottom row pins 1..20.
_PICO_TOP = ("VBUS", "VSYS", "GND", "3V3_EN", "3V3", "ADC_VREF", "GP28", "GND", "GP27", "GP26",
             "RUN", "GP22", "GND", "GP21", "GP20", "GP19", "GP18", "GND", "GP17", "GP16")
_PICO_BOTTOM = ("GP0", "GP1", "GND", "GP2", "GP3", "GP4", "GP5", "GND", "GP6", "GP7", "GP8",
                "GP9", "GND", "GP10", "GP11", "GP12", "GP13", "GND", "GP14", "GP15")
# ESP32 DevKit V1 (30 pins), USB on the left, antenna on the right.
_ESP_TOP = ("VIN", "GND", "13", "12", "14", "27", "26", "25", "33", "32", "35", "34", "39 VN",
            "36 VP", "EN")
_ESP_BOTTOM = ("3V3", "GND", "15", "2", "4", "16 RX2", "17 TX2", "5", "18", "19", "21",
               "3 RX0", "1 TX0", "22", "23")
# micro:bit edge connector, left to right; big rings are 0, 1, 2, 3V and GND.
_MB_EDGE = ("3", "0*", "4", "5", "6", "7", "1*", "8", "9", "10", "11", "12", "2*", "13", "14",
            "15", "16", "3V*", "3V", "3V", "19", "20", "GND*", "GND", "GND")
Drawn = tuple[list[str], float, float]  # svg parts, right edge, bottom edge


def _pad_key(board: Board, label: str) -> str | None:
    """Physical key of a header label, or None for power/ground/control pins."""
    head = label.split(" ")[0]
    if head.startswith("GP") and head[2:].isdigit():
        head = head[2:]
    if head.isdigit() and int(head) in board.pins:
        return head
    return None


def _pad(x: float, y: float, level: float | None, is_input: bool, big: bool = False) -> str:
    r = 9 if big else 6
    out = []
    if level:
        out.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r + 6}' fill='#fde047' "
                   f"fill-opacity='{0.25 + 0.35 * level:.2f}'/>")
    ring = "#60a5fa" if is_input else "#d4af37"
    fill = f"rgb(253,{int(224 - 20 * level)},{int(71 * (1 - level))})" if level else "#3f3f46"
    out.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r}' fill='{ring}'/>")
    out.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r - 2.5}' fill='{fill}'/>")
    return "".join(out)


def _header(board: Board, labels: tuple[str, ...], x0: float, y: float, pitch: float,
            label_above: bool, state: dict[str, Any], inputs: set[str]) -> list[str]:
    out = []
    for i, lab in enumerate(labels):
        x = x0 + i * pitch
        key = _pad_key(board, lab)
        level = state.get(key) if key else None
        lit = isinstance(level, float) and level > 0
        out.append(_pad(x, y, level if lit else None, key in inputs))
        color = ("#b45309" if lit else "#0f172a" if key else
                 "#b91c1c" if lab in ("VBUS", "VSYS", "VIN", "3V3", "3V3_EN") else "#64748b")
        ty = y - 13 if label_above else y + 13
        out.append(text(x + 3.5, ty, lab, size=9.5, fill=color, anchor="start" if label_above
                        else "end", weight="700" if lit else "normal",
                        extra=f" transform='rotate(-90 {x + 3.5:.1f} {ty:.1f})'"))
    return out


def _onboard_led(x: float, y: float, on: float, color: str, label: str, ident: str) -> list[str]:
    out = []
    if on:
        out.append(f"<circle cx='{x}' cy='{y}' r='38' fill='url(#{ident}-glow)' "
                   f"fill-opacity='{0.5 + 0.5 * on:.2f}'/>")
    out.append(f"<rect x='{x - 13}' y='{y - 8}' width='26' height='16' rx='3' fill='#e5e7eb'/>")
    out.append(f"<rect x='{x - 10}' y='{y - 5.5}' width='20' height='11' rx='2' "
               f"fill='{color if on else '#52525b'}'/>")
    out.append(text(x, y + 24, label, size=10, fill="#f8fafc", anchor="middle", weight="600"))
    return out


def _rp2(board: Board, state: dict[str, Any], inputs: set[str], ident: str,
         lang: str) -> Drawn:
    pitch, bw, bh, ox, oy = 22.0, 470.0, 184.0, 30.0, 62.0
    out = [f"<rect x='{ox}' y='{oy}' width='{bw}' height='{bh}' rx='10' fill='#1b7a3e' "
           "stroke='#14532d' stroke-width='2'/>",
           f"<rect x='{ox - 12}' y='{oy + bh / 2 - 22}' width='34' height='44' rx='3' "
           "fill='#cbd5e1' stroke='#64748b'/>",  # micro-USB
           f"<rect x='{ox + 200}' y='{oy + bh / 2 - 32}' width='64' height='64' rx='3' fill='#111827'/>",
           text(ox + 232, oy + bh / 2 + 4, "RP2040", size=11, fill="#d1d5db", anchor="middle",
                weight="700"),
           f"<circle cx='{ox + 100}' cy='{oy + bh / 2 + 34}' r='9' fill='#f8fafc' stroke='#94a3b8'/>",
           text(ox + 100, oy + bh / 2 + 58, "BOOTSEL", size=8.5, fill="#d1fae5", anchor="middle")]
    if board.name == "pico_w":
        out.append(f"<rect x='{ox + 340}' y='{oy + 42}' width='92' height='{bh - 84}' rx='4' "
                   "fill='#cbd5e1' stroke='#64748b'/>")
        out.append(text(ox + 386, oy + bh / 2 + 4, "CYW43439", size=10, fill="#334155",
                        anchor="middle", weight="700"))
    title = "Raspberry Pi Pico W" if board.name == "pico_w" else "Raspberry Pi Pico"
    out.append(text(ox + (330 if board.name == "pico_w" else bw - 12), oy + bh - 30, title,
                    size=12, fill="#ecfdf5", anchor="end",
                    weight="600"))
    x0 = ox + (bw - 19 * pitch) / 2
    out += _header(board, _PICO_TOP, x0, oy + 12, pitch, True, state, inputs)
    out += _header(board, _PICO_BOTTOM, x0, oy + bh - 12, pitch, False, state, inputs)
    led = board.led or "25"
    name = "LED (WL_GPIO0)" if board.name == "pico_w" else "LED (GP25)"
    out += _onboard_led(ox + 70, oy + 62, float(state.get(led) or 0), "#4ade80", name, ident)
    return out, ox + bw + 30, oy + bh + 58


def _esp32(board: Board, state: dict[str, Any], inputs: set[str], ident: str,
           lang: str) -> Drawn:
    pitch, bw, bh, ox, oy = 26.0, 420.0, 232.0, 30.0, 62.0
    out = [f"<rect x='{ox}' y='{oy}' width='{bw}' height='{bh}' rx='8' fill='#1e3a5f' "
           "stroke='#0f172a' stroke-width='2'/>",
           f"<rect x='{ox - 12}' y='{oy + bh / 2 - 20}' width='36' height='40' rx='3' "
           "fill='#cbd5e1' stroke='#64748b'/>",
           f"<rect x='{ox + 236}' y='{oy + 40}' width='130' height='{bh - 80}' rx='4' "
           "fill='#d1d5db' stroke='#6b7280'/>",
           text(ox + 301, oy + bh / 2 - 4, "ESP-WROOM-32", size=11, fill="#1f2937",
                anchor="middle", weight="700"),
           text(ox + 301, oy + bh / 2 + 14, "Wi-Fi · BT", size=9.5, fill="#374151", anchor="middle"),
           f"<path d='M{ox + 378},{oy + 60} h14 v20 h-14 v20 h14 v20 h-14 v20 h14 v20 h-14 v20 h14' "
           "fill='none' stroke='#d4af37' stroke-width='3'/>"]
    for name, by in (("EN", oy + 66), ("BOOT", oy + bh - 66)):
        bx = ox + 58
        out.append(f"<rect x='{bx - 10}' y='{by - 10}' width='20' height='20' rx='3' fill='#e5e7eb'/>")
        out.append(f"<circle cx='{bx}' cy='{by}' r='6' fill='#1f2937'/>")
        out.append(text(bx + 16, by + 4, name, size=9, fill="#e2e8f0"))
    out.append(text(ox + 128, oy + bh - 34, "ESP32 DevKit V1", size=12, fill="#e2e8f0",
                    anchor="middle", weight="600"))
    x0 = ox + (bw - 14 * pitch) / 2
    out += _header(board, _ESP_TOP, x0, oy + 12, pitch, True, state, inputs)
    out += _header(board, _ESP_BOTTOM, x0, oy + bh - 12, pitch, False, state, inputs)
    out += _onboard_led(ox + 140, oy + bh / 2 - 8, float(state.get(board.led or "2") or 0),
                        "#3b82f6", "LED (GPIO2)", ident)
    return out, ox + bw + 30, oy + bh + 58


def _microbit(board: Board, state: dict[str, Any], inputs: set[str], ident: str,
              lang: str) -> Drawn:
    bw, bh, ox, oy = 440.0, 330.0, 20.0, 16.0
    out = [f"<path d='M{ox + 14},{oy} h{bw - 28} a14,14 0 0 1 14,14 v{bh - 14} h-{bw} "
           f"v-{bh - 14} a14,14 0 0 1 14,-14z' fill='#111827' stroke='#000' stroke-width='1'/>",
           text(ox + bw / 2, oy + 30, "micro:bit", size=13, fill="#e5e7eb", anchor="middle",
                weight="700"),
           f"<path d='M{ox + bw / 2 - 16},{oy + 46} h32 a8,8 0 0 1 0,16 h-32 a8,8 0 0 1 0,-16z' "
           "fill='none' stroke='#d4af37' stroke-width='3'/>"]
    frame = str(state.get("display") or "00000:00000:00000:00000:00000")
    cell, gx, gy = 30, ox + bw / 2 - 75, oy + 80
    for r, row in enumerate(frame.split(":")[:5]):
        for c, ch in enumerate(row[:5]):
            b = int(ch) if ch.isdigit() else 0
            cx, cy = gx + c * cell + cell / 2, gy + r * cell + cell / 2
            if b:
                out.append(f"<circle cx='{cx}' cy='{cy}' r='13' fill='url(#{ident}-red)' "
                           f"fill-opacity='{0.3 + 0.7 * b / 9:.2f}'/>")
            out.append(f"<rect x='{cx - 4}' y='{cy - 7}' width='8' height='14' rx='2' "
                       f"fill='{'#ff4d4d' if b else '#3f2a2a'}'"
                       + (f" fill-opacity='{0.35 + 0.65 * b / 9:.2f}'/>" if b else "/>"))
    for bx, name in ((ox + 60, "A"), (ox + bw - 60, "B")):
        out.append(f"<rect x='{bx - 20}' y='{gy + 55}' width='40' height='40' rx='6' fill='#d1d5db'/>")
        out.append(f"<circle cx='{bx}' cy='{gy + 75}' r='13' fill='#374151'/>")
        out.append(text(bx, gy + 118, name, size=14, fill="#f3f4f6", anchor="middle", weight="700"))
    ey = oy + bh - 34
    out.append(f"<rect x='{ox}' y='{ey}' width='{bw}' height='34' fill='#0b0f19'/>")
    small_w = (bw - 5 * 44) / 20
    x = ox
    for lab in _MB_EDGE:
        big = lab.endswith("*")
        name = lab.rstrip("*")
        w = 44 if big else small_w
        key = f"pin{name}" if name.isdigit() else None
        level = state.get(key) if key else None
        lit = isinstance(level, float) and level > 0
        fill = "#fde047" if lit else "#d4af37"
        out.append(f"<rect x='{x + 1:.1f}' y='{ey + (2 if big else 8)}' width='{w - 2:.1f}' "
                   f"height='{32 if big else 26}' rx='{3 if big else 1}' fill='{fill}'"
                   + (" stroke='#60a5fa' stroke-width='2'" if key in inputs else "") + "/>")
        if big:
            out.append(f"<circle cx='{x + w / 2:.1f}' cy='{ey + 14}' r='8' fill='#111827'/>")
            out.append(text(x + w / 2, ey - 6, name, size=12, fill="#fde047" if lit else "#f8fafc",
                            anchor="middle", weight="700"))
        elif name.isdigit() and int(name) in board.pins:
            out.append(text(x + w / 2, ey - 4, name, size=7.5, fill="#fde047" if lit else "#94a3b8",
                            anchor="middle"))
        x += w
    return out, ox + bw + 30, oy + bh + 16


def _devices(board: Board, state: dict[str, Any], events, x0: float, y0: float, max_w: float,
             colors: dict[str, str], ident: str, lang: str) -> tuple[list[str], float, list[str]]:
    """Attached devices in a wrapping row; returns (svg parts, bottom y, description lines)."""
    items: list[tuple[float, list[str]]] = []
    said: list[str] = []
    seen: list[str] = []
    for e in events:
        if e.source not in seen:
            seen.append(e.source)
    onboard = board.led
    kit = last_frames(events)
    taken = kit_pins(kit)  # segments, digits and keypad lines are not LEDs
    pins_out: list[str] = []
    for src in seen:
        head, _, label = src.partition(":")
        key = board.physical(label) if label else ""
        if head in ("pin", "pwm") and key != onboard and key not in pins_out and key in state \
                and f"servo:{key}" not in state and f"buzzer:{key}" not in state \
                and key not in taken:
            if any(ev.source == src and ev.kind in ("value", "duty") for ev in events):
                pins_out.append(key)
    for key in pins_out:
        level = float(state.get(key) or 0)
        color = LED_COLORS.get(colors.get(key, "red"), LED_COLORS["red"])
        name = (f"GP{key}" if board.family == "rp2" else key if board.family == "microbit"
                else f"GPIO{key}")
        parts = []
        if level:
            parts.append(f"<circle cx='30' cy='26' r='24' fill='{color}' "
                         f"fill-opacity='{0.18 + 0.3 * level:.2f}'/>")
        parts.append(f"<path d='M20,40 v-16 a10,10 0 0 1 20,0 v16z' fill='{color}' "
                     f"fill-opacity='{0.4 + 0.6 * level if level else 0.22:.2f}' stroke='#1f2937'/>")
        parts.append("<rect x='17' y='40' width='26' height='4' rx='1' fill='#6b7280'/>")
        parts.append(text(30, 60, name, size=10.5, fill="#1f2937", anchor="middle", weight="600"))
        pct = tr(lang, "spento", "off") if not level else (
            tr(lang, "acceso", "on") if level >= 1 else f"{round(level * 100)} %")
        parts.append(text(30, 73, pct, size=9.5, fill="#475569", anchor="middle"))
        said.append(f"LED {name}: {pct}")
        items.append((62, parts))
    for k, v in state.items():
        if k.startswith("neopixel:") and isinstance(v, list):
            n = len(v)
            size = 18 if n <= 16 else 10
            per_row = min(n, 16 if size == 18 else 32)
            rows = (n + per_row - 1) // per_row
            w = per_row * (size + 4) + 12
            parts = [f"<rect x='0' y='4' width='{w}' height='{rows * (size + 4) + 10}' rx='5' "
                     "fill='#111827'/>"]
            for i, px in enumerate(v[:256]):
                r, g, b = shown_rgb(px)
                cx = 8 + (i % per_row) * (size + 4)
                cy = 9 + (i // per_row) * (size + 4)
                lit = r or g or b
                parts.append(f"<rect x='{cx}' y='{cy}' width='{size}' height='{size}' rx='3' "
                             f"fill='{f'rgb({r},{g},{b})' if lit else '#27272a'}' stroke='#3f3f46'/>")
            label = k.partition(":")[2]
            lit_n = sum(1 for px in v if any(px))
            parts.append(text(0, rows * (size + 4) + 28, f"NeoPixel {label} · "
                              + tr(lang, f"{lit_n}/{n} accesi", f"{lit_n}/{n} lit"),
                              size=10.5, fill="#1f2937", weight="600"))
            said.append(f"NeoPixel {label}: " + ", ".join(f"({','.join(str(c) for c in px)})"
                                                         for px in v[:16]))
            items.append((max(w, 130), parts))
        elif k.startswith("servo:") and isinstance(v, int):
            ang = max(0, min(180, v))
            parts = ["<rect x='10' y='14' width='70' height='36' rx='4' fill='#2563eb'/>",
                     "<circle cx='45' cy='32' r='9' fill='#e5e7eb'/>",
                     f"<g transform='rotate({ang - 180} 45 32)'><path d='M45,28 h34 a4,4 0 0 1 0,8 "
                     "h-34z' fill='#f8fafc' stroke='#64748b'/></g>",
                     text(45, 66, f"servo {k.partition(':')[2]} · {ang}°", size=10.5,
                          fill="#1f2937", anchor="middle", weight="600")]
            said.append(f"servo {k.partition(':')[2]}: {ang}°")
            items.append((110, parts))
        elif (k.startswith("buzzer:") or k == "music") and isinstance(v, int):
            name = (f"buzzer {k.partition(':')[2]}" if k != "music"
                    else tr(lang, "altoparlante", "speaker"))
            sound = f"{note_name(v)} · {v} Hz" if v > 0 else tr(lang, "silenzio", "silent")
            parts = ["<circle cx='40' cy='30' r='22' fill='#111827'/>",
                     "<circle cx='40' cy='30' r='5' fill='#374151'/>"]
            if v > 0:
                parts.append("<path d='M68,18 q8,12 0,24 M76,12 q12,18 0,36' fill='none' "
                             "stroke='#f59e0b' stroke-width='2.5'/>")
            parts.append(text(40, 68, name, size=10.5, fill="#1f2937", anchor="middle", weight="600"))
            parts.append(text(40, 81, sound, size=9.5, fill="#475569", anchor="middle"))
            said.append(f"{name}: {sound}")
            items.append((100, parts))
    sized: list[tuple[float, list[str], float]] = [(w, parts, 90.0) for w, parts in items]
    for source, picture in last_pictures(events).items():  # OLED displays: taller than the rest
        w, parts, line, h = draw_oled(source, picture, lang)
        sized.append((w, parts, h))
        said.append(line)
    for w, parts, line, h in draw_kit(kit, lang):  # LCD, seven-segment displays, keypads
        sized.append((w, parts, h))
        said.append(line)
    out: list[str] = []
    x, y, row_h = x0, y0, 0.0
    for w, parts, h in sized:
        if x > x0 and x + w > x0 + max_w:
            x, y = x0, y + row_h + 12
            row_h = 0
        out.append(f"<g transform='translate({x:.0f} {y:.0f})'>{''.join(parts)}</g>")
        x += w + 18
        row_h = max(row_h, h)
    return out, (y + row_h if sized else y0), said


def render_board(run: RunResult, at_us: int | None = None, *, lang: str = "it",
                 colors: dict[Any, str] | None = None) -> str:
    """The board at ``at_us`` (default: end of run): header pads lit by each output's level or
    PWM duty, input pins ringed in blue, the onboard LED glowing when on, and the attached devices
    the run drove. ``colors`` maps pins to the colour of the LED wired there ("red", "yellow",
    "green", "blue", "white", "orange"; default red)."""
    lang = lang_of(lang)
    board = get_board(run.board)
    t = run.sim_time_us if at_us is None else at_us
    state = output_state(board, run.events, t)
    # Pin(n) without a mode is traced as "in"; a pin later driven (PWM, value) is an output.
    inputs = {board.physical(e.source.partition(":")[2]) for e in run.events
              if e.source.startswith("pin:") and e.kind == "mode" and e.value == "in" and e.t_us <= t}
    inputs -= {board.physical(e.source.partition(":")[2]) for e in run.events
               if e.kind in ("value", "duty", "write") and e.t_us <= t}
    norm: dict[str, str] = {}
    for pin, c in (colors or {}).items():
        try:
            norm[board.pin_key(pin)] = str(c)
        except ValueError:
            continue
    ident = uid("board", run.board, t, len(run.events), run.events[:50], sorted(norm.items()))
    draw = {"rp2": _rp2, "esp32": _esp32, "microbit": _microbit}[board.family]
    body, right, bottom = draw(board, state, inputs, ident, lang)
    width = max(right, 560)
    devs, dev_bottom, said = _devices(board, state, [e for e in run.events if e.t_us <= t], 24,
                                      bottom, width - 48, norm, ident, lang)
    height = (dev_bottom + 16) if devs else bottom + 10
    lit = sorted(k for k, v in state.items() if isinstance(v, float) and v > 0 and k != board.led)
    led_on = bool(board.led and state.get(board.led))
    title = tr(lang, f"{board.title} a {t / 1e6:.2f} s", f"{board.title} at {t / 1e6:.2f} s")
    desc = [tr(lang, "LED sulla scheda acceso" if led_on else "LED sulla scheda spento",
               "onboard LED on" if led_on else "onboard LED off") if board.led else "",
            tr(lang, "uscite attive: ", "active outputs: ") + (", ".join(lit) if lit else "—")]
    if board.family == "microbit":
        frame = str(state.get("display") or "")
        n = sum(1 for c in frame if c not in "0:")
        desc.insert(0, tr(lang, f"display: {n} LED accesi", f"display: {n} LEDs lit"))
    desc += said
    header = {"rp2": _PICO_TOP + _PICO_BOTTOM, "esp32": _ESP_TOP + _ESP_BOTTOM}.get(board.family, ())
    on_header = {_pad_key(board, lab) for lab in header}
    extra = sorted(k for k in lit if header and k not in on_header)
    parts = open_svg(width, height, ident, title, ". ".join(d for d in desc if d) + ".", lang,
                     "sim-board")
    parts.append(f"<defs><radialGradient id='{ident}-glow'><stop offset='0' stop-color='"
                 f"{'#60a5fa' if board.family == 'esp32' else '#86efac'}'/><stop offset='1' "
                 "stop-color='#ffffff' stop-opacity='0'/></radialGradient>"
                 f"<radialGradient id='{ident}-red'><stop offset='0' stop-color='#ff6b6b'/>"
                 "<stop offset='1' stop-color='#ef4444' stop-opacity='0'/></radialGradient></defs>")
    parts.append(f"<rect width='{width:g}' height='{height:g}' rx='10' fill='#f8fafc'/>")
    parts += body
    if extra:
        parts.append(text(width - 16, bottom - 20, tr(lang, "fuori dal connettore: ",
                                                      "not on the header: ") + ", ".join(extra),
                          size=10, fill="#475569", anchor="end"))
    parts += devs
    parts.append("</svg>")
    return "".join(parts)
