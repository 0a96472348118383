"""Host handlers of the BBC micro:bit commands: the 5x5 display (images, text, scroll, pixels),
buttons A/B and the touch logo, the edge pins (digital, analog, PWM), light level, temperature
and ``music``.

The display's state, the font and the note tables live here, so showing text or playing a tune
is one guest call whose frames and tones the host records at its own times (the micro:bit has no
callbacks that could run in between). Pins, I2C and the clock are shared with
:mod:`app.sim.hal.machine`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from app.sim.boards import COSTS

if TYPE_CHECKING:
    from app.sim.hal.board import VirtualBoard

BLANK = "00000:00000:00000:00000:00000"
FONT = {
    "0": "09900:90090:90090:90090:09900", "1": "00900:09900:00900:00900:09990",
    "2": "99900:00090:09900:90000:99990", "3": "99990:00090:00900:90090:09900",
    "4": "00990:09090:90090:99999:00090", "5": "99999:90000:99990:00009:99990",
    "6": "00090:00900:09990:90009:09990", "7": "99999:00090:00900:09000:90000",
    "8": "09990:90009:09990:90009:09990", "9": "09990:90009:09999:00090:09000",
    " ": BLANK, "-": "00000:00000:09990:00000:00000",
}
NOTES = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}
MAX_TEXT = 500
MAX_NOTES = 200
_NOTE = re.compile(r"^[a-gr]?[#b]?[0-9]?(:[0-9]{1,3})?$")


def frame_of(px: bytes) -> str:
    """'09090:99999:...' from 25 brightness values."""
    return ":".join("".join(str(v) for v in px[r * 5:r * 5 + 5]) for r in range(5))


class MicrobitIO:
    """The micro:bit's own devices."""

    def __init__(self, vb: VirtualBoard) -> None:
        self.vb = vb
        self.frame = BLANK
        self.since: dict[str, int] = {}
        self.pwm_period: dict[str, int] = {}  # pins driven by write_analog -> period (µs)

    def install(self, h: dict[int, Any]) -> None:
        for letter, fn in {"d": self.image, "t": self.text, "o": self.scroll, "p": self.set_pixel,
                           "q": self.get_pixel, "b": self.pressed, "g": self.presses,
                           "r": self.read_digital, "w": self.write_digital,
                           "v": self.write_analog, "V": self.analog_period,
                           "a": self.read_analog, "l": self.light, "h": self.temperature,
                           "u": self.play, "j": self.pitch, "n": self.stop}.items():
            h[ord(letter)] = fn

    # ---- display ---------------------------------------------------------------------------
    def show(self, frame: str) -> None:
        if frame != self.frame:
            self.frame = frame
            self.vb.log("display", "image", frame)

    def sleep(self, ms: int) -> None:
        vb = self.vb
        vb.slept = True
        vb.wait(vb.now + max(int(ms * 1000), COSTS["tick"]))

    def image(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        if len(payload) != 25 or max(payload) > 9:
            return
        self.vb.cost(COSTS["display"])
        self.show(frame_of(payload))

    def text(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        text = payload[:MAX_TEXT].decode("utf-8", "replace")
        delay, clear = max(0, a[0]), bool(a[1])
        self.vb.cost(COSTS["display"])
        for ch in text:
            self.vb.log("display", "text", ch)
            self.show(FONT.get(ch, BLANK))
            if len(text) > 1:
                self.sleep(delay)
        if clear:
            self.show(BLANK)

    def scroll(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        text = payload[:MAX_TEXT].decode("utf-8", "replace")
        self.vb.log("display", "scroll", text)
        if a[1]:
            self.sleep(max(0, a[0]) * (len(text) * 5 + 5))
        self.show(BLANK)

    def set_pixel(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        x, y, v = a[0], a[1], a[2]
        if not (0 <= x < 5 and 0 <= y < 5 and 0 <= v <= 9):
            return
        self.vb.cost(COSTS["display"])
        rows = self.frame.split(":")
        rows[y] = rows[y][:x] + str(v) + rows[y][x + 1:]
        self.show(":".join(rows))

    def get_pixel(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        x, y = a[0], a[1]
        if 0 <= x < 5 and 0 <= y < 5:
            self.vb.ints(int(self.frame.split(":")[y][x]))

    # ---- buttons, pins, sensors ------------------------------------------------------------
    def _key(self, target: str) -> str:
        if target in ("button_a", "button_b"):
            return target
        return self.vb_machine_phys(target)

    def vb_machine_phys(self, target: str) -> str:
        valid = {f"pin{p}" for p in self.vb.board.pins} | {"logo"}
        if target not in valid:
            raise ValueError(target)
        return target

    def pressed(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self._key(target)
        self.vb.cost(COSTS["pin"])
        self.vb.ints(1 if self.vb.inputs.pressed(key, self.vb.now) else 0)

    def presses(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self._key(target)
        vb.cost(COSTS["pin"])
        n = vb.inputs.presses_between(key, self.since.get(key, 0), vb.now)
        self.since[key] = vb.now
        vb.ints(n)

    def read_digital(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.vb_machine_phys(target)
        vb.cost(COSTS["pin"])
        pull = {0: None, 1: 1, 2: 0}.get(a[0])
        vb.ints(vb.inputs.level(key, pull, vb.now, vb.robot))

    def write_digital(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.vb_machine_phys(target)
        vb.cost(COSTS["pin"])
        if self.pwm_period.pop(key, None) is not None:
            vb.log("pwm:" + key, "duty", 0)
        machine = vb.machine  # the pin state is shared with machine.Pin
        st = machine.pin(key)
        st.mode = "o"
        machine.write(key, key, 1 if a[0] else 0)

    def write_analog(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.vb_machine_phys(target)
        value, period = a[0], a[1]
        if not 0 <= value <= 1023 or period < 256:
            return
        vb.cost(COSTS["pin"])
        if key not in self.pwm_period:
            self.pwm_period[key] = period
            vb.log("pwm:" + key, "freq", 1_000_000 // period)
        vb.log("pwm:" + key, "duty", value * 65535 // 1023)

    def analog_period(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        key = self.vb_machine_phys(target)
        if a[0] >= 256 and key in self.pwm_period:
            self.pwm_period[key] = a[0]
            self.vb.log("pwm:" + key, "freq", 1_000_000 // a[0])

    def read_analog(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        key = self.vb_machine_phys(target)
        vb.cost(COSTS["adc"])
        v = vb.inputs.analog_u16(key, vb.now, vb.robot)
        vb.ints(v * 1023 // 65535)

    def light(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        vb.cost(COSTS["adc"])
        vb.ints(vb.inputs.analog_u16("light", vb.now) * 255 // 65535)

    def temperature(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        vb.cost(COSTS["adc"])
        vb.ints(int(vb.inputs.temperature(vb.now) + 0.5))

    # ---- music -----------------------------------------------------------------------------
    def tone(self, freq: int) -> None:
        self.vb.log("music", "tone", int(freq))

    def play(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        ticks_per_beat, bpm = max(1, a[0]), max(1, a[1])
        notes = payload[:4096].decode("ascii", "replace").lower().split(",")[:MAX_NOTES]
        octave, ticks = 4, 4
        for note in notes:
            if not _NOTE.match(note):
                continue
            name, _, dur = note.partition(":")
            if dur:
                ticks = int(dur)
            if name and name[-1].isdigit():
                octave = int(name[-1])
                name = name[:-1]
            ms = ticks * 60000 // (ticks_per_beat * bpm)
            if not name or name[0] == "r" or name[0] not in NOTES:
                self.tone(0)
                self.sleep(ms)
                continue
            flat = 1 if name.endswith("b") and len(name) > 1 else 0
            semi = NOTES[name[0]] + (1 if "#" in name else 0) - flat
            midi = 12 * (octave + 1) + semi
            self.tone(int(440 * 2 ** ((midi - 69) / 12) + 0.5))
            self.sleep(ms)
        self.tone(0)

    def pitch(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        freq, ms = max(0, a[0]), a[1]
        self.tone(freq)
        if ms > 0:
            self.sleep(ms)
            self.tone(0)

    def stop(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        self.tone(0)
