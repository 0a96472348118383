"""Print the lab engine's throughput figures (issues 4 and 9): fuel per board-API call
(``Pin.toggle()``, micro:bit ``display.show(Image)``, a 60 s line-following run), every lab's
reference solution graded as a whole process (``python -m app.sim lab run LAB --code
labs/LAB/solution.py``) as a ratio to the blink lab measured in the same run (CPU time of the child,
interleaved, so machine load affects both alike), then median/p95 ms per graded blink run and
graded runs/s with 2 workers. The children run as an installed Officina does: with Python's bytecode
cache written and warm (``PYTHONDONTWRITEBYTECODE`` is dropped from their environment and one
warm-up run fills the cache). Without the cache every process recompiles the same ~50 modules
(~0.1 s), which inflates the blink baseline and understates every ratio (line-follower-3 read
2.2x that way against 3.0x with the cache). Run: python benchmarks/lab_throughput.py [--quick]
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "app" not in sys.modules:  # load app.sim without the web app
    pkg = types.ModuleType("app")
    pkg.__path__ = [str(ROOT / "app")]
    sys.modules["app"] = pkg

from app.sim import grade, shutdown  # noqa: E402
from app.sim.pool import get_pool  # noqa: E402

BLINK = (ROOT / "labs/blink/solution.py").read_text()


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def throughput(fn, n: int) -> float:
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as ex:
        list(ex.map(lambda _: fn(), range(n)))
    return n / (time.perf_counter() - t)


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_warm = False


def process_cost(lab: str) -> float:
    """CPU seconds (user + sys) of grading ``lab``'s reference solution in a fresh process (with
    a warm bytecode cache, as installed: the first call runs once unmeasured to fill it)."""
    global _warm
    if not _warm:
        _warm = True
        process_cost(lab)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-m", "app.sim", "lab", "run", lab, "--code",
                          str(ROOT / "labs" / lab / "solution.py"), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=900, env=CHILD_ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if '"passed": true' not in out.stdout:
        print(f"  warning: {lab} solution did not pass: {out.stdout[:200]} {out.stderr[-300:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def lab_ratios(repeats: int = 3) -> dict[str, float]:
    """Median process cost of each lab over ``repeats`` rounds, each round measuring blink too."""
    labs = sorted(p.name for p in (ROOT / "labs").iterdir() if (p / "solution.py").is_file())
    costs: dict[str, list[float]] = {lab: [] for lab in labs}
    for _ in range(repeats):
        for lab in labs:
            costs[lab].append(process_cost(lab))
            costs["blink"].append(process_cost("blink"))
    blink = statistics.median(costs["blink"])
    print(f"reference solutions graded as a whole process (CPU s, ratio to blink = {blink:.2f} s):")
    ratios = {}
    for lab in labs:
        med = statistics.median(costs[lab])
        ratios[lab] = med / blink
        print(f"  {lab:<24} {med:6.2f} s  {ratios[lab]:5.2f}x")
    return ratios


def fuel_per_call() -> dict[str, float]:
    """Fuel of one board-API call (difference of two loop lengths) and of a 60 s line follow."""
    from app.sim import runner
    from app.sim.boards import get_board
    from app.sim.labs import load_lab
    from app.sim.robot.labgrading import scenario_for
    from app.sim.scenario import parse_scenario

    def used(code: str, board: str = "pico") -> int:
        return runner.execute(code, board, None, 30)[0].fuel_used

    def per(setup: str, body: str, n: int, board: str = "pico") -> float:
        # the call alone: the same loop with an empty body is subtracted (the loop itself costs
        # a few hundred fuel per iteration)
        def loop(text: str, k: int) -> int:
            return used(f"{setup}def f(k):\n    for i in range(k):\n{text}f({k})\n", board)
        calls = loop(body, n + 10) - loop(body, 10)
        empty = loop("        pass\n", n + 10) - loop("        pass\n", 10)
        return (calls - empty) / n

    toggle = per("from machine import Pin\np = Pin(25, Pin.OUT)\n", "        p.toggle()\n", 2000)
    show = per("from microbit import *\n",
               "        display.show(Image.HEART if i % 2 else Image.HAPPY)\n", 300, "microbit")
    lab = load_lab(ROOT / "labs" / "line-follower-2")
    data = dict(scenario_for(lab.scenario_data, lab.robot, 0), seconds=60)
    line = runner.execute(lab.read("solution.py"), "pico", parse_scenario(data, get_board("pico")))
    figures = {"toggle": toggle, "show": show, "line60": float(line[0].fuel_used)}
    print(f"fuel per Pin.toggle(): {toggle / 1000:.1f} k (target <= 5 k); display.show(Image): "
          f"{show / 1000:.1f} k (target <= 50 k); 60 s line-following run (line-follower-2 "
          f"solution): {line[0].fuel_used / 1e6:.0f} M (target <= 100 M)")
    return figures


def main() -> None:
    fuel_per_call()
    lab_ratios(1 if "--quick" in sys.argv else 3)
    if "--quick" in sys.argv:
        return
    get_pool()
    lab = ROOT / "labs/blink"
    g_blink = lambda: grade(BLINK, lab)  # noqa: E731
    g_pass = lambda: grade("pass", lab)  # noqa: E731
    for _ in range(10):
        g_blink()
    lat = timed(g_blink, 200)
    lat.sort()
    print(f"blink graded run: median {statistics.median(lat):.2f} ms, p95 {lat[int(len(lat) * 0.95)]:.2f} ms")
    rb = throughput(g_blink, 600)
    rp = throughput(g_pass, 600)
    print(f"graded runs/s with 2 workers: blink {rb:.0f}/s, pass {rp:.0f}/s, ratio {rb / rp:.2f}")
    assert grade(BLINK, lab).passed
    with tempfile.TemporaryDirectory() as tmp:  # the blink lab, graded over 60 s of simulated time
        long_lab = Path(tmp) / "blink"
        shutil.copytree(lab, long_lab)
        yaml_path = long_lab / "lab.yaml"
        yaml_path.write_text(yaml_path.read_text().replace("seconds: 5", "seconds: 60", 1))
        grade(BLINK, long_lab)  # warm the lab cache of the workers
        times = sorted(timed(lambda: grade(BLINK, long_lab), 11))
        res = grade(BLINK, long_lab)
        print(f"graded run over 60 s of simulated time: median {statistics.median(times):.1f} ms, "
              f"max {times[-1]:.1f} ms (sim_time {res.run.sim_time_us / 1e6:g} s, "
              f"{len(res.run.events)} events, passed={res.passed})")
    shutdown()


if __name__ == "__main__":
    main()
