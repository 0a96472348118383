"""The host's model of an I2C OLED display controller: SSD1306 (128×64) and SH1106 (132×64 RAM,
128 columns shown from column 2).

The program's driver (MicroPython's ``ssd1306`` or an ``sh1106`` driver) draws into a
``framebuf`` and sends it over I2C: a control byte (0x80/0x00 commands, 0xC0/0x40 data) then
command or data bytes. :class:`OledPanel` keeps the controller's display RAM (GDDRAM, 8 pages of
one byte per column, bit 0 the top row of the page) and the settings that change what the glass
shows: addressing mode and windows, display on/off, inverse, segment remap and COM scan
direction, contrast. :meth:`OledPanel.visible` is the picture as the glass shows it, in
``framebuf.MONO_VLSB`` layout (128×64, 1024 bytes), which the trace records and the board
picture draws. Scrolling, start line and display offset are accepted and ignored.
"""

from __future__ import annotations

WIDTH, HEIGHT, PAGES = 128, 64, 8
# Commands followed by parameter bytes: command -> how many.
_ARGS_SSD1306 = {0x20: 1, 0x21: 2, 0x22: 2, 0x81: 1, 0x8D: 1, 0xA8: 1, 0xD3: 1, 0xD5: 1, 0xD9: 1,
                 0xDA: 1, 0xDB: 1, 0x26: 6, 0x27: 6, 0x29: 5, 0x2A: 5, 0xA3: 2}
_SHOWN = frozenset((0xAE, 0xAF, 0xA6, 0xA7, 0xA4, 0xA5, 0xA0, 0xA1, 0xC0, 0xC8))  # change the glass
_ARGS_SH1106 = {0x81: 1, 0xA8: 1, 0xAD: 1, 0xD3: 1, 0xD5: 1, 0xD9: 1, 0xDA: 1, 0xDB: 1}


class OledPanel:
    """One display controller on the bus; ``model`` is "ssd1306" or "sh1106"."""

    def __init__(self, model: str = "ssd1306") -> None:
        self.model = model
        self.columns = 132 if model == "sh1106" else WIDTH
        self.ram = bytearray(self.columns * PAGES)
        self.on = False
        self.inverse = False
        self.all_on = False  # 0xA5: every pixel lit, whatever the RAM holds
        self.seg_remap = False
        self.com_reverse = False
        self.contrast = 0x7F
        self.mode = 2  # 0 horizontal, 1 vertical, 2 page addressing (the state after reset)
        self.col_window = (0, self.columns - 1)
        self.page_window = (0, PAGES - 1)
        self.col = 0
        self.page = 0
        self._command: list[int] = []  # a command waiting for its parameters
        self.changed = False  # something the glass shows may have changed since the last look

    # ---- the I2C stream ------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        """One I2C write transaction (after the address): control bytes, commands and data."""
        i = 0
        while i < len(data):
            control = data[i]
            i += 1
            is_data = bool(control & 0x40)
            if control & 0x80:  # Co=1: one byte, then another control byte
                if i < len(data):
                    self._data(data[i:i + 1]) if is_data else self._byte(data[i])
                i += 1
                continue
            if is_data:
                self._data(data[i:])
            else:
                for byte in data[i:]:
                    self._byte(byte)
            return

    def _byte(self, byte: int) -> None:
        args = _ARGS_SH1106 if self.model == "sh1106" else _ARGS_SSD1306
        if self._command:
            self._command.append(byte)
        else:
            self._command = [byte]
        needed = args.get(self._command[0], 0)
        if len(self._command) > needed:
            command, self._command = self._command, []
            self._execute(command[0], command[1:])

    def _execute(self, cmd: int, args: list[int]) -> None:
        if cmd in _SHOWN:
            self.changed = True
        if cmd == 0xAE or cmd == 0xAF:
            self.on = cmd == 0xAF
        elif cmd in (0xA6, 0xA7):
            self.inverse = cmd == 0xA7
        elif cmd in (0xA4, 0xA5):
            self.all_on = cmd == 0xA5
        elif cmd in (0xA0, 0xA1):
            self.seg_remap = cmd == 0xA1
        elif cmd in (0xC0, 0xC8):
            self.com_reverse = cmd == 0xC8
        elif cmd == 0x81:
            self.contrast = args[0]
        elif cmd == 0x20 and self.model == "ssd1306":
            self.mode = args[0] & 0x03 if args[0] & 0x03 != 3 else 0
        elif cmd == 0x21 and self.model == "ssd1306":
            self.col_window = (args[0] & 0x7F, max(args[0] & 0x7F, args[1] & 0x7F))
            self.col = self.col_window[0]
        elif cmd == 0x22 and self.model == "ssd1306":
            self.page_window = (args[0] & 0x07, max(args[0] & 0x07, args[1] & 0x07))
            self.page = self.page_window[0]
        elif 0xB0 <= cmd <= 0xB7:
            self.page = cmd & 0x07
        elif cmd <= 0x0F:
            self.col = (self.col & 0xF0) | cmd
        elif 0x10 <= cmd <= 0x1F:
            self.col = ((cmd & 0x0F) << 4) | (self.col & 0x0F)

    def _data(self, data: bytes) -> None:
        self._command = []
        self.changed = True
        for byte in data:
            if 0 <= self.col < self.columns:
                self.ram[self.page * self.columns + self.col] = byte
            self._advance()

    def _advance(self) -> None:
        c0, c1 = self.col_window
        p0, p1 = self.page_window
        if self.mode == 2:  # page addressing: the column moves on and stops at the end
            self.col = (self.col + 1) % self.columns if self.model == "ssd1306" else self.col + 1
        elif self.mode == 0:  # horizontal: across the window, then the next page
            if self.col >= c1:
                self.col = c0
                self.page = p0 if self.page >= p1 else self.page + 1
            else:
                self.col += 1
        else:  # vertical: down the pages, then the next column
            if self.page >= p1:
                self.page = p0
                self.col = c0 if self.col >= c1 else self.col + 1
            else:
                self.page += 1

    # ---- what the glass shows -------------------------------------------------------------
    def visible(self) -> bytes:
        """The picture on the glass, 128×64 in MONO_VLSB layout (all dark when switched off)."""
        self.changed = False
        if not self.on:
            return bytes(WIDTH * PAGES)
        if self.all_on:
            return b"\xff" * (WIDTH * PAGES)
        offset = 2 if self.model == "sh1106" else 0
        out = bytearray(WIDTH * PAGES)
        for page in range(PAGES):
            src_page = (PAGES - 1 - page) if not self.com_reverse else page
            row = self.ram[src_page * self.columns:(src_page + 1) * self.columns]
            for x in range(WIDTH):
                # Without remap, column 0 of the RAM is on the right of the glass (the drivers
                # set remap and COM reverse so that framebuf (0, 0) is the top-left corner).
                col = offset + (x if self.seg_remap else WIDTH - 1 - x)
                byte = row[col]
                if not self.com_reverse:  # the page's rows flip too
                    byte = int(f"{byte:08b}"[::-1], 2)
                out[page * WIDTH + x] = byte ^ 0xFF if self.inverse else byte
        return bytes(out)
