"""Print the grading tier's scale-out figures (issue 9), all measured in one run:

1. the cost of one graded run of every lab's reference solution in a single sandbox worker (the
   number of scenarios or worlds graded, wall ms and sandbox CPU ms per graded run, CPU ratio to
   blink): the per-run costs behind the capacity arithmetic in docs/deploy.md;
2. the per-job overhead of the job queue (Redis + RQ + a ``grader`` process) against the
   in-process pool, one job at a time;
3. graded runs per second through the queue with 1 and with 2 ``grader`` processes (each
   ``--concurrency 1``) and the scaling ratio, beside the in-process pool with 1 and 2 workers,
   for a light board lab (blink) and a heavier robot lab.

Starts its own ``redis-server`` on a free loopback port (Debian: ``apt-get install -y
redis-server``; Python: ``pip install 'officina[queue]'``) and stops everything it started.
Run: python benchmarks/grading_scaleout.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import types
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
os.chdir(ROOT)  # labs/ and the graders resolve from the repository
if "app" not in sys.modules:  # load app.sim without the web app
    pkg = types.ModuleType("app")
    pkg.__path__ = [str(ROOT / "app")]
    sys.modules["app"] = pkg

import redis  # noqa: E402
from rq import Worker  # noqa: E402

from app.sim.jobs import QUEUE_NAME  # noqa: E402
from app.sim.labs import all_labs, load_lab  # noqa: E402
from app.sim.pool import Pool  # noqa: E402
from app.sim.queue_rq import QueueBackend  # noqa: E402

Call = Callable[[dict[str, Any]], dict[str, Any]]
HEAVY_LAB = "robot-stop-wall"  # a robot lab heavy enough that the run, not the queue, dominates


def grade_job(slug: str) -> dict[str, Any]:
    path = ROOT / "labs" / slug
    return {"op": "grade", "code": (path / "solution.py").read_text(), "lab": str(path),
            "board": None, "lang": "it"}


def checked(call: Call, job: dict[str, Any]) -> dict[str, Any]:
    reply = call(job)
    if not reply.get("ok") or not reply["result"]["checks"] or \
            not all(c["passed"] for c in reply["result"]["checks"]):
        raise SystemExit(f"benchmark job failed: {str(reply)[:500]}")
    return reply


def median_ms(call: Call, job: dict[str, Any], n: int) -> float:
    checked(call, job)  # warm the worker's lab cache
    times = []
    for _ in range(n):
        t = time.perf_counter()
        checked(call, job)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def runs_per_s(call: Call, job: dict[str, Any], n: int, clients: int = 4) -> float:
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as ex:
        list(ex.map(lambda _: checked(call, job), range(n)))
    return n / (time.perf_counter() - t)


def scenarios_per_grade(slug: str) -> tuple[str, int]:
    lab = load_lab(slug)
    if lab.robot is not None:
        return "worlds", len(lab.robot.worlds)
    return "scenarios", 1 + len(getattr(lab, "hidden_data", ()))


# --- services started for the run ----------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(workdir: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed: apt-get install -y redis-server")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(workdir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(200):
        try:
            client.ping()
            return proc, f"redis://127.0.0.1:{port}/0"
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("redis-server did not start")


def start_grader(url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app.sim", "grader", "--queue-url", url,
                             "--concurrency", "1"], cwd=ROOT, start_new_session=True)


def wait_for_graders(url: str, count: int) -> None:
    connection = redis.Redis.from_url(url)
    for _ in range(600):  # a grader registers once its sandbox worker is warm
        if Worker.count(connection=connection, queue=None) >= count:
            return
        time.sleep(0.05)
    raise SystemExit(f"{count} grader(s) did not start")


def stop_grader(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


# --- the figures -------------------------------------------------------------------------------

def per_lab_costs(quick: bool) -> None:
    """Wall ms (median) and sandbox CPU ms (mean) per graded run of every lab's solution in one
    sandbox worker. CPU time is what sizes grader cores, and the machine's other load inflates it
    less than wall time."""
    pool = Pool(size=1)
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    kinds: dict[str, str] = {}
    try:
        print(f"{'lab':<24} {'graded on':<12} {'wall ms':>9} {'CPU ms':>8} {'CPU × blink':>12}")
        for path in all_labs():
            slug = path.name
            kind, count = scenarios_per_grade(slug)
            kinds[slug] = kind
            n = (2 if quick else 5) if kind == "worlds" else (5 if quick else 30)
            job = grade_job(slug)
            checked(pool.call, job)  # load the lab into the worker's cache first
            [sandbox] = pool.pids()
            before, times = cpu_s(sandbox), []
            for _ in range(n):
                t = time.perf_counter()
                checked(pool.call, job)
                times.append((time.perf_counter() - t) * 1000)
            if pool.pids() != [sandbox]:
                raise SystemExit(f"the sandbox worker was replaced while grading {slug}")
            cpu[slug] = 1000 * (cpu_s(sandbox) - before) / n
            wall[slug] = statistics.median(times)
            ratio = f"{cpu[slug] / cpu['blink']:.1f}" if "blink" in cpu else "-"
            print(f"{slug:<24} {f'{count} {kind}':<12} {wall[slug]:>9.1f} {cpu[slug]:>8.1f} "
                  f"{ratio:>12}")
    finally:
        pool.close()
    for label, is_robot in (("board labs", False), ("robot labs", True)):
        chosen = [k for k in cpu if (kinds[k] == "worlds") == is_robot]
        print(f"{label}: mean CPU {statistics.mean(cpu[k] for k in chosen):.1f} ms per graded run "
              f"(max {max(cpu[k] for k in chosen):.1f}), mean wall "
              f"{statistics.mean(wall[k] for k in chosen):.1f} ms")


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def grader_cpu(grader_pid: int) -> tuple[float, float]:
    """CPU seconds of a grader's process tree: (sandbox workers, everything else: RQ, pool)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    sandbox = other = 0.0
    todo = [grader_pid]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            used = cpu_s(pid)
            is_sandbox = b"app.sim.worker" in Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if is_sandbox:
            sandbox += used
        else:
            other += used
    return sandbox, other


def queue_figures(url: str, redis_pid: int, quick: bool) -> None:
    rounds = 1 if quick else 3
    n_lat, n_light, n_heavy = (30, 100, 10) if quick else (70, 250, 24)
    blink, heavy = grade_job("blink"), grade_job(HEAVY_LAB)
    one_url, two_url = url.replace("/0", "/1"), url.replace("/0", "/2")  # separate databases
    one, two = (QueueBackend(u, QUEUE_NAME, wait_s=120, run_s=120) for u in (one_url, two_url))
    embedded = {k: Pool(size=k) for k in (1, 2)}
    graders = {"one": [start_grader(one_url)], "two": [start_grader(two_url), start_grader(two_url)]}
    calls = {"in-process pool, 1 worker": embedded[1].call,
             "in-process pool, 2 workers": embedded[2].call,
             "queue, 1 grader process": one.call, "queue, 2 grader processes": two.call}
    rates: dict[str, list[tuple[float, float]]] = {k: [] for k in calls}
    latency: dict[str, list[float]] = {"local": [], "queue": []}
    try:
        wait_for_graders(one_url, 1)
        wait_for_graders(two_url, 2)
        for call in calls.values():  # warm every worker's lab cache
            runs_per_s(call, blink, 8)
            runs_per_s(call, heavy, 4)
        jobs_one, client_cpu = 0, 0.0
        cpu_before = (grader_cpu(graders["one"][0].pid), cpu_s(redis_pid))
        for _ in range(rounds):  # interleaved, so the other load on the machine hits all alike
            latency["local"].append(median_ms(embedded[1].call, blink, n_lat))
            client_before = time.process_time()
            latency["queue"].append(median_ms(one.call, blink, n_lat))
            client_cpu += time.process_time() - client_before
            jobs_one += 2 * n_lat + 2
            for label, call in calls.items():
                rates[label].append((runs_per_s(call, blink, n_light),
                                     runs_per_s(call, heavy, n_heavy)))
        cpu_after = (grader_cpu(graders["one"][0].pid), cpu_s(redis_pid))
    finally:
        for group in graders.values():
            for g in group:
                stop_grader(g)
        for p in embedded.values():
            p.close()

    local_ms, queue_ms = statistics.median(latency["local"]), statistics.median(latency["queue"])
    print(f"\none blink graded run at a time (median of {rounds} rounds): in-process pool "
          f"{local_ms:.2f} ms, through the queue {queue_ms:.2f} ms -> queue overhead "
          f"{queue_ms - local_ms:.2f} ms/job")
    print(f"\ngraded runs/s, 4 client threads (median of {rounds} rounds)  "
          f"{'blink':>8} {HEAVY_LAB:>16}")
    best = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v))
            for k, v in rates.items()}
    for label, (light, heavy_rate) in best.items():
        print(f"  {label:<53} {light:>8.1f} {heavy_rate:>16.2f}")
    r1, r2 = best["queue, 1 grader process"], best["queue, 2 grader processes"]
    l1, l2 = best["in-process pool, 1 worker"], best["in-process pool, 2 workers"]
    print(f"scaling 1 -> 2 grader processes: blink ×{r2[0] / r1[0]:.2f}, {HEAVY_LAB} "
          f"×{r2[1] / r1[1]:.2f} (in-process pool 1 -> 2 workers: ×{l2[0] / l1[0]:.2f}, "
          f"×{l2[1] / l1[1]:.2f}; all on {os.cpu_count()} shared cores)")
    # CPU per job of the 1-grader queue: what a grader host and the Redis host must provide.
    jobs = jobs_one + rounds * (n_light + n_heavy)
    sandbox = cpu_after[0][0] - cpu_before[0][0]
    rq_side = cpu_after[0][1] - cpu_before[0][1]
    per_job = {"the grader's RQ worker": 1000 * rq_side / jobs,
               "redis-server": 1000 * (cpu_after[1] - cpu_before[1]) / jobs,
               "the caller (enqueue and wait)": 1000 * client_cpu / (rounds * (n_lat + 1))}
    print(f"CPU of the 1-grader queue phase ({jobs} jobs, {jobs - rounds * n_heavy} blink; "
          f"sandbox {sandbox:.2f} s in all): " +
          ", ".join(f"{k} {v:.2f} ms/job" for k, v in per_job.items()))
    print(f"the queue's CPU per job beyond the run itself: {sum(per_job.values()):.2f} ms "
          f"(on one machine it competes with the runs for the same cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average at start: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    per_lab_costs(args.quick)
    with tempfile.TemporaryDirectory() as tmp:
        server, url = start_redis(Path(tmp))
        try:
            queue_figures(url, server.pid, args.quick)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
