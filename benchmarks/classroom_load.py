"""A class at work (issue 11): 30 students sign in, open an assigned lab, Run and Submit a board
lab and a robot lab, while their teacher reloads the progress grid, on gunicorn + PostgreSQL on
loopback.

Starts PostgreSQL 15 with ``pg_ctlcluster`` when it is not running (as root; or pass
``--database-url``), loads the demo into a fresh database, serves it with gunicorn (2 workers,
``--threads`` threads each, as docs/deploy.md prescribes) and runs 30 demo students, each with a
seeded think time between steps (a class does not press Run in the same millisecond; the spread
is printed). Prints p50/p95 per step and the ratio of the grid's p95 to a bare route measured in
the same run; the last line is ``run p95 N ms; submit p95 N ms; grid p95 N ms; ratio to bare N``
(board-lab Run and Submit; targets: Run and Submit p95 <= 150 ms, grid p95 <= 300 ms).

    .venv/bin/python benchmarks/classroom_load.py [--students 30] [--threads 8] [--database-url URL]
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from urllib.parse import urlencode

import yaml

from http_latency import BIN, ROOT, free_port, percentile, wait_for  # same folder

PASSWORD = "officina-demo"
TEACHER = "prof.rossi"
BOARD_LAB, ROBOT_LAB = "blink", "robot-square"
CLASS_2B = ("secondaria-1", 2, "B")
DB_NAME = "officina_classroom_bench"


class Session:
    """One signed-in browser: cookie, CSRF token, keep-alive connection."""

    def __init__(self, port: int, username: str) -> None:
        self.port, self.cookie = port, ""
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        html = self.request("GET", "/auth/login")[1]
        token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)
        status = self.request("POST", "/auth/login", form={"username": username, "password": PASSWORD, "csrf_token": token})[0]
        if status != 302:
            raise RuntimeError(f"sign-in of {username}: HTTP {status}")
        self.csrf = token

    def request(self, method: str, path: str, form: dict | None = None, accept: str = "text/html") -> tuple[int, str]:
        headers = {"Accept": accept, **({"Cookie": self.cookie} if self.cookie else {})}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body, headers)
            response = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            self.conn.request(method, path, body, headers)
            response = self.conn.getresponse()
        text = response.read().decode()
        cookie = response.getheader("Set-Cookie")
        if cookie and cookie.startswith("officina_session="):
            self.cookie = cookie.split(";")[0]
        return response.status, text


class Timings:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ms: dict[str, list[float]] = collections.defaultdict(list)
        self.status: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)

    def timed(self, step: str, call, ok=(200, 302)) -> str:
        start = time.perf_counter()
        status, text = call()
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.ms[step].append(elapsed)
            self.status[step][status] += 1
        if status not in ok:
            raise RuntimeError(f"{step}: HTTP {status}: {text[:200]}")
        return text


def student_session(port: int, username: str, seed: int, timings: Timings, think: float) -> None:
    rng = random.Random(seed)
    time.sleep(rng.uniform(0, think * 2))  # students arrive over the first minutes
    start = time.perf_counter()
    user = Session(port, username)
    timings.ms["sign in"].append((time.perf_counter() - start) * 1000)
    for lab, kind in ((BOARD_LAB, "board lab"), (ROBOT_LAB, "robot lab")):
        page = timings.timed(f"open {kind}", lambda: user.request("GET", f"/catalog/labs/{lab}"))
        code = _starter_solution(page, lab)
        user.csrf = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
        form = {"code": code, "board": _default_board(lab), "csrf_token": user.csrf}
        time.sleep(rng.uniform(0.5, 1.5) * think)
        timings.timed(f"run {kind}", lambda: user.request("POST", f"/catalog/labs/{lab}/run", form, "application/json"))
        time.sleep(rng.uniform(0.5, 1.5) * think)
        submit = {**form, "idempotency_key": uuid.uuid4().hex}
        timings.timed(f"submit {kind}", lambda: user.request("POST", f"/learn/labs/{lab}/submit", submit, "application/json"))


SOLUTIONS: dict[str, str] = {}


def _starter_solution(page: str, lab: str) -> str:
    """The reference solution (read from disk: the benchmark plays a student who gets it right)."""
    if lab not in SOLUTIONS:
        SOLUTIONS[lab] = (ROOT / "labs" / lab / "solution.py").read_text(encoding="utf-8")
    return SOLUTIONS[lab]


def _default_board(lab: str) -> str:
    return yaml.safe_load((ROOT / "labs" / lab / "lab.yaml").read_text(encoding="utf-8"))["boards"][0]


def _warm_up(port: int, username: str, rounds: int = 4) -> None:
    """Start every worker's simulator processes (first runs compile the guest) before measuring."""
    user = Session(port, username)
    for lab in (BOARD_LAB, ROBOT_LAB):
        page = user.request("GET", f"/catalog/labs/{lab}")[1]
        user.csrf = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
        form = {"code": _starter_solution(page, lab), "board": _default_board(lab), "csrf_token": user.csrf}
        for _ in range(rounds):
            user.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)  # new connection: any worker
            user.request("POST", f"/catalog/labs/{lab}/run", form, "application/json")
            time.sleep(0.6)  # the per-user pace between runs


def teacher_reloads(port: int, grid_path: str, timings: Timings, stop: threading.Event, every: float) -> None:
    teacher = Session(port, TEACHER)
    while not stop.is_set():
        timings.timed("teacher grid", lambda: teacher.request("GET", grid_path))
        timings.timed("bare route", lambda: teacher.request("GET", "/healthz"))
        stop.wait(every)


def _postgres_url(args: argparse.Namespace) -> str:
    if args.database_url:
        return args.database_url
    subprocess.run(["pg_ctlcluster", "15", "main", "start"], capture_output=True)
    for _ in range(30):
        if subprocess.run(["pg_isready", "-q", "-h", "localhost"]).returncode == 0:
            break
        time.sleep(1)
    sql = (f"DROP DATABASE IF EXISTS {DB_NAME}; DROP ROLE IF EXISTS {DB_NAME}; "
           f"CREATE ROLE {DB_NAME} LOGIN PASSWORD '{DB_NAME}'; CREATE DATABASE {DB_NAME} OWNER {DB_NAME};")
    for statement in sql.split("; "):
        subprocess.run(["su", "postgres", "-c", f'psql -q -c "{statement.rstrip(";")}"'], check=True, capture_output=True)
    return f"postgresql+psycopg://{DB_NAME}:{DB_NAME}@localhost:5432/{DB_NAME}"


def _students_and_grid(env: dict[str, str], count: int) -> tuple[list[str], str]:
    """Demo students (2B first, then the other classes) and 2B's grid path."""
    script = ("from app import create_app; from app.extensions import db; from app.models import Classroom, ClassRole;"
              "import json;app=create_app();ctx=app.app_context();ctx.push();"
              "rooms=sorted(db.session.scalars(db.select(Classroom)), key=lambda r: (r.level.value!='secondaria-1', r.year!=2, r.id));"
              "print(json.dumps({'grid': rooms[0].id, 'students': [s.username for r in rooms for s in r.students]}))")
    out = subprocess.run([str(BIN / "python"), "-c", script], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["students"][:count], f"/teach/classes/{data['grid']}/progress"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker (2 workers)")
    parser.add_argument("--think", type=float, default=4.0, help="mean seconds a student thinks between steps")
    parser.add_argument("--grid-every", type=float, default=1.0, help="seconds between the teacher's reloads")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = _postgres_url(args)
    with tempfile.TemporaryDirectory() as instance:
        env = {**os.environ, "OFFICINA_INSTANCE_PATH": instance, "OFFICINA_ENV": "development",
               "OFFICINA_DATABASE_URL": url, "DATABASE_URL": url, "OFFICINA_RUNS_PER_MINUTE": "30"}
        subprocess.run([str(BIN / "officina"), "demo", "--quiet"], env=env, check=True, cwd=ROOT, capture_output=True)
        students, grid_path = _students_and_grid(env, args.students)
        port = free_port()
        server = subprocess.Popen([str(BIN / "gunicorn"), "-w", "2", "--threads", str(args.threads), "-b",
                                   f"127.0.0.1:{port}", "--log-level", "warning", "app:create_app()"], env=env, cwd=ROOT)
        timings = Timings()
        try:
            wait_for(port, 60)
            _warm_up(port, students[-1])
            stop = threading.Event()
            teacher = threading.Thread(target=teacher_reloads, args=(port, grid_path, timings, stop, args.grid_every))
            teacher.start()
            started = time.perf_counter()
            threads = [threading.Thread(target=student_session, args=(port, name, seed, timings, args.think))
                       for seed, name in enumerate(students)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
            stop.set()
            teacher.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"{len(students)} students on gunicorn (2 workers × {args.threads} threads) + PostgreSQL, "
          f"think time ~{args.think:.1f} s, {elapsed:.0f} s in all")
    for step in ("sign in", "open board lab", "run board lab", "submit board lab", "open robot lab", "run robot lab",
                 "submit robot lab", "teacher grid", "bare route"):
        values = timings.ms.get(step, [])
        if values:
            statuses = ", ".join(f"{k}: {v}" for k, v in sorted(timings.status[step].items()))
            print(f"  {step:<18} p50 {percentile(values, .5):7.1f} ms  p95 {percentile(values, .95):7.1f} ms"
                  f"  ({len(values)}{'; ' + statuses if statuses else ''})")
    run95 = percentile(timings.ms["run board lab"], .95)
    submit95 = percentile(timings.ms["submit board lab"], .95)
    grid95 = percentile(timings.ms["teacher grid"], .95)
    bare95 = percentile(timings.ms["bare route"], .95)
    print(f"run p95 {run95:.0f} ms; submit p95 {submit95:.0f} ms; grid p95 {grid95:.0f} ms; ratio to bare {grid95 / bare95:.1f}")


if __name__ == "__main__":
    sys.exit(main())
