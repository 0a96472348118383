"""Check kinds about the shape of a robot's path: a regular polygon driven by time (the square
lab), and exploring a room rather than circling in one spot (the obstacle avoider).

Like :mod:`app.sim.robot.checks` they measure the host-computed trajectory and return a
:class:`~app.sim.checks.base.Finding` whose cause picks the hint: ``side-too-short`` or
``side-too-long`` ("lato 2: 38 cm, atteso 50 cm ± 8 cm"), ``turns-wrong-way``, ``turn-angle``,
``too-few-sides``, ``not-closed``, ``circles``.
"""

from __future__ import annotations

import math

from app.sim.checks.base import Check, CheckContext, Finding, check_kind, fmt_num
from app.sim.robot import measures
from app.sim.robot.checks import STILL_CM, _cm, _never_moved, _param, _sec, _trajectory


@check_kind
class DrivesPolygon(Check):
    """The path is ``sides`` straight sides of ``side_cm`` ± ``side_tol_cm`` joined by turns of
    ``turn_deg`` ± ``turn_tol_deg`` (positive = left), ending within ``close_cm`` of the start."""

    kind = "drives_polygon"
    required = ("sides", "side_cm", "turn_deg")
    optional = ("side_tol_cm", "turn_tol_deg", "close_cm")

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        n = int(_param(self, "sides", lo=3))
        side, side_tol = _param(self, "side_cm", lo=1), _param(self, "side_tol_cm", 8, lo=0)
        turn, turn_tol = _param(self, "turn_deg"), _param(self, "turn_tol_deg", 20, lo=0)
        close = _param(self, "close_cm", 20, lo=0)
        if measures.moved_cm(traj) < STILL_CM:
            return _never_moved()
        sides = measures.straight_sides(traj)
        turns = measures.turns_deg(sides)
        found = self._shape(traj, sides, turns, n, side, side_tol, turn, turn_tol, close)
        if not found.passed and traj.collisions:
            # a bump spoils the shape: say so, rather than blame the side or turn it cut short
            t = traj.collisions[0][0]
            cause = measures.collision_cause(traj, t, left_turns_only=turn > 0)
            how = {"reversing": ("andando all'indietro", "while reversing"),
                   "turns-wrong-way": ("dopo aver girato a destra", "after turning right"),
                   "hit-wall": ("andando avanti", "while driving forward")}[cause]
            return Finding.say(False, f"il robot ha urtato a {_sec(t, 'it')} {how[0]}: {found.measured['it']}",
                               f"the robot hit something at {_sec(t, 'en')} {how[1]}: {found.measured['en']}",
                               cause)
        return found

    def _shape(self, traj, sides, turns, n, side, side_tol, turn, turn_tol, close) -> Finding:
        """The polygon's verdict from its sides and turns alone."""
        want_side = {k: f"{_cm(side, k)} ± {_cm(side_tol, k)}" for k in ("it", "en")}
        for i, s in enumerate(sides[:n]):
            if i > 0:
                got = turns[i - 1]
                if got * turn < 0:
                    return Finding.say(False, f"curva {i}: il robot ha girato di {fmt_num(abs(got), 'it', 0)}° "
                                       f"{'a destra' if got < 0 else 'a sinistra'}, "
                                       f"invece che {'a sinistra' if turn > 0 else 'a destra'}",
                                       f"turn {i}: the robot turned {fmt_num(abs(got), 'en', 0)}° "
                                       f"{'right' if got < 0 else 'left'} instead of {'left' if turn > 0 else 'right'}",
                                       "turns-wrong-way")
                if abs(got - turn) > turn_tol:
                    return Finding.say(False, f"curva {i}: {fmt_num(abs(got), 'it', 0)}°, attesi "
                                       f"{fmt_num(abs(turn), 'it', 0)}° ± {fmt_num(turn_tol, 'it', 0)}°",
                                       f"turn {i}: {fmt_num(abs(got), 'en', 0)}°, expected "
                                       f"{fmt_num(abs(turn), 'en', 0)}° ± {fmt_num(turn_tol, 'en', 0)}°",
                                       "turn-angle")
            if abs(s.length_cm - side) > side_tol:
                short = s.length_cm < side
                return Finding.say(False, f"lato {i + 1}: {_cm(s.length_cm, 'it')}, atteso {want_side['it']}",
                                   f"side {i + 1}: {_cm(s.length_cm, 'en')}, expected {want_side['en']}",
                                   "side-too-short" if short else "side-too-long")
        if len(sides) < n:
            return Finding.say(False, f"il robot ha percorso {len(sides)} lati dritti su {n}",
                               f"the robot drove {len(sides)} straight sides out of {n}", "too-few-sides")
        x0, y0 = traj.samples[0][:2]
        x1, y1 = traj.samples[-1][:2]
        off = math.hypot(x1 - x0, y1 - y0)
        lengths = ", ".join(fmt_num(s.length_cm, "it", 0) for s in sides[:n])
        lengths_en = ", ".join(fmt_num(s.length_cm, "en", 0) for s in sides[:n])
        if off > close:
            return Finding.say(False, f"lati {lengths} cm, ma il robot si ferma a {_cm(off, 'it')} dalla "
                               f"partenza (al massimo {_cm(close, 'it')})",
                               f"sides {lengths_en} cm, but the robot stops {_cm(off, 'en')} from the start "
                               f"(at most {_cm(close, 'en')})", "not-closed")
        return Finding.say(True, f"{n} lati di {lengths} cm, curve di "
                           + ", ".join(f"{fmt_num(t, 'it', 0)}°" for t in turns[: n - 1]),
                           f"{n} sides of {lengths_en} cm, turns of "
                           + ", ".join(f"{fmt_num(t, 'en', 0)}°" for t in turns[: n - 1]))


@check_kind
class Explores(Check):
    """The robot explores: its centre enters at least ``min_cells`` squares of ``cell_cm``, gets
    at least ``min_far_cm`` away from where it started and, of the time it moves, drives straight
    at least ``min_straight_ratio`` of it ("forward while the way is clear"). A robot circling
    in place fails the first two; one driving wide circles fails the third."""

    kind = "explores"
    required = ("min_cells",)
    optional = ("cell_cm", "min_far_cm", "min_straight_ratio")

    def evaluate(self, ctx: CheckContext) -> Finding:
        traj = _trajectory(ctx)
        need = int(_param(self, "min_cells", lo=1))
        cell = _param(self, "cell_cm", 25, lo=5)
        far_need = _param(self, "min_far_cm", 0, lo=0)
        straight_need = _param(self, "min_straight_ratio", 0, lo=0)
        if measures.moved_cm(traj) < STILL_CM:
            return _never_moved()
        cells = measures.cells_visited(traj, cell)
        far = measures.farthest_from_start_cm(traj)
        straight = measures.straight_ratio(traj)
        size = {k: _cm(cell, k) for k in ("it", "en")}
        it = (f"ha visitato {cells} quadrati da {size['it']} della stanza (ne servono {need}) e si è "
              f"allontanato al massimo {_cm(far, 'it')} dalla partenza")
        en = (f"visited {cells} squares of {size['en']} of the room (need {need}) and got at most "
              f"{_cm(far, 'en')} from the start")
        if far_need:
            it += f" (servono {_cm(far_need, 'it')})"
            en += f" (need {_cm(far_need, 'en')})"
        if cells < need or far < far_need:
            stuck = traj.collisions and measures.stuck_at_end(traj)
            cause = "hit-wall" if stuck else "circles" if traj.path_length_cm > 3 * far_need else "too-short"
            if cause == "hit-wall":
                it += f"; bloccato contro un ostacolo da {_sec(traj.collisions[-1][0], 'it')}"
                en += f"; stuck against an obstacle from {_sec(traj.collisions[-1][0], 'en')}"
            return Finding.say(False, it, en, cause)
        if straight < straight_need:
            return Finding.say(False, f"è andato dritto solo il {straight:.0%} del tempo in cui si muoveva "
                               f"(serve almeno il {straight_need:.0%}): gira sempre, anche a strada libera",
                               f"drove straight only {straight:.0%} of the time it was moving (need at "
                               f"least {straight_need:.0%}): it keeps turning even when the way is clear",
                               "circles")
        return Finding.say(True, it, en)
