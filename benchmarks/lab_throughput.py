"""Print the lab engine's throughput figures (issue 4): median/p95 ms per graded blink run,
graded runs/s with 2 workers, the same for a bare `pass` program (the floor), their ratio, and the
grading time of a program running 60 s of simulated time. Run: python benchmarks/lab_throughput.py
"""

from __future__ import annotations

import statistics
import sys
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
    long_code = "from machine import Pin\nimport time\nled=Pin('LED',Pin.OUT)\nwhile True:\n    led.toggle()\n    time.sleep_ms(250)\n"
    from app.sim import simulate
    t = time.perf_counter()
    r = simulate(long_code, "pico", seconds=60)
    print(f"60 s simulated program: {(time.perf_counter() - t) * 1000:.0f} ms "
          f"(sim_time {r.sim_time_us / 1e6:g} s, {len(r.events)} events)")
    shutdown()


if __name__ == "__main__":
    main()
