"""The wiring diagram of a worksheet: a printable SVG drawn on the server from the kit's pin map.

The board is a box on the left with one labelled pad per connection (pin name and physical pin
number); each part is a box on the right with its terminals; every wire goes from a pad to a
terminal, through a resistor drawn with its value when the part needs one. Black on white with
coloured wires (red power, black ground) whose meaning is also written, so it prints in grey.
Accessible: ``role="img"``, a ``<title>``, a ``<desc>`` listing every connection in words, and real
text labels; no script, no styles, nothing loaded from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 760
ROW = 30  # height of one wire row
HEAD = 22  # part name above its box
GAP = 14  # between two parts
TOP = 56  # board title area
BOARD_X, BOARD_W = 16, 190
PART_X, PART_W = 520, 224
RES_W, RES_H = 56, 14
SIGNAL_COLOURS = ("#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be185d", "#0e7490")
POWER_COLOUR, GROUND_COLOUR = "#b91c1c", "#111111"


@dataclass(frozen=True)
class Wire:
    """One connection: a board pin to a part's terminal, maybe through a series resistor."""

    pin: str  # as printed on the board: "GP15", "GND", "3V3", "VBUS (5 V)"
    physical: str  # physical pin number on the header ("20"), or "" when it has none
    terminal: str  # the part's terminal: "+ (long leg)", "Trig", "signal (orange)"
    resistor: str = ""  # e.g. "220 Ω"
    kind: str = "signal"  # signal | power | ground


@dataclass(frozen=True)
class Hookup:
    """A part and its wires; a part with no wires is on the board itself (``note`` says so)."""

    part: str
    wires: tuple[Wire, ...] = ()
    note: str = ""


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _text(x: float, y: float, body: str, *, size: float = 12, anchor: str = "start",
          weight: str = "normal", fill: str = "#111111") -> str:
    return (f'<text x="{x:.0f}" y="{y:.0f}" font-family="sans-serif" font-size="{size}" '
            f'text-anchor="{anchor}" font-weight="{weight}" fill="{fill}">{escape(body)}</text>')


def wire_sentence(wire: Wire, part: str, words: dict[str, str]) -> str:
    """One wire in words, e.g. 'GP15 (pin 20) → 220 Ω resistor → LED: + (long leg)';
    ``words['resistor']`` is a pattern with ``{value}``."""
    pin = f"{wire.pin} ({words['pin']} {wire.physical})" if wire.physical else wire.pin
    via = f" → {words['resistor'].format(value=wire.resistor)}" if wire.resistor else ""
    return f"{pin}{via} → {part}: {wire.terminal}"


def _colour(wire: Wire, index: int) -> str:
    if wire.kind == "power":
        return POWER_COLOUR
    if wire.kind == "ground":
        return GROUND_COLOUR
    return SIGNAL_COLOURS[index % len(SIGNAL_COLOURS)]


def _resistor(cx: float, y: float, value: str, colour: str) -> list[str]:
    x0 = cx - RES_W / 2
    return [f'<rect x="{x0:.0f}" y="{y - RES_H / 2:.0f}" width="{RES_W}" height="{RES_H}" rx="3" '
            f'fill="#f5e6c8" stroke="{colour}" stroke-width="2"/>',
            *(f'<line x1="{x0 + k:.0f}" y1="{y - RES_H / 2:.0f}" x2="{x0 + k:.0f}" '
              f'y2="{y + RES_H / 2:.0f}" stroke="#7c2d12" stroke-width="3"/>' for k in (12, 22, 32)),
            _text(cx, y - RES_H / 2 - 4, value, size=12, anchor="middle", weight="bold")]


def _height(hookups: tuple[Hookup, ...]) -> int:
    rows = sum(HEAD + max(1, len(h.wires)) * ROW + GAP for h in hookups)
    return TOP + max(rows, ROW * 2) + 16


def render_wiring(board: str, hookups: tuple[Hookup, ...], title: str, words: dict[str, str],
                  ident: str = "wiring") -> str:
    """The SVG document. ``words`` holds the few fixed labels in the page's language:
    ``pin``, ``resistor``, ``board``, ``wires``, ``nothing``, ``legend``."""
    height = _height(hookups)
    desc = [f"{words['board']}: {board}."]
    for hookup in hookups:
        if not hookup.wires:
            desc.append(f"{hookup.part}: {hookup.note or words['nothing']}.")
        desc.extend(wire_sentence(w, hookup.part, words) + "." for w in hookup.wires)
    ident = "".join(ch for ch in ident if ch.isalnum() or ch in "-_") or "wiring"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" role="img" class="wiring-diagram" '
           f'aria-labelledby="{ident}-title {ident}-desc">',
           f'<title id="{ident}-title">{escape(title)}</title>',
           f'<desc id="{ident}-desc">{escape(" ".join(desc))}</desc>',
           f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
           f'<rect x="{BOARD_X}" y="8" width="{BOARD_W}" height="{height - 16}" rx="8" '
           f'fill="#e8f5e9" stroke="#14532d" stroke-width="2"/>',
           _text(BOARD_X + 10, 28, board, size=13, weight="bold"),
           _text(BOARD_X + 10, 46, words["legend"], size=10, fill="#374151")
           if any(w.physical for h in hookups for w in h.wires) else ""]
    y, index = TOP, 0
    for number, hookup in enumerate(hookups, start=1):
        rows = max(1, len(hookup.wires))
        # right-aligned: a long name grows to the left, over the empty gap between the wires
        out.append(_text(PART_X + PART_W, y + 14, f"{number}. {hookup.part}", size=13, anchor="end",
                         weight="bold"))
        box_y = y + HEAD
        out.append(f'<rect x="{PART_X}" y="{box_y - 4}" width="{PART_W}" height="{rows * ROW + 2}" '
                   f'rx="6" fill="#f8fafc" stroke="#334155" stroke-width="1.5"/>')
        if not hookup.wires:  # a part on the board itself: marked inside the board, no wire
            cy = box_y + ROW / 2 - 2
            out.append(f'<circle cx="{BOARD_X + BOARD_W - 16}" cy="{cy:.0f}" r="6" fill="#facc15" '
                       f'stroke="#111111"/>')
            out.append(_text(BOARD_X + BOARD_W - 28, cy + 4, f"{number}.", size=12, anchor="end", weight="bold"))
            out.append(f'<line x1="{BOARD_X + BOARD_W - 8}" y1="{cy:.0f}" x2="{PART_X}" y2="{cy:.0f}" '
                       f'stroke="#6b7280" stroke-width="1.5" stroke-dasharray="4 4"/>')
            out.append(_text(PART_X + 10, cy + 4, hookup.note or words["nothing"], size=11))
        for row, wire in enumerate(hookup.wires):
            cy = box_y + row * ROW + ROW / 2 - 2
            colour = _colour(wire, index)
            index += wire.kind == "signal"
            pad_x = BOARD_X + BOARD_W
            label = f"{wire.pin} · {wire.physical}" if wire.physical else wire.pin
            out.append(_text(pad_x - 14, cy + 4, label, size=12, anchor="end", weight="bold"))
            out.append(f'<circle cx="{pad_x - 5}" cy="{cy:.0f}" r="4.5" fill="#d4af37" stroke="#78350f"/>')
            out.append(f'<line x1="{pad_x - 1}" y1="{cy:.0f}" x2="{PART_X}" y2="{cy:.0f}" '
                       f'stroke="{colour}" stroke-width="3" stroke-linecap="round"/>')
            if wire.resistor:
                out.extend(_resistor((pad_x + PART_X) / 2, cy, wire.resistor, colour))
            out.append(f'<circle cx="{PART_X}" cy="{cy:.0f}" r="3.5" fill="{colour}"/>')
            out.append(_text(PART_X + 10, cy + 4, wire.terminal, size=12))
        y = box_y + rows * ROW + GAP
    out.append("</svg>")
    return "".join(out)
