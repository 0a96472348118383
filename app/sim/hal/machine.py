"""Host handlers of the rp2/esp32 ``machine`` commands: pins, PWM, ADC, pulses, I2C, UART,
NeoPixel, Timer (:mod:`app.sim.hal.timers`), and the time/lifecycle commands every board uses.

Each handler validates its command (the pin exists on this board and suits the use, values in
range, sizes capped) and either changes the virtual board's state and records the event, answers
a read from the scenario, or ignores the command. Command letters and argument slots are the
protocol of ``app/sim/guest/_simcore.py``; the guest's facades raise the board-like errors first,
so a rejected command here only ever comes from a program calling the bridge directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.sim.boards import COSTS
from app.sim.hal.board import FUEL_PER_US, TICKS_MASK, RunEnded
from app.sim.hal.timers import MAX_TIMERS, TimerIO

if TYPE_CHECKING:
    from app.sim.hal.board import VirtualBoard

PIN_US, ADC_US = COSTS["pin"], COSTS["adc"]
MAX_I2C_BYTES = 256  # fits the guest's 512-byte reply buffer
PWM_RANGE = {"rp2": (8, 62_500_000), "esp32": (1, 40_000_000), "microbit": (1, 1_000_000)}


class PinState:
    """One physical pin: mode ('o' out, 'i' in, None unset), pull (1/0/None), output latch,
    PWM frequency and duty."""

    __slots__ = ("mode", "pull", "latch", "freq", "duty", "irq")

    def __init__(self) -> None:
        self.mode: str | None = None
        self.pull: int | None = None
        self.latch: int | None = None
        self.freq = 0
        self.duty = 0
        self.irq: tuple[int, int, str] | None = None  # (callback id, trigger bits, label)


class MachineIO(TimerIO):
    """Pins and buses of the virtual board (state lives here, never in the guest)."""

    def __init__(self, vb: VirtualBoard) -> None:
        self.vb = vb
        b = vb.board
        self.family = b.family
        if b.family == "microbit":
            self.valid = {f"pin{p}" for p in b.pins} | {"logo"}
        else:
            self.valid = {str(p) for p in b.pins} | set(b.names.values())
        self.input_only = {str(p) for p in b.input_only}
        self.pins: dict[str, PinState] = {}
        self.timers: dict[int, int] = {}  # callback id -> generation
        self.gen = 0
        self.i2c_reg: dict[tuple[str, int], int] = {}
        self.keys: dict[str, str] = {}  # pin label -> physical key, for labels already checked
        self.robot_adc: dict[str, str] = {}  # ADC label -> key of a robot's line sensor

    def install(self, h: dict[int, Any]) -> None:
        for letter, fn in {"s": self.sleep, "S": self.sleep_ms, "m": self.ticks, "z": self.main_returned,
                           "x": self.exit, "e": self.callback_error, "M": self.pin_init,
                           "W": self.pin_write, "T": self.pin_toggle, "R": self.pin_read,
                           "I": self.pin_irq, "P": self.pulse, "F": self.pwm_freq,
                           "D": self.pwm_duty, "X": self.pwm_deinit, "A": self.adc_read,
                           "N": self.neopixel, "U": self.uart_tx, "Q": self.i2c_scan,
                           "G": self.i2c_read, "H": self.i2c_write, "Y": self.timer_init,
                           "Z": self.timer_deinit}.items():
            h[ord(letter)] = fn

    # ---- helpers ---------------------------------------------------------------------------
    def phys(self, label: str) -> str:
        key = self.keys.get(label)
        if key is not None:
            return key
        key = self.vb.board.names.get(label, label) if self.family != "microbit" else label
        if key not in self.valid:
            raise ValueError(label)
        self.keys[label] = key  # only valid labels: a handful per board
        return key

    def pin(self, key: str) -> PinState:
        st = self.pins.get(key)
        if st is None:
            st = self.pins[key] = PinState()
        return st

    def output_changed(self, key: str, level: int) -> None:
        vb = self.vb
        vb.inputs.trigger_changed(key, level, vb.now, vb.robot)
        if vb.robot is not None:
            vb.robot.digital(key, level, vb.now)

    def write(self, key: str, label: str, v: int) -> None:
        st = self.pin(key)
        if st.latch != v:
            st.latch = v
            if st.mode == "o":
                self.vb.log("pin:" + label, "value", v)
                self.output_changed(key, v)

    def level(self, key: str, pull: int | None = None) -> int:
        st = self.pins.get(key)
        if st is not None and st.mode == "o":
            return st.latch or 0
        vb = self.vb
        return vb.inputs.level(key, st.pull if st is not None else pull, vb.now, vb.robot)

    # ---- time and lifecycle ----------------------------------------------------------------
    def sleep(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool:
        if a[0] <= 0:
            self.vb.cost(COSTS["tick"])
            return False
        return self.vb.wait(self.vb.now + a[0])

    def sleep_ms(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool:
        vb = self.vb
        ms = a[0]
        if ms <= 0:
            vb.cost(COSTS["tick"])
            return False
        if vb.queue or vb.wdt_deadline is not None:
            return vb.wait(vb.now + ms * 1000)
        vb.slept = True  # vb.wait with nothing that could interrupt it, inlined (a drive loop's)
        now = vb.now + ms * 1000
        if now >= vb.end_us:
            vb.now = vb.end_us
            raise RunEnded("time")
        vb.now = now
        return False

    def ticks(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        vb.cost(COSTS["tick"])
        vb.ints((vb.now // 1000) & TICKS_MASK, vb.now & TICKS_MASK, vb.now // 1_000_000, vb.now)

    def main_returned(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool:
        vb = self.vb
        if vb.sources:  # timers and IRQs keep running until the scenario ends, as on a board
            return vb.wait(vb.end_us)
        vb.internal["end"] = "done"
        raise RunEnded("done")

    def exit(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        self.vb.internal["end"] = "exit"
        raise RunEnded("exit")

    def callback_error(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        vb.internal["cb_errors"] = vb.internal.get("cb_errors", 0) + 1
        if "cb_error_at" in vb.internal:
            return
        kind, _, rest = payload[:400].decode("utf-8", "replace").partition("|")
        line, _, message = rest.partition("|")
        vb.internal["cb_error_at"] = {"type": kind[:60] or "Error", "message": message[:300],
                                      "line": int(line) if line.isdigit() else None}

    # ---- pins ------------------------------------------------------------------------------
    def pin_init(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self.phys(label)
        mode, pull, value = a[0], a[1], a[2]
        if mode not in (0, 1, 2) or pull not in (0, 1, 2, 3) or value not in (-1, 0, 1):
            return
        st = self.pin(key)
        if key in self.input_only and (mode == 1 or pull in (1, 2)):
            return
        if mode:
            st.mode = "o" if mode == 1 else "i"
            robot = self.vb.robot
            if robot is not None and robot.cmode is not None:
                robot.cmode.unregister_pin(key)  # the C robot serves its ops no more
        if pull:
            st.pull = {1: 1, 2: 0, 3: None}[pull]
        if value >= 0:
            self.write(key, label, value)
        self.vb.log("pin:" + label, "mode", "out" if st.mode == "o" else "in")

    def pin_write(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self.phys(label)
        self.vb.cost(COSTS["pin"])
        self.write(key, label, 1 if a[0] else 0)
        if self.vb.robot is not None:
            self._offer(87, label, key)  # a sonar's trigger

    def pin_toggle(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self.phys(label)
        self.vb.cost(COSTS["pin"])
        self.write(key, label, 0 if self.pin(key).latch else 1)

    def pin_read(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self.phys(label)
        self.vb.cost(COSTS["pin"])
        self.vb.ints(self.level(key))
        if self.vb.robot is not None:
            self._offer(82, label, key)  # a line sensor

    def pin_irq(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.phys(label)
        st = self.pin(key)
        if st.irq is not None:
            vb.sources.discard(st.irq[0])
        cb_id, trig = a[0], a[1] & 3
        if cb_id <= 0 or len(vb.sources) >= MAX_TIMERS:
            st.irq = None
            return
        reg = (cb_id, trig, label)
        st.irq = reg
        vb.sources.add(cb_id)

        def fire(t: int, level: int) -> bool:
            if st.irq is not reg or not ((level == 0 and trig & 1) or (level == 1 and trig & 2)):
                return False
            vb.log("pin:" + label, "irq", level)
            return True

        for t, level in vb.inputs.edges(key, st.pull, vb.now):
            vb.schedule(t, cb_id, lambda t, level=level: fire(t, level))

    def pulse(self, label: str, payload: bytes, a: tuple[int, ...]) -> bool:
        vb = self.vb
        key = self.phys(label)
        if vb.robot is not None:
            self._offer(80, label, key)  # a sonar's echo
        level, timeout = 1 if a[0] else 0, max(0, min(a[1], 10_000_000))
        nc = vb.inputs.next_change(key, level, vb.now, vb.now + timeout)
        if nc is None:
            result = -1 if self.level(key) == level else -2
            end = vb.now + timeout
        else:
            endt = vb.inputs.next_change(key, 1 - level, nc, nc + timeout)
            result, end = (-1, nc + timeout) if endt is None else (endt - nc, endt)
        return vb.wait(end, lambda: vb.ints(result))

    # ---- PWM and ADC -----------------------------------------------------------------------
    def pwm_freq(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self.phys(label)
        lo, hi = PWM_RANGE[self.family]
        if key in self.input_only or not lo <= a[0] <= hi:
            return
        self.vb.cost(COSTS["pin"])
        st = self.pin(key)
        if a[0] != st.freq:
            st.freq = a[0]
            self.vb.log("pwm:" + label, "freq", a[0])

    def pwm_duty(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.keys.get(label) or self.phys(label)
        if key in self.input_only:
            return
        vb.charge += PIN_US * FUEL_PER_US  # vb.cost(PIN_US), inlined
        now = vb.now = vb.now + PIN_US
        if now >= vb.end_us:
            vb.now = vb.end_us
            raise RunEnded("time")
        d = a[0]
        d = 0 if d < 0 else 65535 if d > 65535 else d
        robot = vb.robot
        if robot is not None and robot.cmode is not None and key in robot.pairs:
            robot.cmode.duty(label, key, d)  # the robot in C performs it after the call
            return
        st = self.pins.get(key) or self.pin(key)
        if d != st.duty:
            st.duty = d
            if vb.robot is not None and vb.robot.pwm(key, d, now):
                return  # a motor: the robot's trajectory records it, not the trace
            vb.log("pwm:" + label, "duty", d)

    def pwm_deinit(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.phys(label)
        st = self.pin(key)
        if vb.robot is not None:
            vb.robot.pwm(key, 0, vb.now)
        if st.duty:
            st.duty = 0
            vb.log("pwm:" + label, "duty", 0)
        vb.log("pwm:" + label, "deinit", 0)

    def adc_read(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.robot_adc.get(label)
        if key is not None:  # a robot's line sensor (the hot path of a line follower)
            vb.charge += ADC_US * FUEL_PER_US  # vb.cost(ADC_US), inlined
            now = vb.now = vb.now + ADC_US
            if now >= vb.end_us:
                vb.now = vb.end_us
                raise RunEnded("time")
            self._offer(65, label, key)  # (again, if a mode change took it back)
            v = vb.robot.analog(key, now)
            vb.res_i = (v & 0xFFF0 if self.family == "rp2" else v,)
            return
        vb.cost(ADC_US)
        if label == "temp" and self.family == "rp2":
            volts = 0.706 - (vb.inputs.temperature(vb.now) - 27) * 0.001721
            v = int(volts / 3.3 * 65535)
        else:
            key = self.keys.get(label) or self.phys(label)
            if key not in vb.board.adc:
                v = 0
            elif vb.robot is not None and key in vb.robot.line:
                self.robot_adc[label] = key
                self._offer(65, label, key)
                v = vb.robot.analog(key, vb.now)
            else:
                v = vb.inputs.analog_u16(key, vb.now)
        vb.res_i = (v & 0xFFF0 if self.family == "rp2" else v,)

    def _offer(self, kind: int, label: str, key: str) -> None:
        """The robot in C, if it runs, may serve the next ``kind`` ops on ``label`` itself."""
        cmode = self.vb.robot.cmode
        if cmode is not None:
            cmode.offer(kind, label, key, self.pins.get(key))

    # ---- buses and strips ------------------------------------------------------------------
    def neopixel(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        self.phys(label)
        bpp = a[0]
        if bpp not in (3, 4) or len(payload) % bpp or len(payload) > 256 * bpp:
            return
        n = len(payload) // bpp
        self.vb.cost(30 * n + 50)
        self.vb.log("neopixel:" + label, "write",
                    [list(payload[i:i + bpp]) for i in range(0, len(payload), bpp)])

    def uart_tx(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        if not label.isdigit() or len(label) > 2 or a[0] <= 0:
            return
        total = max(len(payload), min(a[1], 1 << 20))
        self.vb.cost(COSTS["pin"] + total * 10_000_000 // a[0])
        self.vb.log("uart:" + label, "tx", payload[:200].decode("utf-8", "replace")[:200])

    def _bus(self, label: str) -> str:
        if label not in ("0", "1", "soft", "mb"):
            raise ValueError(label)
        return "i2c:0" if label == "mb" else "i2c:" + label

    def _i2c_cost(self, label: str, nbytes: int, freq: int) -> None:
        if label == "mb":
            self.vb.cost(COSTS["i2c"] + nbytes * 90)
        else:
            self.vb.cost(COSTS["i2c"] + nbytes * 9_000_000 // max(freq, 10_000))

    def _robot_addr(self, label: str) -> int | None:
        robot = self.vb.robot
        return robot.i2c_addr if robot is not None and label == "mb" else None

    def i2c_scan(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        source = self._bus(label)
        found = set(vb.inputs.tmp102) | set(vb.devices.get("i2c_other", ()))
        if self._robot_addr(label) is not None:
            found.add(self._robot_addr(label))
        if label == "mb":
            vb.cost(COSTS["i2c"] * 4)
        else:
            self._i2c_cost(label, len(found) + 112, a[0])
        addrs = sorted(found)
        vb.log(source, "scan", addrs)
        vb.ints(len(addrs))
        vb.data(bytes(addrs))

    def i2c_read(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        source = self._bus(label)
        addr, reg, n = a[0], a[1], min(max(a[2], 0), MAX_I2C_BYTES)
        self._i2c_cost(label, n + (1 if reg < 0 else 2), a[3])
        c = vb.inputs.tmp102_c(addr, vb.now)
        if c is not None:
            reg = reg if reg >= 0 else self.i2c_reg.get((label, addr), 0)
            raw = int(round(c / 0.0625)) & 0xFFF
            pair = bytes([(raw >> 4) & 0xFF, (raw << 4) & 0xF0]) if reg == 0 else bytes([0x60, 0xA0])
            vb.log(source, "read", {"addr": addr, "reg": reg, "n": n})
            vb.ints(0)
            vb.data((pair * (n // 2 + 1))[:n])
        elif addr == self._robot_addr(label) or addr in vb.devices.get("i2c_other", ()):
            vb.ints(0)
            vb.data(bytes(n))
        else:
            vb.ints(-1)

    def i2c_write(self, label: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        source = self._bus(label)
        addr, reg = a[0], a[1]
        data = payload[:MAX_I2C_BYTES]
        self._i2c_cost(label, len(data) + (1 if reg < 0 else 2), a[2])
        if addr == self._robot_addr(label):
            vb.robot.i2c_write(addr, data, vb.now)
            vb.ints(0)
        elif addr in vb.inputs.tmp102 or addr in vb.devices.get("i2c_other", ()):
            if reg < 0 and data:
                self.i2c_reg[(label, addr)] = data[0]
            vb.log(source, "write", {"addr": addr, "n": len(data)})
            vb.ints(0)
        else:
            vb.ints(-1)
