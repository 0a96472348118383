"""Print the virtual robot's grading speed (issue 5): the median time to grade a 60-second
simulated line-following run (the two-sensor lab's solution on its oval track, every check of the
lab), the blink lab measured in the same run, and their ratio; plus, for context, the whole
three-world line-follower lab and the breakdown of one run. Target: <= 300 ms median on 2 cores.
Run: python benchmarks/robot_sim.py [repeats]
"""

from __future__ import annotations

import statistics
import sys

from lab_throughput import ROOT, timed  # same folder; it also makes app.sim importable

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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    assert grade_line_60s(), "the line-following solution must pass"
    grade_local(BLINK_CODE, BLINK_LAB)  # warm up
    line, blink = [], []
    for _ in range(n):  # interleaved, so both see the same machine load
        line += timed(grade_line_60s, 1)
        blink += timed(lambda: grade_local(BLINK_CODE, BLINK_LAB), 1)
    lab3 = timed(lambda: grade_local(LINE_CODE, LINE_LAB), max(3, n // 5))
    line_med, blink_med = statistics.median(line), statistics.median(blink)
    print(f"60 s line-following run graded: median {line_med:.0f} ms "
          f"(min {min(line):.0f}, max {max(line):.0f}, n={n}); target <= 300 ms")
    print(f"blink lab graded:               median {blink_med:.1f} ms")
    print(f"ratio line-following / blink:   {line_med / blink_med:.1f}x")
    print(f"whole line-follower-2 lab (3 worlds, 45 s each): median {statistics.median(lab3):.0f} ms")


if __name__ == "__main__":
    main()
