"""Print the virtual robot's grading cost (issues 5 and 9): fuel per board-API call and of a 60 s
line-following run; the host calls one grade of each robot lab's solution makes (by command
letter, and the ops the robot inside the interpreter answered without one); each robot lab's reference solution graded as a whole process, as a ratio to the blink
lab measured in the same run (CPU time, interleaved; target <= 2x); where one grade's time goes
(the robot's physics and sensors, the board's command handlers, and the rest: the wasm<->Python
bridge, the guest's own bytecode with the robot in C when it runs there, and the interpreter's
start per world); and the in-process median
time to grade a 60-second line-following run against blink.
Run: python benchmarks/robot_sim.py [repeats]
"""

from __future__ import annotations

import statistics
import sys

from lab_throughput import ROOT, fuel_per_call, process_cost, timed  # same folder; app.sim too

from app.sim import runner  # noqa: E402
from app.sim.boards import get_board  # noqa: E402
from app.sim.checks import CheckContext  # noqa: E402
from app.sim.grading import grade_local  # noqa: E402
from app.sim.labs import load_lab  # noqa: E402
from app.sim.robot.labgrading import scenario_for  # noqa: E402
from app.sim.scenario import parse_scenario  # noqa: E402

LINE_LAB = load_lab(ROOT / "labs" / "line-follower-2")
BLINK_LAB = load_lab(ROOT / "labs" / "blink")
LINE_CODE = LINE_LAB.read("solution.py")
BLINK_CODE = BLINK_LAB.read("solution.py")


def grade_line_60s() -> bool:
    """One graded run: 60 s of simulated line following on the oval, all the lab's checks."""
    data = dict(scenario_for(LINE_LAB.scenario_data, LINE_LAB.robot, 0), seconds=60)
    result, trace = runner.execute(LINE_CODE, "pico", parse_scenario(data, get_board("pico")))
    ctx = CheckContext(trace, result, LINE_LAB.python_checks)
    return all(c.run(ctx).passed for c in LINE_LAB.checks)


ROBOT_LABS = sorted(p.parent.name for p in (ROOT / "labs").glob("*/lab.yaml")
                    if "robot:" in p.read_text(encoding="utf-8"))


def host_calls() -> None:
    """Host calls of one grade of each robot lab's solution (every world), by command letter."""
    from collections import Counter

    from app.sim.hal.board import VirtualBoard

    counts: Counter = Counter()
    plain = VirtualBoard.call

    def counted(self, name, payload, args, fuel):  # noqa: ANN001, ANN202
        if self.started:
            counts[name[:1].decode("ascii", "replace")] += 1
        return plain(self, name, payload, args, fuel)

    from app.sim.robot import crobot

    VirtualBoard.call = counted
    try:
        print("host calls per grade (all worlds), by command; + ops the robot inside the "
              "interpreter served without one:")
        for lab in ROBOT_LABS:
            counts.clear()
            served = crobot.STATS["served"]
            grade_local(load_lab(ROOT / "labs" / lab).read("solution.py"), load_lab(ROOT / "labs" / lab))
            top = ", ".join(f"{k} {v}" for k, v in counts.most_common(6))
            print(f"  {lab:<24} {sum(counts.values()):6d} + {crobot.STATS['served'] - served:6d}"
                  f"  ({top})")
    finally:
        VirtualBoard.call = plain


def cost_breakdown() -> None:
    """Where one in-process grade of each robot lab's solution spends its time: the physics and
    sensors (``RobotSim.line_and_bumpers``/``sonar_mm``), the board's command handlers
    (``VirtualBoard.call`` minus the physics inside it) and everything else in the run (the
    bridge's Python per call, the guest's bytecode, instantiating the interpreter per world).
    Timers wrap the two host functions, so the shares carry their small overhead."""
    from time import perf_counter

    from app.sim.hal.board import VirtualBoard
    from app.sim.robot.physics import RobotSim

    spent = {"physics": 0.0, "board": 0.0, "calls": 0}
    originals = (VirtualBoard.call, RobotSim.line_and_bumpers, RobotSim.sonar_mm)

    def timed_call(self, name, payload, args, fuel):  # noqa: ANN001, ANN202
        t = perf_counter()
        try:
            return originals[0](self, name, payload, args, fuel)
        finally:
            spent["board"] += perf_counter() - t
            spent["calls"] += 1

    def physics(fn):  # noqa: ANN001, ANN202
        def timed_physics(*args):  # noqa: ANN002, ANN202
            t = perf_counter()
            try:
                return fn(*args)
            finally:
                spent["physics"] += perf_counter() - t
        return timed_physics

    print("where one grade's time goes (in process, warm; ms):")
    print(f"  {'lab':<22} {'total':>6} {'physics':>8} {'board':>6} {'bridge+guest':>13} {'calls':>6}"
          f" {'us/call':>8}")
    VirtualBoard.call = timed_call
    RobotSim.line_and_bumpers = physics(originals[1])
    RobotSim.sonar_mm = physics(originals[2])
    try:
        for lab_name in ROBOT_LABS:
            lab = load_lab(ROOT / "labs" / lab_name)
            code = lab.read("solution.py")
            grade_local(code, lab)  # warm
            for key in spent:
                spent[key] = 0
            t = perf_counter()
            grade_local(code, lab)
            total = perf_counter() - t
            rest = total - spent["board"]
            board = spent["board"] - spent["physics"]
            print(f"  {lab_name:<22} {total * 1e3:6.0f} {spent['physics'] * 1e3:8.0f} "
                  f"{board * 1e3:6.0f} {rest * 1e3:13.0f} {spent['calls']:6d} "
                  f"{rest / max(1, spent['calls']) * 1e6:8.1f}")
    finally:
        VirtualBoard.call, RobotSim.line_and_bumpers, RobotSim.sonar_mm = originals


def robot_ratios(repeats: int) -> None:
    """Whole-process grading cost of every robot lab's solution against blink (same run)."""
    costs: dict[str, list[float]] = {lab: [] for lab in ROBOT_LABS + ["blink"]}
    for _ in range(repeats):
        for lab in ROBOT_LABS:
            costs[lab].append(process_cost(lab))
            costs["blink"].append(process_cost("blink"))
    blink = statistics.median(costs["blink"])
    print(f"robot labs graded as a whole process (CPU s; blink {blink:.2f} s; target <= 2x):")
    for lab in ROBOT_LABS:
        med = statistics.median(costs[lab])
        print(f"  {lab:<24} {med:6.2f} s  {med / blink:5.2f}x")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    fuel_per_call()
    host_calls()
    cost_breakdown()
    robot_ratios(max(1, n // 5))
    assert grade_line_60s(), "the line-following solution must pass"
    grade_local(BLINK_CODE, BLINK_LAB)  # warm up
    line, blink = [], []
    for _ in range(n):  # interleaved, so both see the same machine load
        line += timed(grade_line_60s, 1)
        blink += timed(lambda: grade_local(BLINK_CODE, BLINK_LAB), 1)
    lab3 = timed(lambda: grade_local(LINE_CODE, LINE_LAB), max(3, n // 5))
    line_med, blink_med = statistics.median(line), statistics.median(blink)
    print(f"60 s line-following run graded: median {line_med:.0f} ms "
          f"(min {min(line):.0f}, max {max(line):.0f}, n={n})")
    print(f"blink lab graded:               median {blink_med:.1f} ms")
    print(f"ratio line-following / blink:   {line_med / blink_med:.1f}x")
    print(f"whole line-follower-2 lab (every world, ending 1 s after the goal): median {statistics.median(lab3):.0f} ms")


if __name__ == "__main__":
    main()
