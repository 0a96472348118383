"""Host handlers of the rp2/esp32 devices beyond pins and I2C: SPI transfers, the ESP32's DAC and
touch pads, DHT11/22 and DS18B20 sensors, the watchdog, and lines typed on the serial console.

Like :mod:`app.sim.hal.machine`, each handler validates its command and either records what the
board did (an SPI write, a DAC level, a watchdog reset) or answers one read from the scenario for
the current instant of the host's clock (a DHT reading, a DS18B20 temperature, a touch value, the
next ``stdin`` line). Devices absent from the scenario answer as on a board with nothing wired:
SPI reads 0xFF, a DHT read times out, a onewire scan finds nothing. I2C writes to an SSD1306 or
SH1106 display also feed its controller model (:mod:`app.sim.hal.oled`), and each new picture
on the glass is recorded as an ``oled:<address> frame`` event (base64 of 128×64 MONO_VLSB). The
other kit devices (LCD1602, MPU6050, BMP280, keypad, seven-segment) are wired by
:mod:`app.sim.hal.kit` on top of these handlers.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from app.sim.boards import COSTS
from app.sim.hal.inputs import interp
from app.sim.hal.oled import OledPanel

if TYPE_CHECKING:
    from app.sim.hal.board import VirtualBoard

MAX_SPI_BYTES = 256
TOUCH_IDLE = 600  # an ESP32 touch pad nobody touches reads several hundred; a finger, under 200
DHT_READ_US = 4_500  # the sensor's answer takes ~4 ms of bit-banging on a board
DS18B20_CONVERT_US = 750_000  # the 12-bit conversion (programs sleep this long themselves)
OLED_GROUP_US = 30_000  # display pictures closer than this are one update (page-by-page drivers)
MAX_FRAMES = 400  # per display; then at most one frame every SLOW_US, to bound the trace
SLOW_US = 250_000
KIT_TYPES = frozenset({"lcd1602", "mpu6050", "bmp280", "keypad", "seven_segment"})


class FrameLog:
    """Frame events of one run's displays: a new frame within ``group_us`` of the frame before
    replaces it (a picture still being sent), an unchanged frame is not recorded again."""

    def __init__(self, vb: VirtualBoard) -> None:
        self.vb = vb
        self.last: dict[str, tuple[Any, Any, int, int]] = {}  # source -> (value, event, t0, n)

    def log(self, source: str, value: Any, group_us: int) -> None:
        vb = self.vb
        last = self.last.get(source)
        if last is not None and last[0] == value:
            return
        if last is not None and last[3] >= MAX_FRAMES and vb.now - last[2] < SLOW_US:
            return
        t0, count = vb.now, (last[3] + 1 if last else 1)
        if last is not None and vb.now - last[2] < group_us:
            for i in range(len(vb.events) - 1, max(len(vb.events) - 64, 0) - 1, -1):
                if vb.events[i] is last[1]:
                    del vb.events[i]
                    t0, count = last[2], last[3]
                    break
        vb.log(source, "frame", value)
        if vb.events and vb.events[-1].source == source:
            self.last[source] = (value, vb.events[-1], t0, count)


class DevicesIO:
    """The extra devices of one run; their scenario data come from ``vb.devices``."""

    def __init__(self, vb: VirtualBoard) -> None:
        self.vb = vb
        self.devices: dict[str, Any] = vb.devices
        self.stdin_next = 0
        self.wdt_timeout = 0
        self.panels = {d["address"]: OledPanel(d.get("model", d["type"]))
                       for d in vb.scenario.devices if d["type"] in ("ssd1306", "sh1106")}
        self.frames = FrameLog(vb)  # the panels' pictures (at most one per update)
        self._i2c_write: Any = None
        if vb.scenario.extra.get("radio_peer"):  # a scripted micro:bit answering on the radio
            from app.sim.hal.radio_peer import attach_peer

            attach_peer(vb)

    def install(self, h: dict[int, Any]) -> None:
        if self.panels and ord("H") in h:  # displays see the bus writes after the bus did them
            self._i2c_write = h[ord("H")]
            h[ord("H")] = self.i2c_write_displays
        for letter, fn in {"K": self.spi, "C": self.dac, "E": self.touch, "J": self.dht,
                           "L": self.onewire, "O": self.watchdog, "i": self.stdin,
                           "B": self.module_chunk, "?": self.firmware_has}.items():
            h[ord(letter)] = fn
        if any(d["type"] in KIT_TYPES for d in self.vb.scenario.devices):
            from app.sim.hal.kit import KitIO  # the LCD, MPU6050, BMP280, keypad, 7-segment

            KitIO(self.vb).install(h)

    def i2c_write_displays(self, label: str, payload: bytes, a: tuple[int, ...]) -> Any:
        """The bus's own write (ack, cost, ``i2c`` event), then the display at that address, if
        any, takes the bytes (``writeto_mem`` sends its register as the control byte)."""
        addr, reg = a[0], a[1]
        result = self._i2c_write(label, payload, a)
        panel = self.panels.get(addr)
        if panel is not None and self.vb.res_i and self.vb.res_i[0] == 0:
            panel.write((bytes([reg & 0xFF]) if reg >= 0 else b"") + payload)
            if panel.changed:
                self.frames.log(f"oled:{addr:02x}", base64.b64encode(panel.visible()).decode("ascii"),
                                OLED_GROUP_US)
        return result

    def firmware_has(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        """Does the board's firmware have module ``payload`` or name ``module.name``? (Public
        facts from the board's stubs: the guest asks only when an import or a name failed.)"""
        from app.sim.boards import firmware_modules, firmware_names

        vb = self.vb
        vb.cost(1)
        module, _, name = payload[:80].decode("ascii", "replace").partition(".")
        board = vb.board.name
        if name:
            found = name in firmware_names(board).get(module, "").split()
        else:
            found = module in firmware_modules(board)
        vb.ints(1 if found else 0)

    def module_chunk(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        """A chunk of a device guest module or of the empty facade module ``_fm`` (public code):
        a[0] the offset; answers (total size, chunk size, 1 if .mpy) and the bytes."""
        from app.sim.engine import REPLY_BYTES
        from app.sim.guestbuild import guest_files
        from app.sim.program import DEVICE_MODULES, device_files

        files = {**device_files(), **{k.replace("_fm0.", "_fm."): v for k, v in
                                      guest_files().items() if k.startswith("_fm0.")}}
        name = label + ".mpy" if label + ".mpy" in files else label + ".py"
        if label not in DEVICE_MODULES + ("_fm",) or name not in files:
            self.vb.ints(0, 0, 0)
            return
        blob = files[name]
        chunk = blob[max(0, a[0]):max(0, a[0]) + REPLY_BYTES]
        self.vb.ints(len(blob), len(chunk), 1 if name.endswith(".mpy") else 0)
        self.vb.data(chunk)

    def _pin(self, label: str) -> str:
        return self.vb.machine.phys(label)

    def spi(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        if label not in ("0", "1", "2", "soft") or a[0] <= 0:
            return
        data = payload[:MAX_SPI_BYTES]
        n = min(max(a[1], 0), MAX_SPI_BYTES)
        vb.cost(COSTS["pin"] + max(len(data), n) * 8_000_000 // a[0])
        vb.log("spi:" + label, "write", data.hex()[:128])
        vb.data(b"\xff" * n)

    def dac(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self._pin(label)
        if self.vb.board.family != "esp32" or key not in ("25", "26"):
            return
        self.vb.cost(COSTS["pin"])
        self.vb.log("dac:" + label, "value", min(max(a[0], 0), 255))

    def touch(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self._pin(label)
        vb = self.vb
        vb.cost(COSTS["adc"] * 10)
        curve = self.devices.get("touch", {}).get(key)
        vb.ints(int(interp(curve, vb.now)) if curve else TOUCH_IDLE)

    def dht(self, label: str, payload: bytes, a: tuple[int, ...]) -> bool:
        vb = self.vb
        key = self._pin(label)
        sensor = self.devices.get("dht", {}).get(key)
        if sensor is None:  # nothing answers on the pin: the driver times out
            return vb.wait(vb.now + DHT_READ_US, lambda: vb.ints(-1))
        t = interp(sensor["c"], vb.now)
        h = interp(sensor["rh"], vb.now)
        if sensor["model"] == "dht11":
            t, h = round(t), round(h)
        result = (0, int(round(t * 10)), int(round(h * 10)))
        vb.log("dht:" + label, "measure", {"c": result[1] / 10, "rh": result[2] / 10})
        return vb.wait(vb.now + DHT_READ_US, lambda: vb.ints(*result))

    def onewire(self, label: str, payload: bytes, a: tuple[int, ...]) -> bool | None:
        """a[0]: 0 scan (ROMs in the reply), 1 convert (all sensors), 2 read sensor a[1]."""
        vb = self.vb
        key = self._pin(label)
        sensors = self.devices.get("ds18b20", {}).get(key, [])
        op = a[0]
        if op == 0:
            vb.cost(3_000 + 1_000 * len(sensors))
            roms = b"".join(bytes([0x28, i + 1, 0x4F, 0x17, 0x00, 0x00, 0x80]) + bytes(
                [_crc8(bytes([0x28, i + 1, 0x4F, 0x17, 0x00, 0x00, 0x80]))])
                for i in range(len(sensors)))
            vb.ints(len(sensors))
            vb.data(roms[:256])
        elif op == 1:
            vb.cost(1_500)
            if sensors:
                vb.log("onewire:" + label, "convert", len(sensors))
        elif op == 2:
            vb.cost(6_000)
            i = a[1]
            if not 0 <= i < len(sensors):
                vb.ints(-1)
                return None
            c = interp(sensors[i], vb.now)
            vb.ints(0, int(round(c * 16)) & 0xFFFF)
        return None

    def watchdog(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        """a[0]: 0 start with timeout a[1] ms, 1 feed. A starved watchdog resets the board: the
        host checks the deadline at every call and at every sleep (:mod:`app.sim.hal.board`)."""
        vb = self.vb
        if a[0] == 0:
            if vb.wdt_deadline is not None:
                return  # once started, a watchdog cannot be changed or stopped
            cap_ms = 8_388 if vb.board.family == "rp2" else 3_600_000  # rp2's hardware limit
            self.wdt_timeout = min(max(a[1], 1), cap_ms) * 1000
            vb.log("wdt", "start", self.wdt_timeout // 1000)
        elif vb.wdt_deadline is None:
            return
        vb.wdt_deadline = vb.now + self.wdt_timeout

    def stdin(self, label: str, payload: bytes, a: tuple[int, ...]) -> bool:
        """The next line the scenario types at the console; with none left, the board waits at
        the prompt until the scenario's end (as a board waiting for the keyboard)."""
        vb = self.vb
        lines = self.devices.get("stdin", [])
        if self.stdin_next < len(lines):
            line = lines[self.stdin_next].encode("utf-8")[:255]
            self.stdin_next += 1
            vb.cost(1_000)
            vb.log("stdin", "line", line.decode("utf-8", "replace"))
            vb.ints(len(line))
            vb.data(line)
            return False
        return vb.wait(vb.end_us)


def _crc8(data: bytes) -> int:
    """Dallas/Maxim CRC-8 of a onewire ROM (so a driver that checks it accepts the address)."""
    crc = 0
    for byte in data:
        for _ in range(8):
            mix = (crc ^ byte) & 1
            crc >>= 1
            if mix:
                crc ^= 0x8C
            byte >>= 1
    return crc
