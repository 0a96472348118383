"""The host's virtual board: its clock, scheduler, callbacks and trace, and the command dispatch.

Owns the run's simulated time, which only moves forward by host rules: at every host call the
guest's fuel spent since the previous call is converted at :data:`FUEL_PER_US`, each board call
adds what it takes on a board, and sleeps wait on the host's clock. Timer and pin-IRQ callbacks
are scheduled here; when one is due the reply to the guest's call is ``"!"`` with the callback id
in the argument array, the guest runs it, says ``k`` (continue) and the interrupted command is
performed afterwards (as an interrupt delays the main program on a board). The trace is a list
of :class:`~app.sim.trace.Event` stamped with this clock; the guest never sends an event or a
time. The run ends here (:class:`RunEnded`) at the scenario's end, on ``exit`` or when ``main.py``
returned with nothing left to run.
"""

from __future__ import annotations

import heapq
from typing import Any, Callable

from app.sim.boards import Board
from app.sim.hal.inputs import ScenarioInputs
from app.sim.scenario import Scenario, guest_devices
from app.sim.trace import MAX_EVENTS, Event

# Guest fuel per simulated microsecond: busy code advances the clock this fast (a loop iteration
# such as `y += 1` takes about 25 us, some 3-5 times a Pico's time: a compromise between board-like
# computing speed and the cost of grading). A busy-wait loop then makes ~10-20k host calls per
# simulated second, so even a minute of busy polling grades in a few seconds of CPU.
FUEL_PER_US = 50
TICKS_MASK = (1 << 30) - 1
MAX_PENDING = 4096  # scheduled timer/IRQ entries at once (more are dropped, like a full queue)
ROBOT_STEP_FUEL = 500  # host physics work per robot step, charged to the program's budget
DATA_COMMANDS = frozenset(b"NUHK?dtoue")  # commands whose payload is data, not a target label
NAME_LIMIT = 24


class RunEnded(Exception):
    """Raised inside a host call to stop the guest: ``reason`` is time, done, exit or output."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class VirtualBoard:
    """One run's board. :meth:`call` is the only entry point the engine uses."""

    def __init__(self, board: Board, scenario: Scenario, robot: Any = None) -> None:
        self.board = board
        self.scenario = scenario
        self.end_us = int(scenario.seconds * 1_000_000)
        self.robot = robot  # app.sim.robot.protocol.RobotLink or None
        if robot is not None:
            robot.board = self  # it charges the physics steps it computes to this run's budget
        devices = guest_devices(scenario, board)
        if robot is not None:  # the robot's sonars answer from its physics
            devices["sonar"] = devices["sonar"] + robot.sonar_devices()
        self.devices = devices
        self.wdt_deadline: int | None = None  # a started machine.WDT resets the board at this time
        self.inputs = ScenarioInputs(devices, [
            [int(t * 1000), c] for t, c in scenario.board_temperature])
        self.now = 0
        self.carry = 0  # fuel not yet converted to a whole microsecond
        self.started = False
        self.slept = False  # the program paused at least once (for the fuel explanation)
        self.events: list[Event] = []
        self.truncated = False
        self.internal: dict[str, Any] = {}
        self.queue: list[tuple[int, int, int, Any]] = []  # (t, seq, callback id, check)
        self.seq = 0
        self.in_cb = False
        self.pending: Callable[[], bool] | None = None
        self.sources: set[int] = set()  # live timers and IRQs (callback ids)
        self.charge = 0
        self.res_i: tuple[int, ...] | list[int] | None = None
        self.res_b: bytes | None = None
        self.handlers: dict[int, Callable[[str, bytes, tuple[int, ...]], bool | None]] = {}
        self._targets: dict[bytes, str] = {}  # decoded target labels (a few per program)
        self._routes: dict[bytes, tuple[Any, str | None]] = {}  # command name -> its route
        from app.sim.hal.machine import MachineIO

        self.machine = MachineIO(self)
        self.machine.install(self.handlers)
        from app.sim.hal.devices import DevicesIO

        DevicesIO(self).install(self.handlers)
        if board.family == "microbit":
            from app.sim.hal.microbit import MicrobitIO

            MicrobitIO(self).install(self.handlers)

    # ---- trace ---------------------------------------------------------------------------
    def log(self, source: str, kind: str, value: Any) -> None:
        """Record an event at the current time (capped at MAX_EVENTS)."""
        if len(self.events) >= MAX_EVENTS:
            self.truncated = True
            return
        self.events.append(Event(self.now, source, kind, value))

    # ---- clock ---------------------------------------------------------------------------
    def cost(self, us: int) -> None:
        """The board spends ``us`` in a call: time moves on and the same is charged as fuel."""
        if us.__class__ is not int or us < 0:
            us = max(0, int(us))
        self.charge += us * FUEL_PER_US
        now = self.now = self.now + us
        if now >= self.end_us:
            self.now = self.end_us
            raise RunEnded("time")

    def wait(self, target: int, after: Callable[[], None] | None = None) -> bool:
        """Sleep until ``target`` (callbacks due before it run first); True if one was
        delivered (the wait resumes on ``k``)."""
        self.slept = True
        if self.queue or self.wdt_deadline is not None:  # something may interrupt the wait
            wdt = self.wdt_deadline
            if wdt is not None and wdt < min(target, self.end_us):  # the watchdog bites first
                if self._deliver(wdt, lambda: self.wait(target, after)):
                    return True
                self.now = max(self.now, wdt)
                self.watchdog_reset()
            if self._deliver(min(target, self.end_us), lambda: self.wait(target, after)):
                return True
        if target >= self.end_us:
            self.now = self.end_us
            raise RunEnded("time")
        if target > self.now:
            self.now = target
        if after is not None:
            after()
        return False

    def watchdog_reset(self) -> None:
        """A starved machine.WDT resets the board: the run ends here, as ``exit``."""
        self.log("wdt", "reset", self.now)
        self.internal["end"] = "watchdog"
        raise RunEnded("exit")

    def schedule(self, t: int, cb_id: int, check: Any) -> None:
        """Run callback ``cb_id`` at ``t`` if ``check()`` still holds then."""
        if len(self.queue) >= MAX_PENDING:
            return
        self.seq += 1
        heapq.heappush(self.queue, (t, self.seq, cb_id, check))

    def _deliver(self, limit: int, resume: Callable[[], bool]) -> bool:
        if self.in_cb:
            return False
        q = self.queue
        while q and q[0][0] <= limit:
            t, _, cb_id, check = heapq.heappop(q)
            if t > self.now:
                self.now = t  # time moves on to the entry even if it is stale (we wait past it)
            if not check(t):
                continue
            self.in_cb = True
            self.pending = resume
            self.res_i = [cb_id]
            return True
        return False

    # ---- entry point ---------------------------------------------------------------------
    def call(self, name: bytes, payload: bytes, args: Any, fuel: int) -> tuple[bytes, int]:
        """Handle one guest command; returns (reply, fuel to charge). ``fuel`` is what the
        guest spent since the previous call; ``args`` its argument array (a live view: copied
        before a command is deferred). Raises :class:`RunEnded` to stop the run."""
        # The hot path of every board API call (tens of thousands per robot grade): plain
        # attribute reads, no helper calls unless something is due.
        self.res_i = self.res_b = None
        self.charge = 0
        if not self.started:
            if name == b"g":  # the student's code starts now: so does the clock
                self.started = True
            return b"", 0
        fuel += self.carry
        self.carry = fuel % FUEL_PER_US
        now = self.now = self.now + fuel // FUEL_PER_US
        if self.robot is not None and self.robot.sim.goal_step is not None:
            self._end_at_goal()
        if now >= self.end_us:
            self.now = self.end_us
            raise RunEnded("time")
        if self.wdt_deadline is not None and now >= self.wdt_deadline:
            self.now = self.wdt_deadline
            self.watchdog_reset()
        route = self._routes.get(name)
        if route is None:
            route = self._route(name)
        handler, target = route
        if handler is None:
            if not name or target is not None:  # nothing, or a target that is not text
                return b"", self.charge
            if name[0] == 0x6B:  # "k": the callback finished; resume what it interrupted
                return self._resume(), self.charge
            self.cost(1)
            return b"", self.charge
        if target is None:  # the payload names the target: a pin label or bus
            target = self._targets.get(payload)
            if target is None:
                try:
                    target = payload[:NAME_LIMIT].decode("ascii")
                except UnicodeDecodeError:
                    return b"", self.charge
                if len(payload) <= NAME_LIMIT and len(self._targets) < 256:
                    self._targets[payload] = target
            payload = b""
        try:
            q = self.queue
            if q and not self.in_cb and q[0][0] <= now:  # a callback is due first
                args = tuple(args)

                def op() -> bool:
                    return bool(handler(target, payload, args))

                return (b"!" if self._run(op) else b""), self.charge
            return (b"!" if handler(target, payload, args) else b""), self.charge
        except RunEnded:
            raise
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            return b"", self.charge  # a malformed command does nothing (it is untrusted)

    def _route(self, name: bytes) -> tuple[Any, str | None]:
        """(handler, target) of a command name: the target follows the letter for commands
        whose payload is data, else it is the payload (None here). No handler: an empty name,
        "k" or an unknown letter (target None), or a target that is not ASCII (target "")."""
        handler = self.handlers.get(name[0]) if name and name[0] != 0x6B else None
        target = None
        if handler is not None and name[0] in DATA_COMMANDS:
            try:
                target = name[1:].decode("ascii")
            except UnicodeDecodeError:
                handler, target = None, ""  # ignored
        route = (handler, target)
        if len(name) <= NAME_LIMIT and len(self._routes) < 256:
            self._routes[name] = route
        return route

    def _resume(self) -> bytes:
        """The guest's "k": the callback finished; perform what it interrupted."""
        self.in_cb = False
        op, self.pending = self.pending, None
        if op is None:
            return b""
        try:
            return b"!" if op() else b""
        except RunEnded:
            raise
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            return b""

    def _end_at_goal(self) -> None:
        """A robot lab whose checks look only up to the goal (``stop_at_goal_s``) ends the run
        that long after the robot first reached it: the rest would change no grade."""
        done = self.robot.sim.done_us
        if done is not None and done < self.end_us:
            self.end_us = max(self.now, done)

    def _run(self, op: Callable[[], bool]) -> bool:
        """Deliver a due callback first (``op`` then waits for ``k``), else perform ``op``."""
        if self._deliver(self.now, lambda: self._run(op)):
            return True
        return op()

    # ---- results -------------------------------------------------------------------------
    def ints(self, *values: int) -> None:
        """Results for the guest's argument array (32-bit; the engine clamps)."""
        self.res_i = values

    def data(self, blob: bytes) -> None:
        """A byte result for the guest's reply buffer."""
        self.res_b = bytes(blob)

    def end_reason(self) -> str | None:
        return self.internal.get("end")
