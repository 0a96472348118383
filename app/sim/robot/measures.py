"""What a robot's trajectory shows, measured for the checks: the straight sides and turns it
drove, the part of the room it explored, why it hit something, why it never reached the goal.

Pure functions of a :class:`~app.sim.robot.trajectory.Trajectory` (host-computed, never reported
by the program), so the checks in :mod:`app.sim.robot.checks` can say what happened in numbers
("side 2: 38 cm", "hit the wall at 3.2 s while reversing") and pick the hint that fits the cause.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.sim.robot.sensors import line_edge_distance, to_world
from app.sim.robot.trajectory import Trajectory

MOVING_CM_S = 2.0  # slower than this the robot counts as standing (spin-up, coasting)
STRAIGHT_RAD_S = 0.45  # turning slower than this (~26 degrees/s) counts as driving straight
MIN_SIDE_CM = 5.0  # shorter straight stretches are turning artefacts
MERGE_DEG = 15.0  # straight stretches this aligned, with only a pause between, are one side


def wrap_deg(angle: float) -> float:
    """An angle in degrees folded into -180..180."""
    return (angle + 180.0) % 360.0 - 180.0


@dataclass(frozen=True)
class Side:
    """A straight stretch: where it started and ended, its length and direction (degrees)."""

    t_us: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def length_cm(self) -> float:
        return math.hypot(self.x1 - self.x0, self.y1 - self.y0)

    @property
    def direction_deg(self) -> float:
        return math.degrees(math.atan2(self.y1 - self.y0, self.x1 - self.x0))


def straight_sides(traj: Trajectory) -> list[Side]:
    """The straight stretches the robot drove, in order (pauses without turning merged)."""
    samples, dt = traj.samples, traj.step_us / 1e6
    runs: list[list[int]] = []  # [first, last] sample index of each straight run
    for i in range(len(samples) - 1):
        a, b = samples[i], samples[i + 1]
        straight = abs(a[3]) >= MOVING_CM_S and abs(b[2] - a[2]) / dt <= STRAIGHT_RAD_S
        if straight:
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            else:
                runs.append([i, i + 1])
    sides: list[Side] = []
    for first, last in runs:
        a, b = samples[first], samples[last]
        side = Side(first * traj.step_us, a[0], a[1], b[0], b[1])
        if side.length_cm < MIN_SIDE_CM:
            continue
        if sides and abs(wrap_deg(side.direction_deg - sides[-1].direction_deg)) < MERGE_DEG:
            prev = sides[-1]
            sides[-1] = Side(prev.t_us, prev.x0, prev.y0, side.x1, side.y1)
        else:
            sides.append(side)
    return sides


def turns_deg(sides: list[Side]) -> list[float]:
    """The turn between consecutive sides, degrees (positive = left)."""
    return [wrap_deg(b.direction_deg - a.direction_deg) for a, b in zip(sides, sides[1:])]


def cells_visited(traj: Trajectory, cell_cm: float) -> int:
    """How many squares of ``cell_cm`` the robot's centre entered (a measure of exploring)."""
    return len({(int(s[0] // cell_cm), int(s[1] // cell_cm)) for s in traj.samples})


def straight_ratio(traj: Trajectory, rad_s: float = 0.2) -> float:
    """Of the time the robot was moving, the fraction it drove straight (turning slower than
    ``rad_s``): high for "forward until something is close", low for a robot driving circles."""
    samples, dt = traj.samples, traj.step_us / 1e6
    moving = straight = 0
    for a, b in zip(samples, samples[1:]):
        if abs(a[3]) >= MOVING_CM_S:
            moving += 1
            if abs(b[2] - a[2]) / dt <= rad_s:
                straight += 1
    return straight / moving if moving else 0.0


def farthest_from_start_cm(traj: Trajectory) -> float:
    """The largest distance between the robot's centre and where it started."""
    sx, sy = traj.samples[0][0], traj.samples[0][1]
    return max(math.hypot(s[0] - sx, s[1] - sy) for s in traj.samples)


def net_turn_deg(traj: Trajectory, until_index: int) -> float:
    """How far the robot has turned from its start heading at a sample (positive = left)."""
    return math.degrees(traj.samples[until_index][2] - traj.samples[0][2])


def collision_cause(traj: Trajectory, t_us: int, left_turns_only: bool = False) -> str:
    """Why the contact at ``t_us`` happened: ``reversing`` (driving backwards into something),
    ``turns-wrong-way`` (only for labs asking for left turns: it had turned right, clockwise, by
    more than 45 degrees), or ``hit-wall``."""
    i = min(len(traj.samples) - 1, t_us // traj.step_us)
    # the contact state has zero speed: look at the motion just before it
    speed = next((traj.samples[j][3] for j in range(i - 1, max(-1, i - 30), -1)
                  if abs(traj.samples[j][3]) > 0.5), 0.0)
    if speed < 0:
        return "reversing"
    if left_turns_only and net_turn_deg(traj, i) < -45.0:
        return "turns-wrong-way"
    return "hit-wall"


def moved_cm(traj: Trajectory) -> float:
    """Path length driven (cm)."""
    return traj.path_length_cm


def off_line_cm(traj: Trajectory, index: int) -> float:
    """How far the point between the line sensors is from the nearest line at a sample."""
    line = traj.setup.kit.line
    fx = sum(p.x for p in line) / len(line) if line else 0.0
    fy = sum(p.y for p in line) / len(line) if line else 0.0
    x, y, th = traj.samples[index][:3]
    px, py = to_world(x, y, th, fx, fy)
    segs = traj.world.floor_segments
    return max(0.0, line_edge_distance(tuple(segs), px, py)) if segs else 0.0


def first_off_line_us(traj: Trajectory, flags: list[bool], for_s: float = 0.5) -> int | None:
    """When the robot first stayed off the line for ``for_s`` seconds (None: never)."""
    need = max(1, int(for_s * 1e6 // traj.step_us))
    run = 0
    for i, on in enumerate(flags):
        run = 0 if on else run + 1
        if run >= need:
            return (i - need + 1) * traj.step_us
    return None


def goal_distance_cm(traj: Trajectory) -> float:
    """Closest the robot's centre came to the goal's centre."""
    goal = traj.world.goal
    return min(math.hypot(s[0] - goal.x, s[1] - goal.y) for s in traj.samples)


def stuck_at_end(traj: Trajectory) -> bool:
    """Was the robot pressing against something during its last second?"""
    last = max(1, 1_000_000 // traj.step_us)
    return any(s[4] for s in traj.samples[-last:])
