"""Host handlers of the micro:bit V2's sensors and extra modules: accelerometer and gestures,
compass, microphone and its LOUD/QUIET events, speaker and volume, ``radio``, ``speech`` and
``audio``.

Readings come from the scenario's ``microbit:`` inputs (:mod:`app.sim.hal.microbit_scenario`),
one value for one instant of the host's clock. What the program sends or says is recorded here:
``radio``/``send`` (the text, or ``bytes:<hex>``), ``radio``/``receive``, ``speech``/``say``,
``audio``/``sound`` (a built-in sound's name or ``effect:<from>-<to>Hz``), each taking on the clock
the time it takes on a board (speech and sounds: a plausible length, see docs/fidelity_microbit.md).
Radio messages of the scenario arrive only while the radio is on and tuned to their group, and
wait in a queue of the configured size, as on the board.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.sim.boards import COSTS
from app.sim.guestbuild import guest_files
from app.sim.hal.microbit_scenario import MicrobitWorld, parse_microbit

if TYPE_CHECKING:
    from app.sim.hal.microbit import MicrobitIO

# Lengths of the built-in sounds (ms), close to the board's.
SOUND_MS = {"GIGGLE": 1300, "HAPPY": 700, "HELLO": 600, "MYSTERIOUS": 2200, "SAD": 1000,
            "SLIDE": 600, "SOARING": 2000, "SPRING": 600, "TWINKLE": 1400, "YAWN": 2700}
SPEECH_MS_PER_CHAR = 70  # at the default speed 72 (bigger speed values talk slower)
RADIO_RSSI = -45


class MicrobitExtras:
    """Sensors, radio and sounds of one run's micro:bit."""

    def __init__(self, vb: Any, io: MicrobitIO) -> None:
        self.vb = vb
        self.io = io
        extra = getattr(vb.scenario, "extra", None) or {}
        self.world = MicrobitWorld(parse_microbit(extra.get("microbit")))
        self.mic_threshold = {1: 128, 2: 64}
        self.mic_since = 0
        self.mic_seen: dict[int, int] = {}
        self.gesture_history_since = 0
        self.radio_on = False
        self.radio_cfg = {"length": 32, "queue": 3, "group": 0}
        self.radio_queue: list[tuple[bytes, int]] = []
        self.radio_next = 0  # index of the next scenario message not yet heard or missed
        self.volume = 255

    def install(self, h: dict[int, Any]) -> None:
        h[ord("y")] = self.sensor
        h[ord("f")] = self.radio
        h[ord("c")] = self.misc

    # ---- sensors ---------------------------------------------------------------------------
    def sensor(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb, w = self.vb, self.world
        vb.cost(COSTS["adc"])
        now = vb.now
        if target == "ax":
            vb.ints(*w.accel(now))
        elif target == "ag":
            from app.sim.hal.microbit_scenario import GESTURES

            vb.ints(GESTURES.index(w.gesture_at(now)))
        elif target == "aw":
            if 1 <= a[0] < 13:
                vb.ints(1 if w.was_gesture(a[0], now) else 0)
        elif target == "ah":
            from app.sim.hal.microbit_scenario import GESTURES

            names = w.gestures_between(self.gesture_history_since - 1, now)[-8:]
            self.gesture_history_since = now + 1
            vb.ints(len(names))
            vb.data(bytes(GESTURES.index(n) for n in names))
        elif target == "cp":
            x, y, z = w.field(now)
            vb.ints(w.heading(now), x, y, z, 48_000)
        elif target == "ml":
            vb.ints(w.sound_level(now))
        elif target in ("me", "mw", "mh"):
            self._mic(target, a, now)
        elif target == "mt" and a[0] in (1, 2):
            self.mic_threshold[a[0]] = max(0, min(255, a[1]))

    def _mic(self, target: str, a: tuple[int, ...], now: int) -> None:
        vb, w = self.vb, self.world
        loud, quiet = self.mic_threshold[1], self.mic_threshold[2]
        if target == "me":
            events = w.sound_events(loud, quiet, -1, now)
            vb.ints(events[-1][1] if events else 0)
        elif target == "mw" and a[0] in (1, 2):
            since = self.mic_seen.get(a[0], -1)
            self.mic_seen[a[0]] = now
            vb.ints(1 if any(k == a[0] for _, k in w.sound_events(loud, quiet, since, now)) else 0)
        elif target == "mh":
            events = w.sound_events(loud, quiet, self.mic_since - 1, now)[-8:]
            self.mic_since = now + 1
            vb.ints(len(events))
            vb.data(bytes(k for _, k in events))

    def misc(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        if target == "vol":
            self.volume = max(0, min(255, a[0]))
        elif target == "spk":
            self.vb.log("speaker", "on" if a[0] else "off", 1)
        elif target == "ap":
            self.vb.ints(1 if self.io.player.active("audio") else 0)
        elif target == "src":  # the guest's rarely used modules, served on first use
            data, compiled = lazy_module(a[1])
            chunk = data[a[0]:a[0] + 500] if 0 <= a[0] < len(data) else b""
            self.vb.ints(len(chunk), compiled)
            self.vb.data(chunk)

    # ---- radio -----------------------------------------------------------------------------
    def _hear(self) -> None:
        """Messages sent by the scenario up to now: queued if the radio could hear them."""
        msgs = self.world.sc.radio
        now = self.vb.now
        while self.radio_next < len(msgs) and msgs[self.radio_next][0] <= now:
            t, raw, group = msgs[self.radio_next]
            self.radio_next += 1
            if (self.radio_on and group == self.radio_cfg["group"]
                    and len(self.radio_queue) < self.radio_cfg["queue"]):
                self.radio_queue.append((raw[:self.radio_cfg["length"]], t))

    def radio(self, target: str, payload: bytes, a: tuple[int, ...]) -> None:
        vb = self.vb
        vb.cost(COSTS["pin"])
        self._hear()
        if target == "on":
            self.radio_on = True
        elif target == "off":
            self.radio_on = False
            self.radio_queue.clear()
        elif target == "is":
            vb.ints(1 if self.radio_on else 0)
        elif target == "cfg":
            length, queue, group = a[0], a[1], a[4]
            if 1 <= length <= 251 and 1 <= queue <= 254 and 0 <= group <= 255:
                self.radio_cfg = {"length": length, "queue": queue, "group": group}
        elif target == "rx":
            if not self.radio_on or not self.radio_queue:
                vb.ints(-1)
                return
            raw, t = self.radio_queue.pop(0)
            vb.ints(len(raw), RADIO_RSSI, t & 0x3FFFFFFF)
            vb.data(raw)
            vb.log("radio", "receive", _describe(raw))

    # ---- data commands: radio send, speech, audio ------------------------------------------
    def data_command(self, target: str, payload: bytes, a: tuple[int, ...]) -> bool | None:
        vb = self.vb
        if target == "r":
            self._hear()
            if not self.radio_on:
                return None
            vb.cost(COSTS["pin"] + 10 * min(len(payload), self.radio_cfg["length"]))
            vb.log("radio", "send", _describe(payload[:self.radio_cfg["length"]]))
            return None
        if target == "s":
            text = payload[:300].decode("utf-8", "replace")
            kind = {0: "say", 1: "pronounce", 2: "sing"}.get(a[0], "say")
            ms = len(text) * SPEECH_MS_PER_CHAR * max(1, min(255, a[1])) // 72
            vb.log("speech", kind, text)
            return vb.wait(vb.now + ms * 1000)  # speech always waits on the board
        if target == "ua":
            name = payload[:20].decode("ascii", "replace")
            if name == "fx":
                ms = max(0, min(60_000, a[3]))
                label = f"effect:{max(0, min(30_000, a[1]))}-{max(0, min(30_000, a[2]))}Hz"
            elif name in SOUND_MS:
                ms, label = SOUND_MS[name], name.lower()
            else:
                return None

            def sound(t: int) -> None:
                self.io.player.emit(t, "audio", "sound", label)

            return self.io._play("audio", [(0, sound), (ms * 1000, lambda t: None)], a[0] & 1)
        return None

    def stop_audio(self) -> None:
        if self.io.player.cancel("audio"):
            self.vb.log("audio", "stop", 1)


def lazy_module(index: int) -> tuple[bytes, int]:
    """A guest module loaded on first use (0 ``_simmbradio``, 1 ``_simmbsound``) and 1 when it
    is precompiled: public code, safe to serve to anyone; nothing for another index."""
    if index not in (0, 1):
        return b"", 0
    name = ("_simmbradio", "_simmbsound")[index]
    files = guest_files()
    if name + ".mpy" in files:
        return files[name + ".mpy"], 1
    return files[name + ".py"], 0


def _describe(raw: bytes) -> str:
    """A radio packet as the trace shows it: its text when it is a string message."""
    if raw[:3] == b"\x01\x00\x01":
        return raw[3:].decode("utf-8", "replace")
    return "bytes:" + raw.hex()
