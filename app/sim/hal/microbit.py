"""Host handlers of the BBC micro:bit commands: the 5x5 display (images, animations, text,
scroll, pixels), buttons A/B and the touch logo, the edge pins (digital, analog, PWM), light
level, temperature and ``music``; sensors, radio and sounds are in :mod:`.microbit_extra`.

The display's state, the font (:mod:`.microbit_font`) and the note tables live here, so showing
an animation or playing a tune is one guest call; it becomes a timeline the host plays on its own
clock (:mod:`.microbit_player`), waited for or left running in the background (``wait=False``,
``loop=True``), every frame and tone stamped with its own time. Every command first lets the
background catch up with the clock. Pins, I2C and the clock are shared with
:mod:`app.sim.hal.machine`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from app.sim.boards import COSTS
from app.sim.hal.board import RunEnded
from app.sim.hal.microbit_extra import MicrobitExtras
from app.sim.hal.microbit_font import glyph, scroll_frames
from app.sim.hal.microbit_player import Player

if TYPE_CHECKING:
    from app.sim.hal.board import VirtualBoard

BLANK = "00000:00000:00000:00000:00000"
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
        self.player = Player(vb)
        self.extras = MicrobitExtras(vb, self)
        self.octave, self.ticks = 4, 4  # music remembers the last octave and duration

    def install(self, h: dict[int, Any]) -> None:
        for letter, fn in {"d": self.image, "t": self.text, "o": self.scroll, "p": self.set_pixel,
                           "q": self.get_pixel, "b": self.pressed, "g": self.presses,
                           "r": self.read_digital, "w": self.write_digital,
                           "v": self.write_analog, "V": self.analog_period,
                           "a": self.read_analog, "l": self.light, "h": self.temperature,
                           "u": self.play, "j": self.pitch, "n": self.stop}.items():
            h[ord(letter)] = fn
        self.extras.install(h)
        returned = h[ord("z")]

        def main_returned(target: str, payload: bytes, a: tuple[int, ...]) -> Any:
            # Animations and tunes playing in the background go on after main.py ends.
            until = self.player.busy_until()
            if until is not None and not self.vb.sources:
                self.vb.wait(until)
            return returned(target, payload, a)

        h[ord("z")] = main_returned
        for key, fn in list(h.items()):
            h[key] = self._in_time(fn)

    def _in_time(self, fn: Any) -> Any:
        """Every command first lets the background timelines catch up with the clock."""
        player, vb = self.player, self.vb

        def handler(target: str, payload: bytes, a: tuple[int, ...]) -> Any:
            player.flush(vb.now)
            try:
                result = fn(target, payload, a)
            except RunEnded:
                player.flush(vb.end_us)
                raise
            player.flush(vb.now)
            return result

        return handler

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
        self.player.cancel("display")
        self.vb.cost(COSTS["display"])
        self.show(frame_of(payload))

    def _frame_step(self, frame: str, char: str | None = None) -> Any:
        def act(t: int) -> None:
            if char is not None:
                self.player.emit(t, "display", "text", char)
            if frame != self.frame:
                self.frame = frame
                self.player.emit(t, "display", "image", frame)
        return act

    def text(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool:
        """An animation: images (1 + 25 bytes) and characters (2, length, UTF-8), ``delay`` ms
        each; flags 1 wait, 2 loop, 4 clear; a[2] = 1 when it came from a string (a single
        character then stays without a delay, as on the board)."""
        delay_us, flags = max(0, a[0]) * 1000, a[1]
        items: list[tuple[str, str | None]] = []
        i = 0
        while i < len(payload) and len(items) < MAX_TEXT:
            if payload[i] == 1 and i + 26 <= len(payload):
                px = payload[i + 1:i + 26]
                if max(px) > 9:
                    return False
                items.append((frame_of(px), None))
                i += 26
            elif payload[i] == 2 and i + 2 <= len(payload):
                n = payload[i + 1]
                ch = payload[i + 2:i + 2 + n].decode("utf-8", "replace")[:1]
                items.append((glyph(ch), ch))
                i += 2 + n
            else:
                return False
        vb = self.vb
        vb.cost(COSTS["display"])
        if a[2] == 1 and len(items) == 1 and not flags & 6:
            delay_us = 0
        steps = [(delay_us, self._frame_step(f, c)) for f, c in items]
        if flags & 4:
            steps.append((0, self._frame_step(BLANK)))
        return self._play("display", steps, flags)

    def _play(self, channel: str, steps: list[Any], flags: int) -> bool:
        """Start a timeline; with flag 1 (wait) the program waits for its end."""
        end = self.player.start(channel, steps, bool(flags & 2))
        if flags & 1:
            return self.vb.wait(self.vb.end_us if end is None else end)
        return False

    def scroll(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool | None:
        if target:
            return self.extras.data_command(target, payload, a)
        text = payload[:MAX_TEXT].decode("utf-8", "replace")
        self.vb.cost(COSTS["display"])

        def announce(t: int) -> None:
            self.player.emit(t, "display", "scroll", text)

        delay_us = max(0, a[0]) * 1000
        steps = [(0, announce)] + [(delay_us, self._frame_step(f))
                                   for f in scroll_frames(text, bool(a[1] & 8))]
        return self._play("display", steps, a[1] & 3)

    def set_pixel(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        x, y, v = a[0], a[1], a[2]
        if not (0 <= x < 5 and 0 <= y < 5 and 0 <= v <= 9):
            return
        self.player.cancel("display")
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
        level = self.extras.world.light_level(vb.now)
        if level is not None:
            vb.ints(level)
            return
        vb.ints(vb.inputs.analog_u16("light", vb.now) * 255 // 65535)

    def temperature(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        vb.cost(COSTS["adc"])
        vb.ints(int(vb.inputs.temperature(vb.now) + 0.5))

    # ---- music ----------------------------------------------------------------------------
    def tone_step(self, freq: int) -> Any:
        def act(t: int) -> None:
            self.player.emit(t, "music", "tone", int(freq))
        return act

    def play(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool | None:
        if target:
            return self.extras.data_command("u" + target, payload, a)
        ticks_per_beat, bpm = max(1, a[0]), max(1, a[1])
        notes = payload[:4096].decode("ascii", "replace").lower().split(",")[:MAX_NOTES]
        steps = []
        for note in notes:
            if not _NOTE.match(note):
                continue
            name, _, dur = note.partition(":")
            if dur:
                self.ticks = int(dur)
            if name and name[-1].isdigit():
                self.octave = int(name[-1])
                name = name[:-1]
            ms = self.ticks * 60000 // (ticks_per_beat * bpm)
            if not name or name[0] == "r" or name[0] not in NOTES:
                steps.append((ms * 1000, self.tone_step(0)))
                continue
            flat = 1 if name.endswith("b") and len(name) > 1 else 0
            semi = NOTES[name[0]] + (1 if "#" in name else 0) - flat
            midi = 12 * (self.octave + 1) + semi
            steps.append((ms * 1000, self.tone_step(int(440 * 2 ** ((midi - 69) / 12) + 0.5))))
        if not a[2] & 2:
            steps.append((0, self.tone_step(0)))
        return self._play("music", steps, a[2] & 3)

    def pitch(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool:
        freq, ms = max(0, a[0]), a[1]
        if ms < 0:  # until music.stop() or the next sound
            self.player.cancel("music")
            self.player.emit(self.vb.now, "music", "tone", freq)
            return False
        return self._play("music", [(ms * 1000, self.tone_step(freq)), (0, self.tone_step(0))],
                          a[2] & 1)

    def stop(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        if target == "r":
            self.octave, self.ticks = 4, 4
            return
        if target == "a":
            self.extras.stop_audio()
            return
        self.player.cancel("music")
        self.player.emit(self.vb.now, "music", "tone", 0)
