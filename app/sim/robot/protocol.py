"""The host side of the guest's ``robot`` host calls: parse a message, drive the physics, reply.

Messages are short ASCII texts built by ``app/sim/guest/_simrobot.py``::

    S <step>|<commands>           readings at <step> and a few steps after it
    D <step> <sonar>|<commands>   what sonar <sonar> measures at <step> (mm, -1 = no echo)
    E <step>|<commands>           the program ended: take the last commands
    <commands> = <eff_step>,<motor>,<power -65535..65535>;...

The reply to ``S`` is ``<first step>|<base64>``: for each step from the first, the line-sensor
values then the bumper states, as little-endian u16s. How many steps ahead we answer adapts: it doubles while the
guest keeps using them and halves when new commands keep invalidating them. The message is
untrusted (student code can call it directly) but it can only do what motor pins can: malformed
parts are ignored and commands can never rewrite steps whose readings were already handed out.
"""

from __future__ import annotations

import base64
import struct
from typing import Callable

from app.sim.robot.physics import RobotSim

MAX_AHEAD = 32
MAX_COMMANDS = 512


class RobotHost:
    """Wraps a :class:`RobotSim` as the engine's ``robot`` handler."""

    def __init__(self, sim: RobotSim) -> None:
        self.sim = sim
        self.ahead = 4
        self.last_end = -1  # last step of the readings handed out by the previous S
        self.calls = 0

    def _commands(self, text: bytes) -> int:
        """Apply commands; returns the earliest effective step seen (or a huge number)."""
        earliest = 1 << 62
        for n, part in enumerate(text.split(b";")):
            if n >= MAX_COMMANDS or not part:
                break
            try:
                e, m, p = (int(v) for v in part.split(b","))
            except ValueError:
                continue
            if e < earliest:
                earliest = e
            self.sim.command(e, m, p / 65535.0)
        return earliest

    def __call__(self, payload: bytes) -> bytes:
        self.calls += 1
        sim = self.sim
        head, _, cmds = payload.partition(b"|")
        parts = head.split()
        try:
            op = parts[0]
            step = int(parts[1])
        except (IndexError, ValueError):
            return b"E"
        step = min(max(step, sim.floor_step), sim.end_step)
        earliest = self._commands(cmds)
        if op == b"S":
            if earliest <= self.last_end:
                self.ahead = max(1, self.ahead // 2)
            elif self.last_end >= 0:
                self.ahead = min(MAX_AHEAD, self.ahead * 2)
            last = min(step + self.ahead - 1, sim.end_step)
            values = [v for k in range(step, last + 1) for v in sim.line_and_bumpers(k)]
            sim.floor_step = step
            self.last_end = last
            return b"%d|" % step + base64.b64encode(struct.pack("<%dH" % len(values), *values))
        if op == b"D":
            try:
                index = int(parts[2])
            except (IndexError, ValueError):
                return b"-1"
            sim.floor_step = max(sim.floor_step, step)
            return b"%d" % sim.sonar_mm(step, index)
        return b"ok"


def make_handler(sim: RobotSim) -> Callable[[bytes], bytes]:
    """The callable the engine invokes for each ``robot`` host call."""
    return RobotHost(sim)
