"""A lazily created, reused pool of worker processes that run and grade programs.

Owns process isolation: each worker is a separate Python process (started without importing the
web app) that runs one job at a time; the parent enforces a wall-clock deadline per job and kills
and replaces a worker that misses it, so one stuck or crashing run never affects others or the
caller. Jobs and replies are length-prefixed JSON over the worker's stdin/stdout.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import select
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

_APP_DIR = Path(__file__).resolve().parent.parent
_BOOT = (
    "import sys, types\n"
    "if 'app' not in sys.modules:\n"
    "    m = types.ModuleType('app'); m.__path__ = [%r]; sys.modules['app'] = m\n"
    "from app.sim.worker import main\n"
    "main()\n"
) % str(_APP_DIR)


# The watchdog is a safety net only: fuel decides every outcome, and the longest fuel-bounded job
# (three worlds of a 90 s robot lab busy-looping, on a loaded machine) stays well under this.
# When it fires the caller reports "server busy, try again", never a failed program.
DEADLINE_S = 600.0


class WorkerLost(RuntimeError):
    """A worker died or missed its deadline while running a job."""


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ)
        env.pop("PYTHONSTARTUP", None)
        self.proc = subprocess.Popen([sys.executable, "-c", _BOOT], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, close_fds=True)

    def send(self, job: dict[str, Any]) -> None:
        data = json.dumps(job).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(struct.pack("<I", len(data)) + data)
        self.proc.stdin.flush()

    def _read_exact(self, n: int, deadline: float) -> bytes:
        import time

        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        buf = b""
        while len(buf) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise WorkerLost("deadline")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                raise WorkerLost("deadline")
            chunk = os.read(fd, n - len(buf))
            if not chunk:
                raise WorkerLost("worker exited")
            buf += chunk
        return buf

    def receive(self, timeout: float) -> dict[str, Any]:
        import time

        deadline = time.monotonic() + timeout
        (size,) = struct.unpack("<I", self._read_exact(4, deadline))
        return json.loads(self._read_exact(size, deadline))

    def kill(self) -> None:
        try:
            self.proc.kill()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def close(self) -> None:
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()


class Pool:
    """``size`` workers; :meth:`call` blocks until one is free, then runs the job."""

    def __init__(self, size: int = 2, deadline_s: float = DEADLINE_S) -> None:
        self.size = size
        self.deadline_s = deadline_s
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(size):
            self._spawn()

    def _spawn(self) -> None:
        w = _Worker()
        with self._lock:
            self._all.append(w)
        self._idle.put(w)

    def call(self, job: dict[str, Any], deadline_s: float | None = None) -> dict[str, Any]:
        """Run ``job`` in a worker; raise :class:`WorkerLost` if it hangs or dies (the worker is
        then replaced)."""
        w = self._idle.get()
        try:
            w.send(job)
            reply = w.receive(deadline_s or self.deadline_s)
        except (WorkerLost, OSError, ValueError, struct.error) as exc:
            w.kill()
            with self._lock:
                if w in self._all:
                    self._all.remove(w)
            self._spawn()
            raise WorkerLost(str(exc)) from None
        self._idle.put(w)
        return reply

    def pids(self) -> list[int]:
        with self._lock:
            return [w.proc.pid for w in self._all]

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), []
        for w in workers:
            w.close()


_POOL: Pool | None = None
_POOL_LOCK = threading.Lock()


def get_pool() -> Pool:
    """The process-wide pool, created on first use (size from ``OFFICINA_SIM_WORKERS``, default 2)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = Pool(int(os.environ.get("OFFICINA_SIM_WORKERS", "2")))
            atexit.register(shutdown)
        return _POOL


def shutdown() -> None:
    """Stop the pool's workers (called at exit; safe to call twice)."""
    global _POOL
    with _POOL_LOCK:
        pool, _POOL = _POOL, None
    if pool is not None:
        pool.close()
