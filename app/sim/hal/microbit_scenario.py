"""The micro:bit's part of a scenario: what its own sensors and its radio receive during a run.

A scenario's ``microbit:`` mapping (validated here by :func:`parse_microbit`, raising
:class:`~app.sim.scenario.ScenarioError` with a readable path) may give, all times in ms::

    microbit:
      accelerometer: {x: [[0, 0], [2000, 900]], y: 0, z: -1024}   # milli-g curves
      gestures: [[1000, "shake"], [3000, "face down"]]            # [ms, name] or [ms, name, hold_ms]
      compass: [[0, 0], [4000, 359]]                               # heading in degrees
      sound: [[0, 20], [1500, 200], [1800, 20]]                    # microphone level 0-255
      light: [[0, 40], [2000, 250]]                                # light level 0-255
      radio: [[500, "hello"], [900, "go", 1]]                      # [ms, text] or [ms, text, group]

:class:`MicrobitWorld` answers the board's reads one instant at a time (the guest never sees the
timeline). Orientation gestures ("face up", "left" ...) last until the next one; moves ("shake",
"freefall", "3g" ...) last ``hold_ms`` (500 by default) and the board returns to the orientation
it had. Without accelerometer curves, the readings follow the current gesture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from app.sim.hal.inputs import interp
from app.sim.scenario import ScenarioError

GESTURES = ("", "up", "down", "left", "right", "face up", "face down", "freefall", "2g", "3g",
            "6g", "8g", "shake")
MOVES = frozenset(("freefall", "2g", "3g", "6g", "8g", "shake"))
# Readings (milli-g) a board at rest shows in each orientation; during a move, a shaken board.
AT_REST = {"up": (0, -1024, 0), "down": (0, 1024, 0), "left": (-1024, 0, 0),
           "right": (1024, 0, 0), "face up": (0, 0, -1024), "face down": (0, 0, 1024),
           "freefall": (0, 0, 0), "2g": (0, 0, -2048), "3g": (0, 0, -3072),
           "6g": (0, 0, -6144), "8g": (0, 0, -8192), "shake": (1400, -900, -600)}
DEFAULT_HOLD_MS = 500
FIELD_NT = 48_000  # a typical Earth field strength (nT)
MAX_POINTS = 500


@dataclass(frozen=True)
class MicrobitScenario:
    """Validated micro:bit inputs (times in µs)."""

    accel: dict[str, list[list[float]]] = field(default_factory=dict)
    gestures: tuple[tuple[int, str, int | None], ...] = ()
    compass: tuple[tuple[int, float], ...] = ()
    sound: tuple[tuple[int, float], ...] = ()
    light: tuple[tuple[int, float], ...] = ()
    radio: tuple[tuple[int, bytes, int], ...] = ()


def _num(v: Any, where: str, lo: float, hi: float) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
        raise ScenarioError(f"{where}: expected a number in {lo}..{hi}, got {v!r}")
    return float(v)


def _curve(v: Any, where: str, lo: float, hi: float) -> tuple[tuple[int, float], ...]:
    if not isinstance(v, list):
        return ((0, _num(v, where, lo, hi)),)
    if not v or len(v) > MAX_POINTS:
        raise ScenarioError(f"{where}: expected 1..{MAX_POINTS} [ms, value] points")
    out = []
    for i, p in enumerate(v):
        if not isinstance(p, (list, tuple)) or len(p) != 2:
            raise ScenarioError(f"{where}[{i}]: expected [ms, value]")
        out.append((int(_num(p[0], f"{where}[{i}][0]", 0, 600_000) * 1000),
                    _num(p[1], f"{where}[{i}][1]", lo, hi)))
    if [t for t, _ in out] != sorted(t for t, _ in out):
        raise ScenarioError(f"{where}: points must be in time order")
    return tuple(out)


def parse_microbit(data: Any, where: str = "scenario.microbit") -> MicrobitScenario:
    """Validate a scenario's ``microbit:`` mapping."""
    if isinstance(data, MicrobitScenario):
        return data
    if data is None:
        return MicrobitScenario()
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: expected a mapping")
    unknown = set(data) - {"accelerometer", "gestures", "compass", "sound", "light", "radio"}
    if unknown:
        raise ScenarioError(f"{where}: unknown keys {sorted(unknown)}")
    accel: dict[str, list[list[float]]] = {}
    acc = data.get("accelerometer")
    if acc is not None:
        if not isinstance(acc, dict) or set(acc) - {"x", "y", "z"}:
            raise ScenarioError(f"{where}.accelerometer: expected a mapping of x, y, z curves")
        for axis in "xyz":
            default = -1024 if axis == "z" else 0
            accel[axis] = [list(p) for p in _curve(acc.get(axis, default),
                                                   f"{where}.accelerometer.{axis}", -8192, 8192)]
    gestures = []
    for i, g in enumerate(data.get("gestures", []) or []):
        w = f"{where}.gestures[{i}]"
        if not isinstance(g, (list, tuple)) or len(g) not in (2, 3) or g[1] not in GESTURES[1:]:
            raise ScenarioError(f"{w}: expected [ms, gesture] with a gesture among "
                                f"{', '.join(GESTURES[1:])}")
        hold = int(_num(g[2], f"{w}[2]", 1, 60_000) * 1000) if len(g) == 3 else (
            DEFAULT_HOLD_MS * 1000 if g[1] in MOVES else None)
        gestures.append((int(_num(g[0], f"{w}[0]", 0, 600_000) * 1000), g[1], hold))
    if [g[0] for g in gestures] != sorted(g[0] for g in gestures):
        raise ScenarioError(f"{where}.gestures: must be in time order")
    radio = []
    for i, m in enumerate(data.get("radio", []) or []):
        w = f"{where}.radio[{i}]"
        if not isinstance(m, (list, tuple)) or len(m) not in (2, 3) or not isinstance(m[1], str):
            raise ScenarioError(f"{w}: expected [ms, text] or [ms, text, group]")
        group = int(_num(m[2], f"{w}[2]", 0, 255)) if len(m) == 3 else 0
        radio.append((int(_num(m[0], f"{w}[0]", 0, 600_000) * 1000),
                      b"\x01\x00\x01" + m[1].encode()[:248], group))
    if len(radio) > 2000 or len(gestures) > 2000:
        raise ScenarioError(f"{where}: at most 2000 gestures and radio messages")
    radio.sort(key=lambda m: m[0])
    opt = {k: _curve(data[k], f"{where}.{k}", lo, hi) for k, lo, hi in (
        ("compass", 0, 360), ("sound", 0, 255), ("light", 0, 255)) if k in data}
    return MicrobitScenario(accel, tuple(gestures), radio=tuple(radio), **opt)


class MicrobitWorld:
    """What the micro:bit's sensors read at a given host time."""

    def __init__(self, sc: MicrobitScenario) -> None:
        self.sc = sc
        self.gesture_seen: dict[int, int] = {}  # gesture index -> time of the last check
        self.history_since = 0
        self._events: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def gesture_at(self, now: int) -> str:
        orientation, current = "face up", "face up"
        for t, name, hold in self.sc.gestures:
            if t > now:
                break
            if name in MOVES:
                current = name if hold is not None and now < t + hold else orientation
            else:
                orientation = current = name
        return current

    def accel(self, now: int) -> tuple[int, int, int]:
        if self.sc.accel:
            return tuple(int(interp(self.sc.accel[a], now)) for a in "xyz")  # type: ignore[return-value]
        base = AT_REST.get(self.gesture_at(now), AT_REST["face up"])
        if self.gesture_at(now) == "shake":  # a shaken board: the reading swings every 50 ms
            sign = 1 if (now // 50_000) % 2 else -1
            return (sign * base[0], sign * base[1], base[2])
        return base

    def gestures_between(self, t0: int, t1: int) -> list[str]:
        """Gestures that started in ``(t0, t1]`` (orientations and moves), in order."""
        return [name for t, name, _ in self.sc.gestures if t0 < t <= t1]

    def was_gesture(self, index: int, now: int) -> bool:
        since = self.gesture_seen.get(index, 0)
        self.gesture_seen[index] = now
        return GESTURES[index] in self.gestures_between(since - (1 if since == 0 else 0), now)

    def heading(self, now: int) -> int:
        return int(interp([list(p) for p in self.sc.compass], now)) % 360 if self.sc.compass else 0

    def field(self, now: int) -> tuple[int, int, int]:
        rad = math.radians(self.heading(now))
        return (int(FIELD_NT * math.sin(rad)), int(FIELD_NT * math.cos(rad)), -20_000)

    def sound_level(self, now: int) -> int:
        return int(interp([list(p) for p in self.sc.sound], now)) if self.sc.sound else 0

    def light_level(self, now: int) -> int | None:
        return int(interp([list(p) for p in self.sc.light], now)) if self.sc.light else None

    def sound_events(self, loud: int, quiet: int, t0: int, t1: int) -> list[tuple[int, int]]:
        """LOUD (1) and QUIET (2) events in ``(t0, t1]``: the level rising above ``loud``, then
        falling below ``quiet`` (crossings found exactly on the curve's straight segments)."""
        key = (loud, quiet)
        if key not in self._events:
            self._events[key] = _crossings(self.sc.sound, loud, quiet)
        return [e for e in self._events[key] if t0 < e[0] <= t1]


def _crossings(pts: tuple[tuple[int, float], ...], loud: int, quiet: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not pts:
        return out
    state = 0
    if pts[0][1] > loud:
        state = 1
        out.append((pts[0][0], 1))
    for (ta, va), (tb, vb) in zip(pts, pts[1:]):
        def at(level: float) -> int:
            return int(ta + (tb - ta) * (level - va) / (vb - va)) + 1
        if vb > va and vb > loud and state != 1:
            state = 1
            out.append((max(ta, at(loud)) if va <= loud else ta, 1))
        elif vb < va and vb < quiet and state == 1:
            state = 2
            out.append((max(ta, at(quiet)) if va >= quiet else ta, 2))
    return out
