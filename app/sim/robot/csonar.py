"""The HC-SR04 sonars of the robot that runs inside the interpreter (modrobot.c), host side.

While the robot runs in C, the guest answers trigger writes and ``time_pulse_us`` on a sonar's
echo itself, so the state they change lives in the guest's robot struct: each trigger pin's level,
when it went high, the echo pulse it started, and the "value" events of the trigger pin. At every
real host call :meth:`SonarSync.sonars_from_guest` brings that state into the board (its pins, its
scenario inputs and its trace, events checked and in order) and :meth:`SonarSync.sonars_to_guest`
hands the board's state back after the call, so the Python handlers and the C code always see one
sonar. Only sonars with a trigger and an echo of their own are served in C.
"""

from __future__ import annotations

from typing import Any

from app.sim.trace import MAX_EVENTS, Event

SONARS_AT, SONAR_SLOTS = 184, 11  # int64 index of sonar 0; slots: latch (-1: never driven)
# trig_high echo_a echo_b (-1: none), then doubles sx sy fan[5]
NSONAR, NEVENTS, HAS_BORDER = 172, 173, 174
D_WIDTH, D_HEIGHT, D_SONAR_NOISE = 180, 181, 182
EVENTS_AT, MAX_C_EVENTS = 228, 64


class GuestRobotError(Exception):
    """The robot struct in the guest's memory holds what the C robot can never write there (a
    clock going back, a charge below zero, a broken timeline): the run cannot be trusted."""


class SonarSync:
    """Mixed into :class:`app.sim.robot.crobot.CRobot` (which provides ``q``, ``d``, ``sim``,
    ``board``, ``slot_labels`` and ``handed_now``)."""

    q: Any
    d: Any
    sim: Any
    board: Any
    slot_labels: list[str]
    handed_now: int

    def _sonars_init(self, board: Any) -> None:
        from app.sim.robot.sensors import _fan_radians

        q, d, sim = self.q, self.d, self.sim
        kit, world = sim.kit, sim.world
        inputs = board.inputs
        self.sonar_trig: dict[str, int] = {}  # trigger key -> sonar index (served in C)
        self.sonar_echo: dict[str, int] = {}  # echo key -> sonar index
        self.sonar_keys: list[tuple[str, str]] = []
        echoes = [s["echo"] for group in inputs.by_trigger.values() for s in group]
        for i, s in enumerate(kit.sonars):
            self.sonar_keys.append((s.trigger, s.echo))
            group = inputs.by_trigger.get(s.trigger, [])
            if len(group) == 1 and group[0].get("robot") == i and echoes.count(s.echo) == 1:
                self.sonar_trig[s.trigger] = i
                self.sonar_echo[s.echo] = i
            o = SONARS_AT + SONAR_SLOTS * i
            q[o], q[o + 1], q[o + 2], q[o + 3] = -1, -1, -1, -1
            d[o + 4], d[o + 5] = s.x, s.y
            for j, r in enumerate(_fan_radians(s.angle)):
                d[o + 6 + j] = r
        q[NSONAR] = len(kit.sonars)
        q[NEVENTS] = 0
        q[HAS_BORDER] = 1 if world.border else 0
        d[D_WIDTH], d[D_HEIGHT] = world.width, world.height
        d[D_SONAR_NOISE] = sim.setup.noise.sonar_cm

    def sonars_to_guest(self) -> None:
        """After a real call: the board's trigger levels and echoes into the guest."""
        if not self.sonar_trig:
            return
        q, board = self.q, self.board
        pins, inputs = board.machine.pins, board.inputs
        for trig, i in self.sonar_trig.items():
            echo_key = self.sonar_keys[i][1]
            o = SONARS_AT + SONAR_SLOTS * i
            pin = pins.get(trig)
            echo = inputs.echo.get(echo_key)
            latch = pin.latch if pin is not None else None
            q[o] = -1 if latch is None else latch  # (never driven yet: -1)
            q[o + 1] = inputs.trig_high.get(echo_key, -1)
            q[o + 2], q[o + 3] = echo if echo is not None else (-1, -1)

    def sonars_from_guest(self, now: int) -> None:
        """Before a real call: the trigger events the guest logged into the trace, its trigger
        levels and echoes into the board (``now``: the guest's clock, already checked)."""
        q, board = self.q, self.board
        n = q[NEVENTS]
        if n:
            if not 0 < n <= MAX_C_EVENTS:
                raise GuestRobotError("the sonar events in the guest")
            events, last = board.events, self.handed_now
            for e in range(n):
                o = EVENTS_AT + 3 * e
                t, slot, value = q[o], q[o + 1], q[o + 2]
                if not (last <= t <= now and 0 <= slot < len(self.slot_labels) and value in (0, 1)):
                    raise GuestRobotError("the sonar events in the guest")
                last = t
                if len(events) >= MAX_EVENTS:
                    board.truncated = True
                else:
                    events.append(Event(t, "pin:" + self.slot_labels[slot], "value", value))
            q[NEVENTS] = 0
        if not self.sonar_trig:
            return
        pins, inputs = board.machine.pins, board.inputs
        for trig, i in self.sonar_trig.items():
            echo_key = self.sonar_keys[i][1]
            o = SONARS_AT + SONAR_SLOTS * i
            latch, high, a, b = q[o], q[o + 1], q[o + 2], q[o + 3]
            if latch not in (-1, 0, 1) or high < -1 or high > now or a < -1 or (a >= 0 and b < a):
                raise GuestRobotError("the sonar state in the guest")
            pin = pins.get(trig)
            if pin is not None:
                pin.latch = None if latch < 0 else latch
            if high >= 0:
                inputs.trig_high[echo_key] = high
            else:
                inputs.trig_high.pop(echo_key, None)
            if a >= 0:
                inputs.echo[echo_key] = (a, b)

    def sonar_reading(self, index: int, now: int) -> float:
        """A falling trigger the board saw in a real call: the C robot computes the echo right
        after the call (from its own states); the placeholder returned here is replaced then."""
        self.complete(69, index, now)  # type: ignore[attr-defined]
        return -1.0
