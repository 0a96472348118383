"""Runs as jobs: where :func:`app.sim.simulate` and :func:`app.sim.grade` send their work, and the
``grader`` command that serves a job queue.

A *backend* takes a job (``{"op": "simulate" | "grade" | "ping", ...}``, as handled by
:func:`app.sim.worker.handle`) and returns the worker's reply. The default, embedded backend hands
the job to this process's pool of sandbox workers (:mod:`app.sim.pool`) and needs nothing else,
as in the two-command SQLite install. When ``OFFICINA_SIM_QUEUE_URL`` is set (e.g.
``redis://localhost:6379/0``) the queue backend (:mod:`app.sim.queue_rq`) puts the job on a Redis
queue served by RQ and waits, bounded, for its reply: at most ``OFFICINA_SIM_QUEUE_WAIT_S``
seconds for a grader to start it, then at most ``OFFICINA_SIM_QUEUE_RUN_S`` for the run. ``grader``
processes on any number of machines (:func:`grader_main`) take the jobs and run each through their
own local pool, so the sandbox and its limits are the same everywhere. A job with no reply within
the bounds (no free grader, a grader killed mid-job, the queue unreachable) raises
:class:`SimBusy` -- "busy, try again" -- and never comes back as a failed grade.
"""

from __future__ import annotations

import argparse
import os
import threading
from typing import Any, Protocol

from app.sim.pool import Pool, WorkerLost, get_pool

QUEUE_URL_ENV = "OFFICINA_SIM_QUEUE_URL"
QUEUE_WAIT_ENV = "OFFICINA_SIM_QUEUE_WAIT_S"
DEFAULT_QUEUE_WAIT_S = 20.0  # longest wait for a grader to start a run
QUEUE_RUN_ENV = "OFFICINA_SIM_QUEUE_RUN_S"
DEFAULT_QUEUE_RUN_S = 120.0  # longest wait for a started run (fuel ends every run well before)
QUEUE_NAME = "officina-sim"
RETRY_AFTER_S = 10


class SimBusy(RuntimeError):
    """No reply within the bounded wait: the caller should answer "busy, try again in N s"."""

    def __init__(self, reason: str, retry_after_s: int = RETRY_AFTER_S) -> None:
        super().__init__(reason)
        self.retry_after_s = retry_after_s
        self.message = {
            "it": f"Il simulatore è molto occupato. Riprova tra {retry_after_s} secondi.",
            "en": f"The simulator is very busy. Try again in {retry_after_s} seconds.",
        }


class QueueSetupError(RuntimeError):
    """The queue is configured but cannot be used (missing package, bad URL)."""


class Backend(Protocol):
    """Runs one job and returns the worker's reply (``{"ok": ..., "result" | "message": ...}``)."""

    name: str

    def call(self, job: dict[str, Any], wait_s: float | None = None) -> dict[str, Any]:
        """Raises :class:`WorkerLost` (the run hung or crashed) or :class:`SimBusy`; ``wait_s``
        overrides the configured wait for a worker to take the job."""
        ...


class EmbeddedBackend:
    """The in-process pool of sandbox workers: the default, with no other service."""

    name = "embedded"

    def call(self, job: dict[str, Any], wait_s: float | None = None) -> dict[str, Any]:
        return get_pool().call(job)


_BACKEND: Backend | None = None
_BACKEND_KEY: tuple[str, tuple[float, float]] | None = None
_BACKEND_LOCK = threading.Lock()


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise QueueSetupError(f"{name}={raw!r} is not a number of seconds") from None
    if value <= 0:
        raise QueueSetupError(f"{name} must be positive")
    return value


def queue_bounds() -> tuple[float, float]:
    """(wait for a grader to start a run, wait for the started run), from
    ``OFFICINA_SIM_QUEUE_WAIT_S`` (default 20 s) and ``OFFICINA_SIM_QUEUE_RUN_S`` (120 s)."""
    return (_seconds(QUEUE_WAIT_ENV, DEFAULT_QUEUE_WAIT_S),
            _seconds(QUEUE_RUN_ENV, DEFAULT_QUEUE_RUN_S))


def get_backend() -> Backend:
    """The backend chosen by ``OFFICINA_SIM_QUEUE_URL`` (read on each call, so a test or a
    reconfigured process switches without restarting); unset or empty means embedded."""
    global _BACKEND, _BACKEND_KEY
    url = os.environ.get(QUEUE_URL_ENV, "").strip()
    key = (url, queue_bounds() if url else (0.0, 0.0))
    with _BACKEND_LOCK:
        if _BACKEND is None or key != _BACKEND_KEY:
            if url:
                from app.sim.queue_rq import QueueBackend

                _BACKEND = QueueBackend(url, QUEUE_NAME, *key[1])
            else:
                _BACKEND = EmbeddedBackend()
            _BACKEND_KEY = key
        return _BACKEND


# --- the grader's side --------------------------------------------------------------------------

_LOCAL_POOL: Pool | None = None
_LOCAL_POOL_LOCK = threading.Lock()


def local_pool() -> Pool:
    """This grader slot's own pool: one sandbox worker, created once and reused for every job."""
    global _LOCAL_POOL
    with _LOCAL_POOL_LOCK:
        if _LOCAL_POOL is None:
            _LOCAL_POOL = Pool(size=1)
        return _LOCAL_POOL


def _in_labs_dir(ref: Any) -> bool:
    """Is ``ref`` (a slug, or a path) a folder directly inside this machine's labs folder? A
    queued job may only name such labs, never an arbitrary folder with its own ``checks.py``."""
    from app.sim.labs import labs_dir

    if not isinstance(ref, str) or not ref:
        return False
    root = labs_dir().resolve()
    return (root / ref).resolve().parent == root


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """Run a queued job in this grader's sandbox pool (the queue worker calls this by name).

    A run that hung or crashed its worker comes back as a reply with ``error_type`` "WorkerLost"
    (the worker is replaced), so the caller shows the same "server busy" result as the embedded
    pool does. A grade job may name only a lab of this grader's labs folder.
    """
    if not isinstance(job, dict):
        return {"ok": False, "error_type": "ValueError", "message": "a job is a JSON object"}
    if job.get("op") == "grade" and not _in_labs_dir(job.get("lab")):
        return {"ok": False, "error_type": "ValueError",
                "message": f"lab {job.get('lab')!r} is not in this grader's labs folder"}
    try:
        return local_pool().call(job)
    except WorkerLost as exc:
        return {"ok": False, "error_type": "WorkerLost", "message": str(exc)}


def _parse_grader_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="officina grader",
        description="Run grading workers that take simulate/grade jobs from the queue.")
    parser.add_argument("--queue-url", default=os.environ.get(QUEUE_URL_ENV, ""),
                        help=f"Redis URL of the queue (default: ${QUEUE_URL_ENV})")
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 1,
                        help="jobs run at once, one sandbox worker each (default: number of cores)")
    parser.add_argument("--queue", default=QUEUE_NAME, help=f"queue name (default: {QUEUE_NAME})")
    parser.add_argument("--burst", action="store_true",
                        help="stop when the queue is empty (for tests and batch runs)")
    parser.add_argument("--verbose", action="store_true", help="log every job")
    args = parser.parse_args(argv)
    if not args.queue_url:
        parser.error(f"no queue: pass --queue-url or set {QUEUE_URL_ENV}")
    if args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    return args


def grader_main(argv: list[str] | None = None) -> int:
    """``officina grader [--queue-url URL] [--concurrency N] ...``: serve the queue until stopped
    (SIGTERM or Ctrl-C let running jobs finish). Returns the process exit status."""
    import sys

    args = _parse_grader_args(sys.argv[1:] if argv is None else list(argv))
    from app.sim.queue_rq import serve

    try:
        serve(args.queue_url, args.queue, args.concurrency, burst=args.burst,
              verbose=args.verbose)
    except QueueSetupError as exc:
        print(f"officina grader: {exc}", file=sys.stderr)
        return 2
    return 0
