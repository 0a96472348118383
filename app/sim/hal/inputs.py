"""The scenario's inputs as the host's virtual board sees them, answered one read at a time.

Owns everything the outside world does to the board during a run: scripted button timelines
(with contact bounce), analog curves (potentiometers, light sensors), ultrasonic echoes computed
from the trigger edges the host itself recorded, TMP102 temperatures and the board's own
temperature. None of it is ever sent to the guest: each read gets one value for one instant of
the host's clock, so a program cannot learn the timeline ahead or replay another scenario's.
"""

from __future__ import annotations

from typing import Any

ECHO_DELAY_US = 1000  # from the trigger to the echo (the burst, and room for Python)
NO_ECHO_US = 38_000


def interp(points: list[list[float]], t: int) -> float:
    """Linear interpolation over ``[[t, value], ...]`` sorted by time (any time unit: the host's
    inputs use µs, the checks the scenario's ms); constant before the first and after the last."""
    if not points:
        return 0.0
    if t <= points[0][0]:
        return points[0][1]
    prev = points[0]
    for p in points:
        if p[0] >= t:
            span = p[0] - prev[0]
            if span <= 0:
                return p[1]
            return prev[1] + (p[1] - prev[1]) * (t - prev[0]) / span
        prev = p
    return prev[1]


class ScenarioInputs:
    """Input devices of one run (built from :func:`app.sim.scenario.guest_devices`)."""

    def __init__(self, devices: dict[str, Any], board_temp: list[list[float]]) -> None:
        self.buttons: dict[str, Any] = devices.get("buttons", {})
        self.analog: dict[str, list[list[float]]] = devices.get("analog", {})
        self.sonars: list[dict[str, Any]] = list(devices.get("sonar", []))
        self.tmp102 = {d["addr"]: d["c"] for d in devices.get("i2c_temp", [])}
        self.board_temp = board_temp
        self.trig_high: dict[str, int] = {}  # echo key -> time the trigger went high
        self.echo: dict[str, tuple[int, int]] = {}  # echo key -> (start, end) of the pulse
        self.by_trigger: dict[str, list[dict[str, Any]]] = {}
        for s in self.sonars:
            self.by_trigger.setdefault(s["trig"], []).append(s)

    # ---- buttons ---------------------------------------------------------------------------
    def pressed(self, key: str, now: int) -> int | None:
        """1/0 while a scripted button is pressed/released, None when ``key`` has none."""
        b = self.buttons.get(key)
        if b is None:
            return None
        state = 0
        for t, p in b["changes"]:
            if t > now:
                break
            state = p
        return state

    def presses_between(self, key: str, t0: int, t1: int) -> int:
        """Press edges of a button in ``(t0, t1]``."""
        b = self.buttons.get(key)
        if b is None:
            return 0
        n, prev = 0, 0
        for t, p in b["changes"]:
            if p and not prev and t0 < t <= t1:
                n += 1
            prev = p
        return n

    def edges(self, key: str, pull: int | None, now: int) -> list[tuple[int, int]]:
        """Future level changes ``[(t, level)]`` of a scripted input pin."""
        b = self.buttons.get(key)
        out: list[tuple[int, int]] = []
        if b is None:
            return out
        last = None
        for t, p in b["changes"]:
            lvl = b["active"] if p else (1 if pull == 1 else 0)
            if lvl != last and t > now:
                out.append((t, lvl))
            last = lvl
        return out

    # ---- levels and analog -----------------------------------------------------------------
    def level(self, key: str, pull: int | None, now: int, robot: Any = None) -> int:
        """Electrical level on an input pin (pull: 1 up, 0 down, None floating)."""
        echo = self.echo.get(key)
        if echo is not None:
            return 1 if echo[0] <= now < echo[1] else 0
        if robot is not None:
            lvl = robot.level(key, now)
            if lvl is not None:
                return lvl
        p = self.pressed(key, now)
        if p is not None:
            if p:
                return self.buttons[key]["active"]
            return 1 if pull == 1 else 0
        curve = self.analog.get(key)
        if curve is not None:
            return 1 if interp(curve, now) > 32767 else 0
        return 1 if pull == 1 else 0

    def analog_u16(self, key: str, now: int, robot: Any = None) -> int:
        """16-bit reading of an analog input (0 when nothing is wired to it)."""
        if robot is not None:
            v = robot.analog(key, now)
            if v is not None:
                return int(v)
        curve = self.analog.get(key)
        if curve is None:
            return 0
        v = int(interp(curve, now))
        return 0 if v < 0 else (65535 if v > 65535 else v)

    def temperature(self, now: int) -> float:
        """The board's own temperature (°C)."""
        return interp(self.board_temp, now)

    def tmp102_c(self, addr: int, now: int) -> float | None:
        """Temperature a TMP102 at ``addr`` measures, None when no such sensor."""
        curve = self.tmp102.get(addr)
        return None if curve is None else interp(curve, now)

    # ---- ultrasonic ------------------------------------------------------------------------
    def trigger_changed(self, key: str, level: int, now: int, robot: Any = None) -> None:
        """A pin the host drove changed: a falling trigger after >= 8 µs high starts an echo."""
        for s in self.by_trigger.get(key, ()):
            echo_key = s["echo"]
            if level:
                self.trig_high[echo_key] = now
                continue
            start = self.trig_high.pop(echo_key, None)
            if start is None or now - start < 8:
                continue
            if "robot" in s and robot is not None:
                cm = robot.sonar_cm(s["robot"], now)
            else:
                cm = interp(s["cm"], now)
            t0 = now + ECHO_DELAY_US
            width = NO_ECHO_US if cm <= 0 or cm > 400 else int(cm * 58)
            self.echo[echo_key] = (t0, t0 + width)

    def next_change(self, key: str, level: int, now: int, limit: int) -> int | None:
        """Earliest time <= ``limit`` when echo pin ``key`` reads ``level`` (time_pulse_us)."""
        echo = self.echo.get(key)
        if echo is None:
            return None
        a, b = echo
        if level:
            if now < b and a <= limit:
                return max(a, now)
            return None
        if now < a or now >= b:
            return now
        return b if b <= limit else None
