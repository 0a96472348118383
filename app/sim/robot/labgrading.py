"""Robot labs: the ``robot:`` key of ``lab.yaml`` and grading one program on several worlds.

A robot lab names its kit options and at least three worlds, at least one of them hidden (never
shown to the student), so a program tuned to one track's timing fails::

    robot:
      kit: maker_pi_rp2040
      worlds:
        - file: worlds/oval.yaml
        - file: worlds/s-bend.yaml
        - {file: worlds/hairpin.yaml, hidden: true}

Every check runs on every world and passes only if it passes on all of them; a failure says on
which world, with what was measured there, and the result shows the run of the first visible world
that failed (never a hidden one: its geometry stays secret). A run on a world lasts long enough for
every time limit a check derives from that world (:func:`seconds_needed`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.sim import runner
from app.sim.boards import get_board
from app.sim.checks import CheckContext
from app.sim.results import GradeResult
from app.sim.robot.world import World, WorldError, load_world
from app.sim.scenario import parse_scenario

OPTION_KEYS = ("kit", "sonars", "line_sensors", "noise", "step_ms", "speed_scale", "stop_at_goal_s")
MIN_WORLDS = 3
RUN_MARGIN_S = 1.0  # a run lasts this much longer than the longest time limit a check needs


@dataclass(frozen=True)
class LabWorld:
    """One world a lab grades on."""

    file: str  # relative to the lab folder
    world: World
    hidden: bool = False


@dataclass(frozen=True)
class RobotLab:
    """The validated ``robot:`` key of a lab."""

    options: dict[str, Any]
    worlds: tuple[LabWorld, ...]

    def problems(self) -> list[str]:
        """What ``lab verify`` reports about the world set."""
        out = []
        if len(self.worlds) < MIN_WORLDS:
            out.append(f"a robot lab needs at least {MIN_WORLDS} worlds (has {len(self.worlds)})")
        if not any(w.hidden for w in self.worlds):
            out.append("a robot lab needs at least one hidden world")
        return out

    def visible(self) -> list[LabWorld]:
        """The worlds the lab page may show."""
        return [w for w in self.worlds if not w.hidden]


def parse_lab_robot(data: Any, folder: Path, meta_file: Path) -> RobotLab:
    """Validate a lab's ``robot:`` mapping; raises ``ValueError`` naming the file and field."""
    if not isinstance(data, dict):
        raise ValueError(f"{meta_file}: robot: expected a mapping with worlds")
    extra = set(data) - set(OPTION_KEYS) - {"worlds"}
    if extra:
        raise ValueError(f"{meta_file}: robot: unknown keys {sorted(extra)}")
    raw = data.get("worlds")
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{meta_file}: robot.worlds: expected a list of {{file, hidden}}")
    worlds = []
    for i, item in enumerate(raw):
        where = f"{meta_file}: robot.worlds[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("file"), str) \
                or set(item) - {"file", "hidden"} or not isinstance(item.get("hidden", False), bool):
            raise ValueError(f"{where}: expected {{file: worlds/x.yaml, hidden: true|false}}")
        rel = item["file"]
        path = (folder / rel).resolve()
        if folder.resolve() not in path.parents:
            raise ValueError(f"{where}.file: must be inside the lab folder")
        try:
            worlds.append(LabWorld(rel, load_world(path), item.get("hidden", False)))
        except WorldError as exc:
            raise ValueError(str(exc)) from None
    if all(w.hidden for w in worlds):
        raise ValueError(f"{meta_file}: robot.worlds: at least one world must be visible")
    return RobotLab({k: data[k] for k in OPTION_KEYS if k in data}, tuple(worlds))


def seconds_needed(checks: Any, world: World) -> float:
    """The longest run any check needs on ``world`` (0 when none says): a time limit derived
    from the world must fit in the run, with a margin to see the robot arrive."""
    need = 0.0
    for check in checks or ():
        fn = getattr(check, "seconds_needed", None)
        if fn is not None:
            need = max(need, float(fn(world)))
    return need


def scenario_for(scenario: dict[str, Any], robot: RobotLab, index: int,
                 checks: Any = None) -> dict[str, Any]:
    """The lab's scenario with the robot device for world ``index`` (seed varies per world).
    The run lasts the world's ``seconds``, else the scenario's, stretched when a check's limit
    derived from the world needs longer (``checks``: the lab's checks)."""
    lw = robot.worlds[index]
    sc = dict(scenario)
    if lw.world.seconds is not None:
        sc["seconds"] = lw.world.seconds
    need = seconds_needed(checks, lw.world)
    if need:
        sc["seconds"] = min(600.0, max(float(sc.get("seconds", 10)), math.ceil(need + RUN_MARGIN_S)))
    sc["seed"] = (int(sc.get("seed", 1)) + 7919 * index) % (2**31)
    sc["devices"] = list(sc.get("devices", [])) + [{"type": "robot", **robot.options, "world": lw.world}]
    return sc


def _place(index: int, lw: LabWorld) -> dict[str, str]:
    if lw.hidden:
        return {"it": f"mondo nascosto {index + 1}", "en": f"hidden world {index + 1}"}
    return {"it": f"mondo {index + 1} «{lw.world.title['it']}»", "en": f"world {index + 1} '{lw.world.title['en']}'"}


def grade_worlds(code: str, lab: Any, board: str, lang: str) -> GradeResult:
    """Run ``code`` on each of the lab's worlds and combine the checks (all worlds must pass)."""
    from app.sim.grading import combine_checks

    robot: RobotLab = lab.robot
    b = get_board(board)
    runs = []
    trajectories = []
    for i in range(len(robot.worlds)):
        sc = parse_scenario(scenario_for(lab.scenario_data, robot, i, lab.checks), b)
        # the replay is drawn for the one run shown (below), not for every world
        result, trace = runner.execute(code, board, sc, replay=False)
        if getattr(result, "outcome", "") == "busy":
            # the server was too busy to finish the run: nothing is graded (see runner)
            return GradeResult(lab.slug, result, (), lang)
        ctx = CheckContext(trace, result, lab.python_checks)
        runs.append((result, tuple(c.run(ctx) for c in lab.checks)))
        trajectories.append(getattr(trace, "robot", None))
    combined = combine_checks(lab.checks, runs, [_place(i, lw) for i, lw in enumerate(robot.worlds)])
    shown = next((i for i, (res, checks) in enumerate(runs)
                  if not robot.worlds[i].hidden and not all(c.passed for c in checks)), None)
    if shown is None:
        shown = next(i for i, w in enumerate(robot.worlds) if not w.hidden)
    worlds = tuple({"index": i, "file": None if lw.hidden else lw.file,
                    "title": None if lw.hidden else lw.world.title, "hidden": lw.hidden,
                    "passed": all(c.passed for c in runs[i][1]),
                    "failed": [c.id for c in runs[i][1] if not c.passed], "shown": i == shown}
                   for i, lw in enumerate(robot.worlds))
    result = runs[shown][0]
    if trajectories[shown] is not None:
        result = replace(result, robot=trajectories[shown].replay_data())
    return GradeResult(lab.slug, result, combined, lang, worlds)
