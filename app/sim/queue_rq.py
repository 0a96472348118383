"""The job queue on Redis with RQ: the caller's side (:class:`QueueBackend`) and the grader's
(:func:`serve`).

The caller enqueues ``app.sim.jobs.run_job(job)`` with a JSON serializer (jobs and replies are
plain JSON, never pickles) and no RQ job timeout (the grader's sandbox pool has its own watchdog,
which answers "WorkerLost"; an RQ alarm inside the pool would leave it broken). It then blocks on
the job's result stream in one-second slices, checking that a grader started the job within the
queue bound and finished it within the run bound; if not, it takes the job off the queue (a job
nobody waits for is never run; a TTL drops it if the caller died) and raises :class:`SimBusy`. A
grader is RQ's ``WorkerPool`` of ``SimpleWorker`` processes (no fork per job), each with one warm
sandbox worker; the pool restarts a worker that dies. ``rq`` and ``redis`` are imported only here,
so the embedded default never needs them.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from app.sim.jobs import QueueSetupError, SimBusy, run_job
from app.sim.pool import WorkerLost

log = logging.getLogger(__name__)
RESULT_TTL_S = 30  # the caller deletes a reply once read; this only bounds an unread one (a
# robot lab's reply, with its replay, can be 0.5 MB: at 50 runs/s they must not pile up in Redis)
FAILURE_TTL_S = 24 * 3600  # failed jobs (a grader fault, not a student's) stay for a day
JOB_FUNC = "app.sim.jobs.run_job"


def _import_rq() -> Any:
    try:
        import redis
        import rq
    except ImportError:
        raise QueueSetupError("the job queue needs the 'rq' and 'redis' packages: "
                              "pip install 'officina[queue]'") from None
    return rq, redis


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def _connect(url: str, socket_timeout: float | None) -> Any:
    _, redis = _import_rq()
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=socket_timeout,
                                    health_check_interval=30)
    except ValueError as exc:
        raise QueueSetupError(f"bad queue URL {redacted(url)}: {exc}") from None


def portable_job(job: dict[str, Any]) -> dict[str, Any]:
    """The job as another machine can run it: a lab inside the labs folder goes by its slug
    (graders resolve it in their own copy of the same release); any other lab keeps its path,
    which a grader accepts only if it lies in its own labs folder."""
    from app.sim.labs import labs_dir

    if job.get("op") != "grade":
        return job
    path = Path(job["lab"])
    try:
        inside = path.resolve().parent == labs_dir().resolve()
    except OSError:
        inside = False
    return {**job, "lab": path.name} if inside else job


class QueueBackend:
    """Enqueue on Redis and wait, bounded, for a grader's reply."""

    name = "queue"

    def __init__(self, url: str, queue_name: str, wait_s: float, run_s: float) -> None:
        rq, _ = _import_rq()
        from rq.serializers import JSONSerializer

        self.url = url
        self.wait_s = wait_s  # for a grader to start the job
        self.run_s = run_s  # for the started job's reply
        self.connection = _connect(url, socket_timeout=15)
        self.queue = rq.Queue(queue_name, connection=self.connection, serializer=JSONSerializer)

    def call(self, job: dict[str, Any], wait_s: float | None = None) -> dict[str, Any]:
        """Run ``job`` on a grader; raise :class:`SimBusy` when no grader starts it within
        ``wait_s`` (default: the configured wait) or its reply does not come within the run bound,
        :class:`WorkerLost` when the grader's sandbox lost the run (its watchdog fired)."""
        _, redis = _import_rq()
        wait = self.wait_s if wait_s is None else wait_s
        try:
            # The TTL only backs up _withdraw (a caller that died cannot withdraw): RQ does not
            # lift it when a job starts, so it must also cover the run.
            queued = self.queue.enqueue_call(JOB_FUNC, args=(portable_job(job),), timeout=-1,
                                             ttl=int(wait + self.run_s) + 1,
                                             result_ttl=RESULT_TTL_S, failure_ttl=FAILURE_TTL_S)
            result = self._wait(queued, wait)
            if result is None:
                self._withdraw(queued)
        except redis.exceptions.RedisError as exc:
            log.warning("queue %s unreachable: %s", redacted(self.url), exc)
            raise SimBusy(f"queue unreachable: {exc}") from None
        if result is None:
            raise SimBusy("no grader finished the run in time")
        from rq.results import Result

        if result.type != Result.Type.SUCCESSFUL:
            log.warning("grader failed job %s: %s", queued.id, (result.exc_string or "")[-500:])
            raise SimBusy("the grader failed")
        reply = result.return_value
        self._forget(queued)
        if not isinstance(reply, dict):
            raise SimBusy("the grader sent a malformed reply")
        if reply.get("error_type") == "WorkerLost":
            raise WorkerLost(reply.get("message", ""))
        return reply

    def _wait(self, queued: Any, wait_s: float) -> Any:
        """The job's result, or None once no grader started it within ``wait_s`` or the started
        run outlived ``run_s``. A result wakes the blocking read at once; the one-second slices
        (RQ's blocking read takes whole seconds) only serve to look at the job's status."""
        deadline = time.monotonic() + wait_s
        started = False
        while True:
            result = queued.latest_result(timeout=1)
            if result is not None:
                return result
            now = time.monotonic()
            if not started and self._has_started(queued):
                started, deadline = True, now + self.run_s
            if now >= deadline:
                return None

    @staticmethod
    def _has_started(queued: Any) -> bool:
        from rq.exceptions import InvalidJobOperation

        try:
            return queued.get_status(refresh=True) not in ("queued", "scheduled", "deferred")
        except InvalidJobOperation:  # gone: dropped by its TTL before any grader took it
            return False

    @staticmethod
    def _forget(queued: Any) -> None:
        """Delete a job and its reply once read (best effort: their TTL removes them anyway)."""
        try:
            queued.delete(remove_from_queue=False)
        except Exception as exc:
            log.info("could not delete job %s: %s", queued.id, exc)

    def _withdraw(self, queued: Any) -> None:
        """Take a job nobody waits for off the queue; one a grader already took is left alone."""
        try:
            if self.queue.remove(queued.id):  # still waiting: never started, safe to delete
                queued.delete(remove_from_queue=False)
        except Exception as exc:  # best effort: its TTL makes graders skip it anyway
            log.info("could not withdraw job %s: %s", queued.id, exc)


def _grader_job_class() -> type:
    from rq.job import Job

    class GraderJob(Job):
        """A job as a grader accepts it: only :func:`run_job`, with no callbacks or webhooks, so
        whoever can write to Redis still cannot choose what code a grader runs or whom it calls."""

        def restore(self, raw_data: Any) -> None:
            super().restore(raw_data)
            self.webhooks = []

        @property
        def func(self) -> Any:
            if self.func_name != JOB_FUNC:
                raise PermissionError(f"a grader runs only {JOB_FUNC}, not {self.func_name!r}")
            return run_job

        success_callback = failure_callback = stopped_callback = property(lambda self: None)

    return GraderJob


def _grader_worker_class() -> type:
    from rq.worker import SimpleWorker

    class GraderWorker(SimpleWorker):
        """An RQ worker that warms its sandbox worker before taking the first job."""

        def work(self, *args: Any, **kwargs: Any) -> bool:
            reply = run_job({"op": "ping"})
            if not reply.get("ok"):
                raise RuntimeError(f"sandbox worker failed to start: {reply}")
            return super().work(*args, **kwargs)

    return GraderWorker


def serve(url: str, queue_name: str, concurrency: int, *, burst: bool = False,
          verbose: bool = False) -> None:
    """Run ``concurrency`` grading workers on ``queue_name`` until SIGTERM/SIGINT (or, with
    ``burst``, until the queue is empty)."""
    rq, redis = _import_rq()
    from rq.serializers import JSONSerializer
    from rq.worker_pool import WorkerPool

    connection = _connect(url, socket_timeout=None)
    try:
        connection.ping()
    except redis.exceptions.RedisError as exc:
        raise QueueSetupError(f"cannot reach the queue at {redacted(url)}: {exc}") from None
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for name in ("rq", "rq.worker"):  # RQ logs every job and worker start at INFO
        logging.getLogger(name).setLevel(level)
    log.warning("grader: %d worker process(es) on queue %r at %s", concurrency, queue_name,
                redacted(url))
    pool = WorkerPool([queue_name], connection=connection, num_workers=concurrency,
                      worker_class=_grader_worker_class(), job_class=_grader_job_class(),
                      serializer=JSONSerializer)
    pool.start(burst=burst, logging_level=logging.getLevelName(level))
