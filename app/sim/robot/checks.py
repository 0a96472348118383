"""Check kinds over a robot's trajectory (registered in the engine's ``CHECKS`` registry).

They read the host-computed :class:`~app.sim.robot.trajectory.Trajectory` attached to the trace,
never anything the program printed, and return a :class:`~app.sim.checks.base.Finding`: what was
measured against what was expected, in Italian and English, and a cause (``never-moves``,
``hit-wall``, ``reversing``, ``turns-wrong-way``, ``too-slow``, ``lost-line``, ``circles`` …) that
picks the hint from the check's ``hints``. A lab declares them like any other check::

    - id: goal
      kind: reaches_goal
      params: {min_speed_cm_s: 8, extra_s: 5}     # limit derived from the world's route
      hints: {too-slow: {it: ..., en: ...}, lost-line: {it: ..., en: ...}}

Time limits are either stated (``within_s``, which the instructions must repeat) or derived from
the world (``min_speed_cm_s``: the route's length at that slow but valid speed, plus ``extra_s``);
:meth:`ReachesGoal.seconds_needed` tells the lab grader how long each world's run must last.
"""

from __future__ import annotations

import math
from typing import Any

from app.sim.checks.base import Check, CheckContext, CheckSpecError, Finding, check_kind, fmt_num
from app.sim.robot import measures
from app.sim.robot.sensors import clearance_cm
from app.sim.robot.trajectory import Trajectory

STILL_CM = 3.0  # a robot that drove less than this never really moved


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


def _sec(us: float, lang: str) -> str:
    return f"{fmt_num(us / 1e6, lang, 1)} s"


def _cm(cm: float, lang: str, digits: int = 0) -> str:
    return f"{fmt_num(cm, lang, digits)} cm"


def _never_moved() -> Finding:
    return Finding.say(False, "il robot non si è mosso", "the robot never moved", "never-moves")


@check_kind
class ReachesGoal(Check):
    """The robot's centre enters the world's goal region in time. The limit is ``within_s``
    (stated in the instructions) or derived from the world: the route's length at
    ``min_speed_cm_s`` plus ``extra_s`` (default 5 s), so a slower but correct robot passes."""

    kind = "reaches_goal"
    optional = ("within_s", "min_speed_cm_s", "extra_s")

    def limit_s(self, world: Any) -> float:
        if ("within_s" in self.params) == ("min_speed_cm_s" in self.params):
            raise CheckSpecError("give either within_s or min_speed_cm_s")
        if world.goal is None:
            raise CheckSpecError("the world has no goal")
        if "within_s" in self.params:
            return _param(self, "within_s", lo=0.1)
        speed = _param(self, "min_speed_cm_s", lo=0.5)
        return round(world.route_cm / speed + _param(self, "extra_s", 5.0, lo=0), 1)

    def seconds_needed(self, world: Any) -> float:
        """How long a run on ``world`` must last for this check to be decided fairly (0 when
        the check is misconfigured: :meth:`evaluate` then reports it)."""
        try:
            return self.limit_s(world)
        except CheckSpecError:
            return 0.0

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        limit = self.limit_s(traj.world)
        why_limit = {"it": f"limite {fmt_num(limit, 'it', 1)} s", "en": f"limit {fmt_num(limit, 'en', 1)} s"}
        if "min_speed_cm_s" in self.params:
            route, speed = traj.world.route_cm, _param(self, "min_speed_cm_s")
            why_limit = {"it": f"{why_limit['it']}: percorso di {_cm(route, 'it')} a {fmt_num(speed, 'it')} cm/s",
                         "en": f"{why_limit['en']}: a {_cm(route, 'en')} route at {fmt_num(speed, 'en')} cm/s"}
        t = traj.goal_time_us()
        if t is not None:
            ok = t <= limit * 1e6
            return Finding(ok, {k: f"{'traguardo raggiunto' if k == 'it' else 'goal reached'} "
                                   f"{'a' if k == 'it' else 'at'} {_sec(t, k)} ({why_limit[k]})"
                                for k in ("it", "en")}, None if ok else "too-slow")
        if measures.moved_cm(traj) < STILL_CM:
            return _never_moved()
        left = measures.goal_distance_cm(traj) - (traj.world.goal.radius or 0.0)
        gap = {k: _cm(max(left, 0.0), k) for k in ("it", "en")}
        if traj.world.lines:
            flags = traj.on_line_flags(1.0)
            lost = measures.first_off_line_us(traj, flags, 1.0)
            if lost is not None:
                return Finding.say(False, f"traguardo mai raggiunto: il robot ha perso la linea a "
                                   f"{_sec(lost, 'it')} (arrivato a {gap['it']} dal traguardo)",
                                   f"goal never reached: the robot lost the line at {_sec(lost, 'en')} "
                                   f"({gap['en']} from the goal at best)", "lost-line")
        if traj.collisions and measures.stuck_at_end(traj):
            t_hit = traj.collisions[-1][0]
            return Finding.say(False, f"traguardo mai raggiunto: il robot è rimasto bloccato contro un "
                               f"muro dal {_sec(t_hit, 'it')} (arrivato a {gap['it']} dal traguardo)",
                               f"goal never reached: the robot got stuck against a wall from "
                               f"{_sec(t_hit, 'en')} ({gap['en']} from the goal at best)", "hit-wall")
        return Finding.say(False, f"traguardo mai raggiunto in {_sec(traj.duration_us, 'it')}: il robot è "
                           f"arrivato a {gap['it']} dal traguardo ({why_limit['it']})",
                           f"goal never reached in {_sec(traj.duration_us, 'en')}: the robot came "
                           f"within {gap['en']} of it ({why_limit['en']})", "not-reached")


@check_kind
class OnLine(Check):
    """The point between the line sensors is over the line for at least ``min_ratio`` of the
    time (until the goal is reached, when there is one)."""

    kind = "on_line"
    required = ("min_ratio",)
    optional = ("tolerance_cm", "point")

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        ratio = _param(self, "min_ratio", lo=0)
        tol = _param(self, "tolerance_cm", 1.0, lo=0)
        point = self.params.get("point", "front")
        if point not in ("front", "center"):
            raise CheckSpecError("point: 'front' or 'center'")
        if measures.moved_cm(traj) < STILL_CM:
            return _never_moved()
        flags = traj.on_line_flags(tol, point)
        goal_t = traj.goal_time_us()
        if goal_t is not None:
            flags = flags[: goal_t // traj.step_us + 1]
        got = sum(flags) / len(flags) if flags else 0.0
        pct = {"it": f"sulla linea il {got:.0%} del tempo (serve almeno il {ratio:.0%})",
               "en": f"on the line {got:.0%} of the time (need at least {ratio:.0%})"}
        if got >= ratio:
            return Finding(True, pct)
        lost = measures.first_off_line_us(traj, flags)
        if lost is not None:
            pct = {"it": f"{pct['it']}; la perde la prima volta a {_sec(lost, 'it')}",
                   "en": f"{pct['en']}; first lost it at {_sec(lost, 'en')}"}
        return Finding(False, pct, "lost-line")


@check_kind
class NoCollision(Check):
    """At most ``max`` collisions (default none); the first says when, and whether the robot was
    driving forward, reversing, or (with ``left_turns_only``) had turned the wrong way, right."""

    kind = "no_collision"
    optional = ("max", "left_turns_only")

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        most = int(_param(self, "max", 0, lo=0))
        n = len(traj.collisions)
        if n == 0:
            return Finding.say(True, "nessun urto", "no collisions")
        t = traj.collisions[0][0]
        cause = measures.collision_cause(traj, t, bool(self.params.get("left_turns_only", False)))
        how = {"reversing": ("andando all'indietro", "while reversing"),
               "turns-wrong-way": ("dopo aver girato a destra", "after turning right"),
               "hit-wall": ("andando avanti", "while driving forward")}[cause]
        extra = ({"it": f" (al massimo {most})", "en": f" (at most {most} allowed)"} if most
                 else {"it": "", "en": ""})
        count = {"it": "1 urto" if n == 1 else f"{n} urti", "en": "1 collision" if n == 1 else f"{n} collisions"}
        return Finding(n <= most, {
            "it": f"il robot ha urtato a {_sec(t, 'it')} {how[0]}; {count['it']} in tutto{extra['it']}",
            "en": f"the robot hit something at {_sec(t, 'en')} {how[1]}; {count['en']} in all{extra['en']}"},
            None if n <= most else cause)


@check_kind
class StopsNearObstacle(Check):
    """At the end the robot stands still (for ``still_s``) with its body between ``min_cm`` and
    ``max_cm`` from the nearest wall or obstacle."""

    kind = "stops_near_obstacle"
    required = ("min_cm", "max_cm")
    optional = ("still_s",)

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        lo, hi = _param(self, "min_cm", lo=0), _param(self, "max_cm", lo=0)
        still = _param(self, "still_s", 1.0, lo=0)
        if measures.moved_cm(traj) < STILL_CM:
            return _never_moved()
        since = traj.stopped_since_us()
        last = traj.samples[-1]
        gap = clearance_cm(traj.world, last[0], last[1], traj.setup.kit.radius_cm)
        want = {"it": f"atteso {fmt_num(lo, 'it')}–{fmt_num(hi, 'it')} cm",
                "en": f"expected {fmt_num(lo, 'en')}–{fmt_num(hi, 'en')} cm"}
        if since is None or traj.duration_us - since < still * 1e6:
            return Finding.say(False, f"alla fine il robot si muove ancora ({_cm(gap, 'it', 1)} dall'ostacolo)",
                               f"the robot is still moving at the end ({_cm(gap, 'en', 1)} from the obstacle)",
                               "still-moving")
        if traj.collisions and measures.stuck_at_end(traj):
            t = traj.collisions[0][0]
            return Finding.say(False, f"il robot ha urtato l'ostacolo a {_sec(t, 'it')} ed è rimasto "
                               f"contro ({want['it']})", f"the robot hit the obstacle at {_sec(t, 'en')} "
                               f"and stayed against it ({want['en']})", "hit-wall")
        ok = lo <= gap <= hi
        cause = None if ok else ("too-close" if gap < lo else "too-far")
        return Finding(ok, {
            "it": f"fermo a {_cm(gap, 'it', 1)} dall'ostacolo da {_sec(since, 'it')} ({want['it']})",
            "en": f"stopped {_cm(gap, 'en', 1)} from the obstacle from {_sec(since, 'en')} ({want['en']})"},
            cause)


@check_kind
class PathLength(Check):
    """The distance driven is between ``min_cm`` and ``max_cm``."""

    kind = "path_length"
    optional = ("min_cm", "max_cm")

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        lo = _param(self, "min_cm", 0, lo=0)
        hi = _param(self, "max_cm", 1e9, lo=0)
        got = traj.path_length_cm
        if got < STILL_CM and lo > 0:
            return _never_moved()
        want = ({"it": f"almeno {_cm(lo, 'it')}", "en": f"at least {_cm(lo, 'en')}"} if hi >= 1e9 else
                {"it": f"atteso {fmt_num(lo, 'it')}–{fmt_num(hi, 'it')} cm",
                 "en": f"expected {fmt_num(lo, 'en')}–{fmt_num(hi, 'en')} cm"})
        ok = lo <= got <= hi
        return Finding(ok, {"it": f"ha percorso {_cm(got, 'it')} ({want['it']})",
                            "en": f"drove {_cm(got, 'en')} ({want['en']})"},
                       None if ok else ("too-short" if got < lo else "never-stops"))


@check_kind
class Visits(Check):
    """The robot passes near each point, in order. Points are relative to the start pose:
    ``[forward_cm, left_cm]``, so the same check works wherever a world puts the robot."""

    kind = "visits"
    required = ("points",)
    optional = ("radius_cm",)

    def evaluate(self, ctx: CheckContext) -> Finding:
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
                    return Finding.say(True, f"passato per tutti i {len(targets)} punti in ordine",
                                       f"visited all {len(targets)} points in order")
        return Finding.say(False, f"passato per {i} punti su {len(targets)}: manca il punto {i + 1}",
                           f"visited {i} of {len(targets)} points in order (point {i + 1} missed)",
                           "never-moves" if measures.moved_cm(traj) < STILL_CM else "missed-point")


@check_kind
class SteeringLevels(Check):
    """The difference between the wheel powers takes at least ``min_levels`` distinct values
    (proportional steering rather than on/off)."""

    kind = "steering_levels"
    required = ("min_levels",)

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        need = int(_param(self, "min_levels", lo=2))
        levels = {round(left - right, 2) for _, left, right in traj.commands_timeline()}
        ok = len(levels) >= need
        return Finding.say(ok, f"le ruote hanno preso {len(levels)} sterzate diverse (ne servono almeno {need})",
                           f"the wheels took {len(levels)} different steering levels (need at least {need})",
                           None if ok else "on-off")


from app.sim.robot import shape_checks  # noqa: E402,F401  (registers the square and explore kinds)
