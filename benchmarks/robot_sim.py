"""Print the virtual robot's grading cost (issues 5 and 9): fuel per board-API call and of a 60 s
line-following run; the host calls one grade of each robot lab's solution makes (by command
letter); each robot lab's reference solution graded as a whole process, as a ratio to the blink
lab measured in the same run (CPU time, interleaved; target <= 2x); and the in-process median
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

    VirtualBoard.call = counted
    try:
        print("host calls per grade (all worlds), by command:")
        for lab in ROBOT_LABS:
            counts.clear()
            grade_local(load_lab(ROOT / "labs" / lab).read("solution.py"), load_lab(ROOT / "labs" / lab))
            top = ", ".join(f"{k} {v}" for k, v in counts.most_common(6))
            print(f"  {lab:<24} {sum(counts.values()):6d}  ({top})")
    finally:
        VirtualBoard.call = plain


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
