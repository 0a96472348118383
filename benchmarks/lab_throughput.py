"""Print the lab engine's throughput figures (issue 4): median/p95 ms per graded blink run,
graded runs/s with 2 workers, the same for a bare `pass` program (the floor), their ratio, and the
grading time of a program running 60 s of simulated time. Run: python benchmarks/lab_throughput.py
"""

from __future__ import annotations

import shutil
import statistics
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


def main() -> None:
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
