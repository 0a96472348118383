"""A robot run's trajectory: poses per physics step, collisions and motor commands.

Built on the host from the physics (never from anything the guest reports about itself), it is
what the trajectory checks measure and what the SVG and the replay draw. ``replay_data`` thins it
to a JSON payload small enough to embed in a web page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from app.sim.robot.kits import RobotSetup
from app.sim.robot.sensors import to_world

FINE_TOLERANCE_CM = 2.5  # on_line_flags asks a fine grid up to this widening (the coarse grid's
# margin is 3 cm)

# one sample per physics step: (x_cm, y_cm, heading_rad, speed_cm_s, blocked 0/1)
Sample = tuple[float, float, float, float, int]


@dataclass(frozen=True)
class Trajectory:
    """Samples at ``t = i * step_us`` and what happened along the way."""

    setup: RobotSetup
    step_us: int
    samples: tuple[Sample, ...]
    collisions: tuple[tuple[int, float, float], ...]  # (t_us, x, y) where a contact began
    commands: tuple[tuple[int, int, float], ...]  # (t_us, motor 0 left / 1 right, power -1..1)

    @classmethod
    def build(cls, setup: RobotSetup, states: list[tuple[float, float, float, float, float, int]],
              commands: list[tuple[int, int, float]]) -> Trajectory:
        samples = []
        collisions = []
        # pushing against a wall is one collision: a new one needs half a second free of contact
        gap = max(1, 500_000 // setup.step_us)
        last_hit = -gap - 1
        for i, (x, y, th, vl, vr, hit) in enumerate(states):
            samples.append((x, y, th, (vl + vr) / 2, hit))
            if hit:
                if i - last_hit > gap:
                    collisions.append((i * setup.step_us, x, y))
                last_hit = i
        return cls(setup, setup.step_us, tuple(samples), tuple(collisions), tuple(commands))

    @property
    def world(self) -> Any:
        return self.setup.world

    @property
    def duration_us(self) -> int:
        return (len(self.samples) - 1) * self.step_us

    @cached_property
    def path_length_cm(self) -> float:
        total = 0.0
        for a, b in zip(self.samples, self.samples[1:]):
            total += math.hypot(b[0] - a[0], b[1] - a[1])
        return total

    def goal_time_us(self) -> int | None:
        """First time the robot's centre is inside the goal region (None: never, or no goal)."""
        return self._goal_time_us

    @cached_property
    def _goal_time_us(self) -> int | None:
        goal = self.world.goal
        if goal is None:
            return None
        for i, s in enumerate(self.samples):
            if goal.contains(s[0], s[1]):
                return i * self.step_us
        return None

    def front_point(self, s: Sample) -> tuple[float, float]:
        """The point between the line sensors (or the centre when there are none)."""
        line = self.setup.kit.line
        if not line:
            return s[0], s[1]
        fx = sum(p.x for p in line) / len(line)
        fy = sum(p.y for p in line) / len(line)
        return to_world(s[0], s[1], s[2], fx, fy)

    def on_line_flags(self, tolerance_cm: float = 0.0, point: str = "front") -> list[bool]:
        """Per sample: is the reference point over a line (widened by ``tolerance_cm``)?"""
        line = self.setup.kit.line
        fx = sum(p.x for p in line) / len(line) if line and point == "front" else 0.0
        fy = sum(p.y for p in line) / len(line) if line and point == "front" else 0.0
        if 0.0 <= tolerance_cm <= FINE_TOLERANCE_CM:  # only lines within reach, per 4 cm cell
            near = self.world.line_reach_grid(tolerance_cm).near
        else:
            near = self.world.floor_grid.near_prepared
        out = []
        cos, sin, hypot = math.cos, math.sin, math.hypot
        for x, y, th, _, _ in self.samples:
            c, s = cos(th), sin(th)  # sensors.to_world, inlined
            px, py = x + fx * c - fy * s, y + fx * s + fy * c
            on = False
            # sensors.line_edge_distance(...) <= tolerance_cm: the first edge close enough
            for x0, y0, dx, dy, length2, hw in near(px, py):
                ex, ey = px - x0, py - y0
                t = (ex * dx + ey * dy) / length2 if length2 > 0.0 else 0.0
                if t < 0.0:
                    t = 0.0
                elif t > 1.0:
                    t = 1.0
                if hypot(ex - t * dx, ey - t * dy) - hw <= tolerance_cm:
                    on = True
                    break
            out.append(on)
        return out

    def stopped_since_us(self, speed_cm_s: float = 0.5) -> int | None:
        """Time from which the robot no longer moved (None if it was moving at the end)."""
        i = len(self.samples) - 1
        if abs(self.samples[i][3]) > speed_cm_s:
            return None
        while i > 0 and abs(self.samples[i - 1][3]) <= speed_cm_s:
            i -= 1
        return i * self.step_us

    def commands_timeline(self) -> list[tuple[int, float, float]]:
        """(t_us, left, right) each time a motor command changed."""
        return list(self._commands_timeline)

    @cached_property
    def _commands_timeline(self) -> tuple[tuple[int, float, float], ...]:
        left = right = 0.0
        out: list[tuple[int, float, float]] = []
        for t, m, v in self.commands:
            if m == 0:
                left = v
            else:
                right = v
            if out and out[-1][0] == t:
                out[-1] = (t, left, right)
            else:
                out.append((t, left, right))
        return tuple(out)

    def replay_data(self, frame_us: int = 50_000, hidden: bool = False) -> dict[str, Any]:
        """A JSON-able summary for the replay: world, thinned frames, collisions, commands."""
        every = max(1, frame_us // self.step_us)
        idx = list(range(0, len(self.samples), every))
        if idx[-1] != len(self.samples) - 1:
            idx.append(len(self.samples) - 1)
        kit = self.setup.kit
        return {
            "kit": {"name": kit.name, "title": kit.title, "radius": kit.radius_cm,
                    "track": kit.track_cm,
                    "line_sensors": [[s.x, s.y] for s in kit.line],
                    "sonars": [[s.x, s.y, s.angle] for s in kit.sonars]},
            "world": None if hidden else self.world.describe(),
            "duration_us": self.duration_us,
            "frames": [[i * self.step_us, round(self.samples[i][0], 2), round(self.samples[i][1], 2),
                        round(math.degrees(self.samples[i][2]), 1)] for i in idx],
            "collisions": [[t, round(x, 2), round(y, 2)] for t, x, y in self.collisions],
            "commands": [[t, round(a, 3), round(b, 3)] for t, a, b in self._commands_timeline[:5000]],
            "path_length_cm": round(self.path_length_cm, 1),
            "goal_time_us": self.goal_time_us(),
        }

