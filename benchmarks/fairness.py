"""Fair sharing under a flood (issue 9): while one student floods the simulator, does another
user's page stay fast?

Serves Officina with gunicorn (2 workers) on loopback over a fresh demo database (SQLite in a
temporary instance folder) and signs in two demo students. First the other student loads the
catalogue page alone (the unflooded baseline); then the same while the first student floods the
lab page with endless loops from 20 concurrent connections (bounded: at most --flood-requests
requests and --flood-seconds seconds). Prints that user's page p50/p95 in both phases, the p95
ratio (target: flooded p95 <= 2x unflooded p95) and how the flood was answered (200/429/503),
for sync workers and for threaded workers (gunicorn --threads 16), where one user's refused runs
are paced, more slowly the longer the flood lasts (app.runs.turns). With sync workers every
request waits its turn in one accept queue, so the flooder's quick 429 answers still delay others:
put a per-user limit in the proxy too.
The flood runs in a process of its own, as the flooder sits at another computer: when its 20
client threads shared the measuring process (and its GIL, switched every 5 ms), the measured
user's latency included the benchmark's own thread switching.

    .venv/bin/python benchmarks/fairness.py [--page-requests 1000] [--flood-clients 20] [--threads 1,16]
"""

from __future__ import annotations

import argparse
import collections
import http.client
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.synchronize import Event as StopEvent
from urllib.parse import urlencode

from http_latency import BIN, ROOT, free_port, percentile, wait_for  # same folder

PASSWORD = "officina-demo"
FLOODER, OTHER = "volpe.blu", "fenicottero.blu"
PAGE = "/catalog/"
LAB = "/catalog/labs/blink"
ENDLESS_LOOP = "while True:\n    x = 1 + 1\n"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Browser:
    """One signed-in user: a session cookie and the CSRF token of its session."""

    def __init__(self, port: int, username: str) -> None:
        self.port, self.cookie = port, ""
        html = self.request("GET", "/auth/login")[1]
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        status, _ = self.request("POST", "/auth/login", {"username": username, "password": PASSWORD, "csrf_token": token})
        assert status == 302, f"sign-in of {username}: HTTP {status}"
        html = self.request("GET", LAB)[1]
        self.csrf = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)

    def request(self, method: str, path: str, form: dict | None = None, conn=None) -> tuple[int, str]:
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body, headers = urlencode(form), {**headers, **FORM}
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        text = response.read().decode()
        cookie = response.getheader("Set-Cookie")
        if cookie and cookie.startswith("officina_session="):
            self.cookie = cookie.split(";")[0]
        return response.status, text


def page_latencies(user: Browser, count: int, stop: StopEvent | None = None) -> list[float]:
    """Load the catalogue page ``count`` times in a row; latencies in ms."""
    conn = http.client.HTTPConnection("127.0.0.1", user.port, timeout=60)
    latencies = []
    for _ in range(count):
        start = time.perf_counter()
        status, _ = user.request("GET", PAGE, conn=conn)
        latencies.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise RuntimeError(f"{PAGE}: HTTP {status}")
    if stop is not None:
        stop.set()
    return latencies


def flood(user: Browser, clients: int, max_requests: int, max_seconds: float, stop: StopEvent) -> collections.Counter:
    """``clients`` connections posting endless loops until ``stop``, the count or the time bound."""
    answers: collections.Counter = collections.Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds
    form = {"code": ENDLESS_LOOP, "board": "pico", "csrf_token": user.csrf}
    sent = [0]

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", user.port, timeout=60)
        while not stop.is_set() and time.monotonic() < deadline:
            with lock:
                if sent[0] >= max_requests:
                    return
                sent[0] += 1
            try:
                status, _ = user.request("POST", LAB, form, conn=conn)
            except OSError:
                status, conn = "error", http.client.HTTPConnection("127.0.0.1", user.port, timeout=60)
            with lock:
                answers[status] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def _flood_process(user: Browser, args: argparse.Namespace, stop: StopEvent, out: multiprocessing.Queue) -> None:
    """The flood, in its own process: its answers go back through ``out``."""
    out.put(dict(flood(user, args.flood_clients, args.flood_requests, args.flood_seconds, stop)))


def summary(label: str, latencies: list[float]) -> tuple[float, float]:
    p50, p95 = percentile(latencies, 0.50), percentile(latencies, 0.95)
    print(f"  {label:<34} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   ({len(latencies)} requests)")
    return p50, p95


def measure(threads: int, args: argparse.Namespace) -> None:
    """One gunicorn configuration (2 workers, ``threads`` threads each): both phases, printed."""
    with tempfile.TemporaryDirectory() as instance:
        env = {**os.environ, "OFFICINA_INSTANCE_PATH": instance, "OFFICINA_ENV": "development"}
        env.pop("OFFICINA_DATABASE_URL", None)
        subprocess.run([str(BIN / "officina"), "demo", "--quiet"], env=env, check=True, cwd=ROOT, capture_output=True)
        port = free_port()
        server = subprocess.Popen([str(BIN / "gunicorn"), "-w", "2", "--threads", str(threads), "-b", f"127.0.0.1:{port}",
                                   "--log-level", "warning", "app:create_app()"], env=env, cwd=ROOT)
        try:
            wait_for(port)
            flooder, other = Browser(port, FLOODER), Browser(port, OTHER)
            page_latencies(other, 40)  # warm up both workers and the catalogue cache
            quiet = page_latencies(other, args.page_requests)
            processes = multiprocessing.get_context("fork")
            stop, out = processes.Event(), processes.Queue()
            flooding = processes.Process(target=_flood_process, args=(flooder, args, stop, out))
            flood_started = time.perf_counter()
            flooding.start()
            time.sleep(1.0)  # let the flood build up
            busy = page_latencies(other, args.page_requests, stop)
            answers = collections.Counter(out.get(timeout=args.flood_seconds + 120))
            flooding.join()
            flood_seconds = time.perf_counter() - flood_started
        finally:
            server.terminate()
            server.wait(timeout=30)
    workers = "sync workers" if threads == 1 else f"{threads} threads each"
    print(f"gunicorn 2 workers ({workers}); {OTHER} loads {PAGE} while {FLOODER} floods {LAB} "
          f"with endless loops from {args.flood_clients} connections")
    _, quiet_p95 = summary("catalogue page, no flood", quiet)
    _, busy_p95 = summary("catalogue page, during the flood", busy)
    ratio = busy_p95 / quiet_p95
    print(f"  ratio flooded/unflooded p95: {ratio:.2f}  (target <= 2.00: {'met' if ratio <= 2 else 'NOT met'})")
    counts = ", ".join(f"{status}: {answers[status]}" for status in sorted(answers, key=str))
    print(f"  flood answered ({sum(answers.values())} requests in {flood_seconds:.1f} s): {counts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-requests", type=int, default=1000)
    parser.add_argument("--flood-clients", type=int, default=20)
    parser.add_argument("--flood-requests", type=int, default=6000)
    parser.add_argument("--flood-seconds", type=float, default=60)
    parser.add_argument("--threads", default="1,16",
                        help="gunicorn threads per worker, one measurement each (1: sync workers)")
    args = parser.parse_args()
    for threads in (int(value) for value in args.threads.split(",")):
        measure(threads, args)


if __name__ == "__main__":
    sys.exit(main())
