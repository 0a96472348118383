"""The host's model of a character LCD (HD44780, 16×2 or 20×4) behind a PCF8574 I2C backpack.

Kit drivers (the ``lcd_api``/``i2c_lcd`` style) write one byte at a time to the PCF8574, whose
eight outputs drive the LCD: P0 RS, P1 RW, P2 E, P3 the backlight, P4–P7 the data lines D4–D7.
The HD44780 takes a nibble on each falling edge of E: after power-up it is in 8-bit mode (each
nibble a whole instruction, the reset sequence 0x30 ×3 then 0x20), then in 4-bit mode two nibbles
make a byte. :class:`CharLcd` decodes the instructions that change the glass (clear, home, entry
mode, display/cursor on/off, cursor and display shift, function set, CGRAM and DDRAM addresses),
keeps the 80-byte display RAM and the 64-byte character generator RAM (eight custom 5×8 glyphs),
and :meth:`CharLcd.frame` says what the glass shows: the visible lines as text (custom glyphs as
U+E000+code), the glyph bitmaps they use, the backlight and whether the display is on.
"""

from __future__ import annotations

from typing import Any

MASK_RS, MASK_RW, MASK_E, MASK_BACKLIGHT = 0x01, 0x02, 0x04, 0x08
CUSTOM_BASE = 0xE000  # custom glyph n is shown in the text as chr(CUSTOM_BASE + n)
# The HD44780's ROM A00 differs from ASCII at a few codes kit programs use.
_ROM = {0x5C: "¥", 0x7E: "→", 0x7F: "←", 0xDF: "°", 0xA5: "·", 0xE4: "µ", 0xF4: "Ω", 0xFF: "█"}


def _char(code: int) -> str:
    if code < 16:
        return chr(CUSTOM_BASE + (code & 7))  # codes 8..15 repeat the eight custom glyphs
    if code in _ROM:
        return _ROM[code]
    if 0x20 <= code < 0x7E:
        return chr(code)
    return " " if code < 0x20 else "▯"


class CharLcd:
    """One HD44780 behind a PCF8574; ``columns`` 16 or 20, ``rows`` 2 or 4."""

    def __init__(self, columns: int = 16, rows: int = 2) -> None:
        self.columns, self.rows = columns, rows
        self.port = 0xFF  # the PCF8574's outputs after power-up: all high (weak pull-ups)
        self.eight_bit = True
        self.high: int | None = None  # the first nibble of a byte in 4-bit mode
        self.ddram = bytearray(b" " * 0x80)
        self.cgram = bytearray(64)
        self.address = 0
        self.in_cgram = False
        self.increment = True
        self.shift_display = False
        self.shift = 0  # how far the display window has moved (display shift)
        self.on = False
        self.cursor = False
        self.blink = False
        self.two_lines = rows > 1
        self.changed = False

    # ---- the PCF8574 port ----------------------------------------------------------------
    def write(self, data: bytes) -> None:
        """One I2C write: each byte is a new state of the eight outputs."""
        for byte in data:
            falling = self.port & MASK_E and not byte & MASK_E
            if (byte ^ self.port) & MASK_BACKLIGHT:
                self.changed = True
            self.port = byte
            if falling and not byte & MASK_RW:
                self._nibble(byte >> 4, bool(byte & MASK_RS))

    def read(self) -> int:
        """What a read of the PCF8574 returns: its outputs, with the LCD never busy (D7 low)
        when the driver reads the LCD (RW high)."""
        return self.port & 0x7F if self.port & MASK_RW else self.port

    @property
    def backlight(self) -> bool:
        return bool(self.port & MASK_BACKLIGHT)

    def _nibble(self, nibble: int, rs: bool) -> None:
        if self.eight_bit:  # D0-D3 are not wired: the instruction's low nibble reads 0
            self._byte(nibble << 4, rs)
            return
        if self.high is None:
            self.high = nibble
            return
        value, self.high = (self.high << 4) | nibble, None
        self._byte(value, rs)

    # ---- the HD44780 ---------------------------------------------------------------------
    def _byte(self, value: int, rs: bool) -> None:
        if rs:
            self._data(value)
        elif value & 0x80:
            self.address, self.in_cgram = value & 0x7F, False
        elif value & 0x40:
            self.address, self.in_cgram = value & 0x3F, True
        elif value & 0x20:  # function set: DL (8-bit), N (two lines)
            self.eight_bit = bool(value & 0x10)
            self.high = None
            self.two_lines = bool(value & 0x08) or self.rows > 2
        elif value & 0x10:  # cursor or display shift
            step = 1 if value & 0x04 else -1  # R/L: right or left
            if value & 0x08:  # the text moves left: the window onto the RAM moves right
                self.shift = (self.shift - step) % 40
                self.changed = True
            else:
                self.address = (self.address + step) & 0x7F
        elif value & 0x08:
            self.on, self.cursor, self.blink = bool(value & 4), bool(value & 2), bool(value & 1)
            self.changed = True
        elif value & 0x04:
            self.increment, self.shift_display = bool(value & 2), bool(value & 1)
        elif value & 0x02:  # return home
            self.address, self.in_cgram, self.shift = 0, False, 0
            self.changed = True
        elif value & 0x01:  # clear display
            self.ddram[:] = b" " * 0x80
            self.address, self.in_cgram, self.shift, self.increment = 0, False, 0, True
            self.changed = True

    def _data(self, value: int) -> None:
        step = 1 if self.increment else -1
        if self.in_cgram:
            self.cgram[self.address & 0x3F] = value & 0x1F
            self.address = (self.address + step) & 0x3F
        else:
            self.ddram[self.address & 0x7F] = value
            self.address = (self.address + step) & 0x7F
            if self.shift_display:
                self.shift = (self.shift + step) % 40
        self.changed = True

    # ---- what the glass shows ------------------------------------------------------------
    def _line_start(self, row: int) -> int:
        return (0x00, 0x40, self.columns, 0x40 + self.columns)[row]

    def codes(self) -> list[list[int]]:
        """The character codes on the glass, one list per row."""
        out = []
        for row in range(self.rows):
            if row == 1 and not self.two_lines:
                out.append([0x20] * self.columns)
                continue
            base = self._line_start(row)
            line_base = base & 0x40  # each line is 40 characters of RAM that wrap around
            first = (base - line_base + self.shift) % 40
            out.append([self.ddram[line_base + (first + i) % 40] for i in range(self.columns)])
        return out

    def frame(self) -> dict[str, Any]:
        """The glass as a trace value: ``lines`` (text), ``backlight``, ``on`` and, when custom
        glyphs are on the glass, ``glyphs`` {code: eight rows of five bits}."""
        self.changed = False
        codes = self.codes()
        lines = ["".join(_char(c) for c in row) if self.on else " " * self.columns
                 for row in codes]
        value: dict[str, Any] = {"lines": lines, "backlight": int(self.backlight),
                                 "on": int(self.on)}
        used = sorted({c & 7 for row in codes for c in row if c < 16}) if self.on else []
        if used:
            value["glyphs"] = {str(n): list(self.cgram[n * 8:n * 8 + 8]) for n in used}
        return value
