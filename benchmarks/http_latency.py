"""HTTP latency under load: login page, a signed-in home page and a bare route, in one run.

Serves Officina with gunicorn (2 workers) on loopback over a fresh demo database, signs in as a
demo teacher, then for each target sends requests from 50 concurrent clients (keep-alive
connections) and prints p50/p95 latency and the ratio of the signed-in home to the bare route.
Target (issue 2): signed-in home p95 <= 3x the bare route's p95.

    .venv/bin/python benchmarks/http_latency.py [--requests 2000] [--clients 50]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def sign_in(port: int, username: str, password: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/auth/login")
    response = conn.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    body = urlencode({"username": username, "password": password, "csrf_token": token})
    conn.request("POST", "/auth/login", body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = conn.getresponse()
    response.read()
    assert response.status == 302, response.status
    return response.getheader("Set-Cookie").split(";")[0]


def load(port: int, path: str, cookie: str | None, total: int, clients: int) -> list[float]:
    """Send ``total`` GETs from ``clients`` threads; return latencies in ms."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = total // clients

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        mine = []
        for _ in range(per_client):
            start = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - start) * 1000)
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as instance:
        env = {**os.environ, "OFFICINA_INSTANCE_PATH": instance, "OFFICINA_ENV": "development"}
        env.pop("OFFICINA_DATABASE_URL", None)
        subprocess.run([str(BIN / "officina"), "demo", "--quiet"], env=env, check=True, cwd=ROOT, capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "app:create_app()"],
            env=env, cwd=ROOT,
        )
        try:
            wait_for(port)
            cookie = sign_in(port, "prof.rossi", "officina-demo")
            targets = [("bare route /healthz", "/healthz", None), ("login page", "/auth/login", None),
                       ("signed-in home /teach/", "/teach/", cookie)]
            load(port, "/healthz", None, 200, 10)  # warm up both workers
            results = {}
            for label, path, target_cookie in targets:
                latencies = load(port, path, target_cookie, args.requests, args.clients)
                results[label] = (percentile(latencies, 0.50), percentile(latencies, 0.95), statistics.mean(latencies))
            print(f"gunicorn 2 workers, {args.clients} concurrent clients, {args.requests} requests per target")
            for label, (p50, p95, mean) in results.items():
                print(f"  {label:<24} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   mean {mean:7.2f} ms")
            home_p95 = results["signed-in home /teach/"][1]
            bare_p95 = results["bare route /healthz"][1]
            ratio = home_p95 / bare_p95
            print(f"  ratio home/bare (p95): {ratio:.2f}  (target <= 3.00: {'met' if ratio <= 3 else 'NOT met'})")
            print(f"  ratio home/bare (p50): {results['signed-in home /teach/'][0] / results['bare route /healthz'][0]:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
