"""The trace of a run: what the virtual hardware recorded.

The host's virtual board (:mod:`app.sim.hal`) records :class:`Event` values stamped with its own
clock; :func:`build_trace` orders them and adds the device readings that follow from raw signals
(servo angle from pulse width, buzzer tone from PWM), derived here on the host. :func:`parse_log`
still validates a ``t|source|kind|value`` text log as untrusted input (schema, bounded sizes,
monotone times inside the run, a capped count) for tools that import one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from app.sim.boards import Board
from app.sim.scenario import Scenario

MAX_EVENTS = 20_000
MAX_VALUE_CHARS = 4096
_SOURCE = re.compile(r"^(pin|pwm|adc|timer|i2c|uart|neopixel|display|music|button_a|button_b|!sim)"
                     r"(:[A-Za-z0-9_\-]{1,16})?$")
_KINDS: dict[str, type | tuple[type, ...]] = {
    "mode": str, "value": int, "irq": int, "freq": int, "duty": int, "deinit": int,
    "init": int, "scan": list, "read": dict, "write": (dict, list), "tx": str, "image": str,
    "text": str, "scroll": str, "tone": int, "end": str, "cb_error": dict, "cb_error_at": dict,
    "reset": int,
}
_IMAGE = re.compile(r"^[0-9]{5}(:[0-9]{5}){4}$")


@dataclass(frozen=True)
class Event:
    """One thing the board did."""

    t_us: int
    source: str
    kind: str
    value: Any

    def to_dict(self) -> dict[str, Any]:
        return {"t_us": self.t_us, "source": self.source, "kind": self.kind, "value": self.value}


@dataclass(frozen=True)
class Trace:
    """Validated events plus the run facts the checks may use."""

    events: tuple[Event, ...]
    board: Board
    scenario: Scenario
    sim_time_us: int
    rejected: int = 0
    truncated: bool = False
    internal: dict[str, Any] = field(default_factory=dict)
    robot: Any = None  # app.sim.robot.trajectory.Trajectory of a robot run (host-computed)

    def of(self, source: str | None = None, kind: str | None = None) -> list[Event]:
        """Events matching a source and/or kind."""
        return [e for e in self.events
                if (source is None or e.source == source) and (kind is None or e.kind == kind)]

    def for_pin(self, prefix: str, pin_key: str, kind: str | None = None) -> list[Event]:
        """Events of ``prefix`` ("pin", "pwm", ...) on the physical pin ``pin_key``, whatever
        label the program used for it ("LED", "GP25" or 25)."""
        out = []
        for e in self.events:
            head, _, label = e.source.partition(":")
            if head == prefix and label and self.board.physical(label) == pin_key:
                if kind is None or e.kind == kind:
                    out.append(e)
        return out


def _valid_value(kind: str, value: Any) -> bool:
    expected = _KINDS.get(kind)
    if expected is None:
        return False
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool) and -2**31 <= value < 2**40
    if not isinstance(value, expected):
        return False
    if kind == "image":
        return bool(_IMAGE.match(value))
    if kind == "write" and isinstance(value, list):
        return len(value) <= 256 and all(
            isinstance(p, list) and len(p) in (3, 4) and all(isinstance(c, int) and 0 <= c <= 255 for c in p)
            for p in value)
    return True


def parse_log(raw: bytes, board: Board, scenario: Scenario, now_us: int,
              truncated: bool) -> Trace:
    """Validate the guest's log and return a :class:`Trace` (with derived device events)."""
    end_us = int(scenario.seconds * 1_000_000)
    events: list[Event] = []
    internal: dict[str, Any] = {}
    rejected = 0
    last_t = 0
    for line in raw.split(b"\n"):
        if not line:
            continue
        if len(events) >= MAX_EVENTS:
            truncated = True
            break
        try:
            t_text, source, kind, value_text = line.decode("utf-8").split("|", 3)
            t = int(t_text)
            if len(value_text) > MAX_VALUE_CHARS:
                raise ValueError("value too long")
            value = json.loads(value_text)
        except (ValueError, UnicodeDecodeError):
            rejected += 1
            continue
        if not (last_t <= t <= end_us) or not _SOURCE.match(source) or not _valid_value(kind, value):
            rejected += 1
            continue
        last_t = t
        if source == "!sim":
            internal.setdefault(kind, value)
            continue
        events.append(Event(t, source, kind, value))
    sim_time = max(0, min(int(now_us), end_us))
    if events and events[-1].t_us > sim_time:
        sim_time = events[-1].t_us
    derived = derive_devices(events, board, scenario)
    merged = sorted(events + derived, key=lambda e: e.t_us)
    return Trace(tuple(merged), board, scenario, sim_time, rejected, truncated, internal)


def build_trace(events: list[Event], board: Board, scenario: Scenario, sim_time_us: int,
                truncated: bool, internal: dict[str, Any]) -> Trace:
    """The :class:`Trace` of a run from the events the host's virtual board recorded (already
    trusted: stamped with host time), with derived device events, in time order."""
    recorded = sorted(events, key=lambda e: e.t_us)
    derived = derive_devices(recorded, board, scenario)
    merged = sorted(recorded + derived, key=lambda e: e.t_us)
    return Trace(tuple(merged), board, scenario, sim_time_us, 0, truncated, dict(internal))


def derive_devices(events: list[Event], board: Board, scenario: Scenario) -> list[Event]:
    """Servo angles and buzzer tones computed from the raw PWM signals of attached devices."""
    out: list[Event] = []
    for dev in scenario.devices:
        if dev["type"] not in ("servo", "buzzer"):
            continue
        pin = dev["pin"]
        freq, duty, last = 0, 0, None
        for e in events:
            head, _, label = e.source.partition(":")
            if head != "pwm" or board.physical(label) != pin:
                continue
            if e.kind == "freq":
                freq = e.value
            elif e.kind == "duty":
                duty = e.value
            elif e.kind == "deinit":
                duty = 0
            else:
                continue
            if dev["type"] == "servo":
                value = servo_angle(freq, duty, dev["min_us"], dev["max_us"])
                if value is None:
                    continue
                src, kind = f"servo:{pin}", "angle"
            else:
                value = freq if duty > 0 else 0
                src, kind = f"buzzer:{pin}", "tone"
            if value != last:
                out.append(Event(e.t_us, src, kind, value))
                last = value
    return out


def servo_angle(freq: int, duty_u16: int, min_us: float, max_us: float) -> int | None:
    """Angle a hobby servo takes for a PWM signal, or None when the signal is not a servo pulse
    (wrong frequency or no pulse)."""
    if not 40 <= freq <= 60 or duty_u16 <= 0:
        return None
    pulse_us = duty_u16 / 65535 * 1_000_000 / freq
    if pulse_us < min_us * 0.8 or pulse_us > max_us * 1.2:
        return None
    frac = (min(max(pulse_us, min_us), max_us) - min_us) / (max_us - min_us)
    return int(round(frac * 180))
