"""Start-up time of the ``officina`` command (issue 9: under 0.5 s for ``--help``, ``sim run`` and
``lab run``), each as a whole new process, median of several runs, beside two baselines measured
in the same run: ``python -c "import app.sim"`` (the floor) and ``officina routes`` (a command
that builds the web app, which every command used to pay).

    .venv/bin/python benchmarks/cli_startup.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFICINA = str(Path(sys.executable).with_name("officina"))
TARGET_S = 0.5


def wall_time(command: list[str], repeat: int, env: dict[str, str]) -> float:
    """Median seconds for ``command`` to run to completion as a new process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    blink = str(ROOT / "firmware_examples" / "pico_blink_timer.py")
    solution = str(ROOT / "labs" / "blink" / "solution.py")
    with tempfile.TemporaryDirectory() as instance:
        env = {**os.environ, "OFFICINA_INSTANCE_PATH": instance}
        cases = [
            ("python -c 'import app.sim' (floor)", [sys.executable, "-c", "import app.sim"], None),
            ("officina --help", [OFFICINA, "--help"], TARGET_S),
            ("officina sim run --help", [OFFICINA, "sim", "run", "--help"], TARGET_S),
            ("officina lab run --help", [OFFICINA, "lab", "run", "--help"], TARGET_S),
            ("officina lab verify --help", [OFFICINA, "lab", "verify", "--help"], TARGET_S),
            ("officina sim run pico_blink_timer.py --seconds 1", [OFFICINA, "sim", "run", blink, "--board", "pico", "--seconds", "1"], None),
            ("officina lab run blink (whole grading)", [OFFICINA, "lab", "run", "blink", "--code", solution], None),
            ("officina routes (builds the web app)", [OFFICINA, "routes"], None),
        ]
        wall_time([OFFICINA, "--help"], 1, env)  # warm the file cache
        print(f"officina start-up, median of {args.repeat} runs (whole process, wall clock)")
        results = {}
        for label, command, target in cases:
            results[label] = seconds = wall_time(command, args.repeat, env)
            verdict = "" if target is None else f"  (target < {target:.1f} s: {'met' if seconds < target else 'NOT met'})"
            print(f"  {label:<46} {seconds * 1000:7.0f} ms{verdict}")
        web = results["officina routes (builds the web app)"]
        print(f"  ratio web app start-up / officina --help: {web / results['officina --help']:.1f}x")


if __name__ == "__main__":
    main()
