"""Check kinds over a robot's trajectory (registered in the engine's ``CHECKS`` registry).

They read the host-computed :class:`~app.sim.robot.trajectory.Trajectory` attached to the trace,
never anything the program printed. A lab declares them like any other check::

    - id: goal
      kind: reaches_goal
      params: {within_s: 40}
      message: {it: ..., en: ...}
      hint: {it: ..., en: ...}
"""

from __future__ import annotations

import math
from typing import Any

from app.sim.checks.base import Check, CheckContext, CheckSpecError, check_kind
from app.sim.robot.sensors import clearance_cm
from app.sim.robot.trajectory import Trajectory


def _trajectory(ctx: CheckContext) -> Trajectory:
    traj = getattr(ctx.trace, "robot", None)
    if traj is None:
        raise CheckSpecError("this check needs a robot in the scenario")
    return traj


def _param(check: Check, name: str, default: Any = None, lo: float | None = None) -> float:
    value = check.params.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CheckSpecError(f"{name}: expected a number")
    if lo is not None and value < lo:
        raise CheckSpecError(f"{name}: must be at least {lo}")
    return float(value)


@check_kind
class ReachesGoal(Check):
    """The robot's centre enters the world's goal region within ``within_s`` seconds."""

    kind = "reaches_goal"
    required = ("within_s",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        traj = _trajectory(ctx)
        if traj.world.goal is None:
            raise CheckSpecError("the world has no goal")
        limit = _param(self, "within_s", lo=0.1)
        t = traj.goal_time_us()
        if t is None:
            return False, "the goal was never reached"
        return t <= limit * 1e6, f"goal reached at {t / 1e6:.2f} s (limit {limit:g} s)"


@check_kind
class OnLine(Check):
    """The point between the line sensors is over the line for at least ``min_ratio`` of the
    time (until the goal is reached, when there is one)."""

    kind = "on_line"
    required = ("min_ratio",)
    optional = ("tolerance_cm", "point")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        traj = _trajectory(ctx)
        ratio = _param(self, "min_ratio", lo=0)
        tol = _param(self, "tolerance_cm", 1.0, lo=0)
        point = self.params.get("point", "front")
        if point not in ("front", "center"):
            raise CheckSpecError("point: 'front' or 'center'")
        flags = traj.on_line_flags(tol, point)
        goal_t = traj.goal_time_us()
        if goal_t is not None:
            flags = flags[: goal_t // traj.step_us + 1]
        got = sum(flags) / len(flags) if flags else 0.0
        return got >= ratio, f"on the line {got:.0%} of the time (need {ratio:.0%})"


@check_kind
class NoCollision(Check):
    """At most ``max`` collisions (default none)."""

    kind = "no_collision"
    optional = ("max",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        traj = _trajectory(ctx)
        most = int(_param(self, "max", 0, lo=0))
        n = len(traj.collisions)
        if n == 0:
            return True, "no collisions"
        first = traj.collisions[0]
        return n <= most, f"{n} collision(s), the first at {first[0] / 1e6:.2f} s"


@check_kind
class StopsNearObstacle(Check):
    """At the end the robot stands still (for ``still_s``) with its body between ``min_cm`` and
    ``max_cm`` from the nearest wall or obstacle."""

    kind = "stops_near_obstacle"
    required = ("min_cm", "max_cm")
    optional = ("still_s",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        traj = _trajectory(ctx)
        lo, hi = _param(self, "min_cm", lo=0), _param(self, "max_cm", lo=0)
        still = _param(self, "still_s", 1.0, lo=0)
        since = traj.stopped_since_us()
        last = traj.samples[-1]
        gap = clearance_cm(traj.world, last[0], last[1], traj.setup.kit.radius_cm)
        if since is None or traj.duration_us - since < still * 1e6:
            return False, f"still moving at the end ({gap:.1f} cm from the nearest obstacle)"
        return lo <= gap <= hi, f"stopped {gap:.1f} cm from the nearest obstacle (want {lo:g}-{hi:g} cm)"


@check_kind
class PathLength(Check):
    """The distance driven is between ``min_cm`` and ``max_cm``."""

    kind = "path_length"
    optional = ("min_cm", "max_cm")

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        traj = _trajectory(ctx)
        lo = _param(self, "min_cm", 0, lo=0)
        hi = _param(self, "max_cm", 1e9, lo=0)
        got = traj.path_length_cm
        return lo <= got <= hi, f"drove {got:.0f} cm (want {lo:g}-{hi:g} cm)"


@check_kind
class Visits(Check):
    """The robot passes near each point, in order. Points are relative to the start pose:
    ``[forward_cm, left_cm]``, so the same check works wherever a world puts the robot."""

    kind = "visits"
    required = ("points",)
    optional = ("radius_cm",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        traj = _trajectory(ctx)
        pts = self.params["points"]
        if not isinstance(pts, list) or not pts or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(v, (int, float)) for v in p)
                for p in pts):
            raise CheckSpecError("points: expected a list of [forward_cm, left_cm]")
        radius = _param(self, "radius_cm", 10, lo=0.5)
        sx, sy, heading = traj.world.start
        c, s = math.cos(math.radians(heading)), math.sin(math.radians(heading))
        targets = [(sx + f * c - l * s, sy + f * s + l * c) for f, l in pts]
        i = 0
        for sample in traj.samples:
            tx, ty = targets[i]
            if math.hypot(sample[0] - tx, sample[1] - ty) <= radius:
                i += 1
                if i == len(targets):
                    return True, f"visited all {len(targets)} points in order"
        return False, f"visited {i} of {len(targets)} points in order (point {i + 1} missed)"


@check_kind
class SteeringLevels(Check):
    """The difference between the wheel powers takes at least ``min_levels`` distinct values
    (proportional steering rather than on/off)."""

    kind = "steering_levels"
    required = ("min_levels",)

    def evaluate(self, ctx: CheckContext) -> tuple[bool, str]:
        traj = _trajectory(ctx)
        need = int(_param(self, "min_levels", lo=2))
        levels = {round(left - right, 2) for _, left, right in traj.commands_timeline()}
        return len(levels) >= need, f"{len(levels)} distinct steering levels (need {need})"
