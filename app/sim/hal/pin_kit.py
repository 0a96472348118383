"""Kit devices made of plain pins: a matrix keypad and a seven-segment display (one digit, or
several multiplexed), modelled from the levels the host's own pins hold.

A keypad key joins a row line and a column line while the scenario presses it. The program
drives one side (outputs) and reads the other (inputs with pull-ups or pull-downs), in either
orientation: :meth:`Keypad.level` is what an input line reads, the pull's rest level unless a
pressed key joins it to an output driving the other level. A seven-segment display lights segment
``a``..``g`` (and ``dp``) of each digit whose common pin is active; with several digits the
program lights them one after the other, and :class:`SevenSegment` applies a persistence-of-vision
rule: a digit shows the last pattern it held for at least :data:`MIN_HOLD_US` if that was less
than :data:`POV_US` ago, as the eye sees a display scanned at 20 Hz or faster.
"""

from __future__ import annotations

from typing import Any, Callable

POV_US = 50_000  # a digit lit at least this often looks steady
MIN_HOLD_US = 1_000  # shorter patterns (a digit still on while the next one's segments change) are ghosts
# Segment bits: a=1, b=2, c=4, d=8, e=16, f=32, g=64, dp=128.
_GLYPHS = {0x3F: "0", 0x06: "1", 0x5B: "2", 0x4F: "3", 0x66: "4", 0x6D: "5", 0x7D: "6",
           0x07: "7", 0x27: "7", 0x7F: "8", 0x6F: "9", 0x67: "9", 0x77: "A", 0x7C: "b", 0x39: "C",
           0x58: "c", 0x5E: "d", 0x79: "E", 0x71: "F", 0x76: "H", 0x74: "h", 0x38: "L", 0x54: "n",
           0x5C: "o", 0x73: "P", 0x50: "r", 0x3E: "U", 0x1C: "u", 0x6E: "y", 0x40: "-",
           0x08: "_", 0x00: " "}


def segments_text(digits: list[int]) -> str:
    """The digits as text ('12.34'; '?' for a pattern that is no character)."""
    out = []
    for bits in digits:
        out.append(_GLYPHS.get(bits & 0x7F, "?"))
        if bits & 0x80:
            out.append(".")
    return "".join(out)


class Keypad:
    """``rows``/``cols`` physical pin keys, ``keys`` the labels row by row, ``presses`` a list
    of (start µs, end µs, row, col)."""

    def __init__(self, rows: list[str], cols: list[str], keys: str,
                 presses: list[tuple[int, int, int, int]]) -> None:
        self.rows, self.cols, self.keys = rows, cols, keys
        self.presses = presses
        self.lines = set(rows) | set(cols)
        self.seen: set[int] = set()  # presses the program has already read

    def level(self, key: str, pull: int | None, now: int,
              driven: Callable[[str], int | None]) -> tuple[int | None, int | None]:
        """(level of input line ``key``, index of the press that set it) — level None when no
        pressed key joins it to an output."""
        rest = 1 if pull == 1 else 0
        found: tuple[int | None, int | None] = (None, None)
        for i, (t0, t1, r, c) in enumerate(self.presses):
            if not t0 <= now < t1:
                continue
            other = self.cols[c] if key == self.rows[r] else self.rows[r] if key == self.cols[c] else None
            if other is None:
                continue
            level = driven(other)
            if level is None:
                continue
            if pull is None or level != rest:
                return level, i
            found = (rest, None)
        return found

    def label(self, index: int) -> str:
        _t0, _t1, r, c = self.presses[index]
        return self.keys[r * len(self.cols) + c]


class SevenSegment:
    """``segments`` 7 or 8 pin keys (a..g, dp), ``digits`` the common pins (empty: one digit
    always on); ``common`` 'cathode' (segments lit high, digits on low) or 'anode'."""

    def __init__(self, segments: list[str], digits: list[str], common: str,
                 digit_active: int | None = None) -> None:
        self.segments, self.digits = segments, digits
        self.seg_on = 1 if common == "cathode" else 0
        self.digit_on = (0 if common == "cathode" else 1) if digit_active is None else digit_active
        self.pins = set(segments) | set(digits)
        count = max(1, len(digits))
        self.committed: list[tuple[int, int]] = [(0, -POV_US - 1)] * count  # (pattern, last seen)
        self.state: tuple[frozenset[int], int] = (frozenset(), 0)  # lit digits, pattern
        self.since = 0

    def _pattern(self, level: Callable[[str], int | None]) -> int:
        bits = 0
        for i, key in enumerate(self.segments):
            if level(key) == self.seg_on:
                bits |= 1 << i
        return bits

    def update(self, now: int, level: Callable[[str], int | None]) -> list[int]:
        """The pins changed at ``now`` (``level(key)`` an output's level, None when not an
        output): what the eye sees, one bit pattern per digit."""
        pattern = self._pattern(level)
        if not self.digits:
            return [pattern]
        lit = frozenset(i for i, key in enumerate(self.digits) if level(key) == self.digit_on)
        state = (lit, pattern if lit else 0)
        if state != self.state:
            old_lit, old_pattern = self.state
            if now - self.since >= MIN_HOLD_US and old_pattern:
                for i in old_lit:
                    self.committed[i] = (old_pattern, now)
            self.state, self.since = state, now
        out = []
        for i, (shown, seen) in enumerate(self.committed):
            if i in lit and pattern:
                out.append(pattern)
            elif now - seen <= POV_US:
                out.append(shown)
            else:
                out.append(0)
        return out

    def frame(self, shown: list[int], pins: list[str]) -> dict[str, Any]:
        return {"text": segments_text(shown), "digits": shown, "pins": pins}
