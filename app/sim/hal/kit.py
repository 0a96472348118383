"""Host wiring of the kit devices beyond the OLED: the LCD1602 (PCF8574 backpack), the MPU6050
and BMP280 on I2C, the matrix keypad and the seven-segment displays on pins.

:class:`KitIO` wraps the board's own handlers of the commands these devices see: I2C reads and
writes to their addresses (the bus still acknowledges, charges the time and records the
transaction; the device then takes the bytes or supplies the answer), pin reads of a keypad's
lines, and pin writes of a display's segments and digits. Devices absent from the scenario are
untouched: the bus does not list them and a transfer fails with the board's errno. What the
glass shows is recorded by :class:`app.sim.hal.devices.FrameLog` as ``lcd:<address> frame``
and ``seg7:<n> frame`` events (changes sent within a few milliseconds are one frame, as the eye
sees one update), and a keypad press the program's scan first detects as ``keypad:<n> press``
(the key's label; the keypad's wiring is a ``keypad:<n> wired`` event at the start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from app.sim.hal.devices import FrameLog
from app.sim.hal.i2c_sensors import Bmp280, Mpu6050, RegisterDevice
from app.sim.hal.lcd1602 import CharLcd
from app.sim.hal.pin_kit import Keypad, SevenSegment

if TYPE_CHECKING:
    from app.sim.hal.board import VirtualBoard

Handler = Callable[[str, bytes, tuple[int, ...]], Any]


class KitIO:
    """The kit devices of one run, from the scenario's validated device entries."""

    def __init__(self, vb: VirtualBoard) -> None:
        self.vb = vb
        self.frames = FrameLog(vb)
        self.lcds: dict[int, CharLcd] = {}
        self.sensors: dict[int, RegisterDevice] = {}
        self.keypads: list[Keypad] = []
        self.displays: list[SevenSegment] = []
        self.display_pins: list[list[str]] = []
        for d in vb.scenario.devices:
            kind = d["type"]
            if kind == "lcd1602":
                self.lcds[d["address"]] = CharLcd(d["columns"], d["rows"])
            elif kind == "mpu6050":
                self.sensors[d["address"]] = Mpu6050(d["curves"])
            elif kind == "bmp280":
                self.sensors[d["address"]] = Bmp280(d["curves"])
            elif kind == "keypad":
                presses = [(int(at * 1000), int((at + hold) * 1000), r, c)
                           for at, r, c, hold in d["presses"]]
                self.keypads.append(Keypad(d["rows"], d["cols"], d["keys"], presses))
            elif kind == "seven_segment":
                self.displays.append(SevenSegment(d["segments"], d["digits"], d["common"],
                                                  d.get("digit_active")))
                self.display_pins.append(d["segments"] + d["digits"])

    def install(self, h: dict[int, Handler]) -> None:
        if self.lcds or self.sensors:
            h[ord("G")] = self._wrap_read(h[ord("G")])
            h[ord("H")] = self._wrap_write(h[ord("H")])
        if self.keypads:
            h[ord("R")] = self._wrap_pin_read(h[ord("R")])
            for n, pad in enumerate(self.keypads):  # the wiring, for the board picture
                self.vb.log(f"keypad:{n}", "wired", {"rows": pad.rows, "cols": pad.cols,
                                                     "keys": pad.keys})
        if self.displays:
            for letter in "WTM":
                h[ord(letter)] = self._wrap_pin_write(h[ord(letter)])

    # ---- I2C -----------------------------------------------------------------------------
    def _wrap_read(self, bus_read: Handler) -> Handler:
        def read(label: str, payload: bytes, a: tuple[int, ...]) -> Any:
            result = bus_read(label, payload, a)  # ack, time, validation of the bus
            addr, reg, n = a[0], a[1], min(max(a[2], 0), 256)
            vb = self.vb
            if vb.res_i is None or vb.res_i[0] != 0:
                return result
            lcd = self.lcds.get(addr)
            if lcd is not None:
                vb.data(bytes([lcd.read()]) * n)
            elif addr in self.sensors:
                vb.data(self.sensors[addr].read(reg, n, vb.now))
                vb.log("i2c:" + ("0" if label == "mb" else label), "read",
                       {"addr": addr, "reg": reg, "n": n})
            return result
        return read

    def _wrap_write(self, bus_write: Handler) -> Handler:
        def write(label: str, payload: bytes, a: tuple[int, ...]) -> Any:
            result = bus_write(label, payload, a)
            vb = self.vb
            if vb.res_i is None or vb.res_i[0] != 0:
                return result
            addr, reg = a[0], a[1]
            data = (bytes([reg & 0xFF]) if reg >= 0 else b"") + payload[:256]
            lcd = self.lcds.get(addr)
            if lcd is not None:
                lcd.write(data)
                if lcd.changed:
                    self.frames.log(f"lcd:{addr:02x}", lcd.frame(), 30_000)
            elif addr in self.sensors:
                self.sensors[addr].write(reg, payload[:256], vb.now)
            return result
        return write

    # ---- pins ----------------------------------------------------------------------------
    def _driven(self, key: str) -> int | None:
        st = self.vb.machine.pins.get(key)
        return (st.latch or 0) if st is not None and st.mode == "o" else None

    def _wrap_pin_read(self, pin_read: Handler) -> Handler:
        def read(label: str, payload: bytes, a: tuple[int, ...]) -> Any:
            result = pin_read(label, payload, a)
            vb = self.vb
            key = vb.machine.phys(label)
            st = vb.machine.pins.get(key)
            if st is not None and st.mode == "o":
                return result
            pull = st.pull if st is not None else None
            for n, pad in enumerate(self.keypads):
                if key not in pad.lines:
                    continue
                level, index = pad.level(key, pull, vb.now, self._driven)
                if level is None:
                    continue
                vb.ints(level)
                if index is not None and index not in pad.seen:
                    pad.seen.add(index)
                    vb.log(f"keypad:{n}", "press", pad.label(index))
                break
            return result
        return read

    def _wrap_pin_write(self, pin_write: Handler) -> Handler:
        def write(label: str, payload: bytes, a: tuple[int, ...]) -> Any:
            result = pin_write(label, payload, a)
            vb = self.vb
            key = vb.machine.phys(label)
            for n, display in enumerate(self.displays):
                if key in display.pins:
                    shown = display.update(vb.now, self._driven)
                    self.frames.log(f"seg7:{n}", display.frame(shown, self.display_pins[n]),
                                    20_000)
            return result
        return write


def kit_addresses(devices: list[dict[str, Any]]) -> list[int]:
    """The I2C addresses the kit devices of a scenario answer on."""
    return [d["address"] for d in devices if d["type"] in ("lcd1602", "mpu6050", "bmp280")]
