"""A scripted MicroPython board behind a pseudo-terminal, for the command line's tests.

:class:`PtyBoard` opens a pty (``os.openpty()``); the command line opens its slave path as a
serial port while a thread answers on the master side with the board's half of the raw REPL:
Ctrl-A banner, Ctrl-D soft reboot, raw-paste (``R\\x01`` + 2-byte window, a ``\\x01`` per window
consumed, ``\\x04`` acknowledged) or plain raw mode (``R\\x00``, then ``OK``), and the output framed
as ``stdout \\x04 error \\x04 >``. It can also stay silent, show only a bootloader banner, run a
main.py that ignores Ctrl-C, or vanish in the middle of a run.
"""

from __future__ import annotations

import os
import select
import threading
import tty
from typing import Callable

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"


class PtyBoard(threading.Thread):
    def __init__(self, kind: str = "micropython", paste: bool = True, window: int = 128,
                 run: Callable[[str], tuple[str, str]] = lambda code: ("", ""),
                 disconnect_after: int | None = None) -> None:
        super().__init__(daemon=True)
        self.kind, self.paste, self.window, self.run_program = kind, paste, window, run
        self.disconnect_after = disconnect_after
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.state = "friendly"
        self.line = bytearray()
        self.pasted = bytearray()
        self.programs: list[str] = []
        self.soft_resets = 0
        self.overrun = False
        self.granted = 0
        self.alive = True
        self.banner_sent = False
        self.closing = threading.Lock()

    def send(self, data: bytes) -> None:
        if self.alive:
            os.write(self.master, data)

    def stop(self) -> None:
        with self.closing:  # each fd closed once: a number closed twice may be someone else's by then
            if self.alive:
                self.alive = False
                os.close(self.master)
            if self.slave is not None:
                os.close(self.slave)
                self.slave = None

    def run(self) -> None:
        while self.alive:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.05)
                if not ready:
                    if self.kind == "busy":  # main.py keeps printing
                        self.send(b"tick 42\r\n")
                    continue
                data = os.read(self.master, 4096)
            except OSError:
                return
            for b in data:
                self.byte(b)
                if not self.alive:
                    return

    def byte(self, b: int) -> None:
        if self.kind == "silent":
            return
        if self.kind == "bootloader":
            if not self.banner_sent:
                self.banner_sent = True
                self.send(b"rst:0x1 (POWERON_RESET),boot:0x0 (DOWNLOAD(USB/UART0))\r\nwaiting for download\r\n")
            return
        if self.kind == "busy":
            self.send(b"tick 42\r\n")
            return
        handler = getattr(self, "on_" + self.state.replace("-", "_"))
        handler(b)

    def on_friendly(self, b: int) -> None:
        if b == 0x01:
            self.state, self.line = "raw", bytearray()
            self.send(b"\r\n" + RAW_BANNER + b">")
        elif b == 0x03:
            self.send(b"\r\n>>> ")

    def on_raw(self, b: int) -> None:
        if b == 0x01:
            self.line = bytearray()
            self.send(b"\r\n" + RAW_BANNER + b">")
        elif b == 0x02:
            self.state = "friendly"
            self.send(b"\r\nMicroPython v1.24.0; Raspberry Pi Pico with RP2040\r\n>>> ")
        elif b == 0x03:
            self.line = bytearray()
        elif b == 0x05 and not self.line:
            self.state, self.line = "negotiate", bytearray()
        elif b == 0x04 and not self.line:
            self.soft_resets += 1
            self.send(b"OK\r\nMPY: soft reboot\r\n" + RAW_BANNER + b">")
        elif b == 0x04:
            code, self.line = self.line.decode(), bytearray()
            self.send(b"OK")
            self.execute(code)
        else:
            self.line.append(b)

    def on_negotiate(self, b: int) -> None:
        self.line.append(b)
        if len(self.line) < 2:
            return
        self.line = bytearray()
        if self.paste:
            self.state, self.pasted, self.granted = "paste", bytearray(), self.window
            self.send(b"R\x01" + self.window.to_bytes(2, "little"))
        else:
            self.state = "raw"
            self.send(b"R\x00")

    def on_paste(self, b: int) -> None:
        if b == 0x04:
            self.send(b"\x04")
            self.state = "raw"
            self.execute(self.pasted.decode())
            return
        self.pasted.append(b)
        if len(self.pasted) > self.granted:
            self.overrun = True
        if len(self.pasted) % self.window == 0:
            self.granted += self.window
            self.send(b"\x01")

    def execute(self, code: str) -> None:
        self.programs.append(code)
        stdout, error = self.run_program(code)
        out = stdout.replace("\n", "\r\n").encode()
        if self.disconnect_after is not None:
            self.send(out[:self.disconnect_after])
            self.stop()
            return
        self.send(out + b"\x04" + error.encode() + b"\x04>")
        self.state = "raw"
