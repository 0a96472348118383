"""The job queue end to end: a real ``redis-server`` started here on a free port, a separate
``officina grader`` (or ``python -m app.sim grader``) process, and ``app.sim.simulate``/``grade``
sending real jobs through them (no mocks). Also the embedded default, the grader's refusals of
forged jobs, and the "busy, try again" outcome when no grader answers in time (none running,
killed mid-job, or the queue unreachable)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import app.sim as sim
from app.sim.grading import grade_local
from app.sim.jobs import (QUEUE_NAME, QUEUE_RUN_ENV, QUEUE_URL_ENV, QUEUE_WAIT_ENV, SimBusy,
                          get_backend)

try:  # the "queue" extra: these tests need it installed, and are never skipped
    import redis
    from rq import Queue
    from rq.job import Job
    from rq.registry import StartedJobRegistry
    from rq.serializers import JSONSerializer
except ImportError as missing:
    raise ImportError(f"{missing}: the job queue tests need rq and redis "
                      "(pip install -e '.[queue,test]')") from None

ROOT = Path(__file__).resolve().parents[2]
BLINK = ROOT / "labs/blink"
REDIS_MISSING = ("redis-server is not installed, and the job queue tests need a real Redis: "
                 "apt-get install -y redis-server")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _a_job_started(url: str) -> bool:
    """Has a grader started a job, as a caller sees it (its status, not only the registry)? RQ
    adds a job to the registry of started jobs before it sets the job's status, and a caller
    counts its run bound only from the status."""
    connection = redis.Redis.from_url(url)
    for job_id in StartedJobRegistry(QUEUE_NAME, connection=connection).get_job_ids():
        job = Job.fetch(job_id, connection=connection, serializer=JSONSerializer)
        if job.get_status(refresh=True) == "started":
            return True
    return False


def _wait_until(predicate, timeout_s: float, what: str) -> None:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    """A private Redis on a free loopback port, no persistence; yields its base URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail(REDIS_MISSING)
    workdir = tmp_path_factory.mktemp("redis")
    port = _free_port()
    log = open(workdir / "redis.log", "wb")
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(workdir)],
                            stdout=log, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port)

    def answers() -> bool:
        if proc.poll() is not None:
            pytest.fail(f"redis-server exited: {(workdir / 'redis.log').read_text()[-500:]}")
        try:
            return bool(client.ping())
        except redis.exceptions.ConnectionError:
            return False

    _wait_until(answers, 15, f"redis-server on port {port} (log: {workdir / 'redis.log'})")
    yield f"redis://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


OFFICINA = Path(sys.executable).parent / "officina"  # the installed console script


def _start_grader(url: str, log_path: Path, command: list[str]) -> subprocess.Popen:
    """``command`` is ``[OFFICINA]`` or ``[python, -m, app.sim]``: both entry points are used."""
    env = {k: v for k, v in os.environ.items() if k != QUEUE_URL_ENV}
    log = open(log_path, "wb")
    return subprocess.Popen([*map(str, command), "grader", "--queue-url", url, "--concurrency", "1"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def _stop_grader(proc: subprocess.Popen) -> None:
    """SIGTERM (running jobs finish), then SIGKILL the whole process group if it lingers."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


def _use_queue(monkeypatch, url: str, wait_s: float, run_s: float = 60) -> None:
    """Point ``app.sim`` at the queue: ``wait_s`` for a grader to start a job, ``run_s`` for it."""
    monkeypatch.setenv(QUEUE_URL_ENV, url)
    monkeypatch.setenv(QUEUE_WAIT_ENV, str(wait_s))
    monkeypatch.setenv(QUEUE_RUN_ENV, str(run_s))


@pytest.fixture(scope="module")
def grader(redis_server, tmp_path_factory):
    """A separate ``officina grader`` process serving database 0 of the Redis."""
    url = f"{redis_server}/0"
    proc = _start_grader(url, tmp_path_factory.mktemp("grader") / "grader.log", [OFFICINA])
    yield url, proc
    _stop_grader(proc)


@pytest.fixture
def queued(grader, monkeypatch):
    """``app.sim`` pointed at the module's grader, with a generous bound for a cold start."""
    url, proc = grader
    _use_queue(monkeypatch, url, 60)
    return proc


def _ancestors(pid: int) -> list[int]:
    chain = []
    while pid > 1:
        stat = Path(f"/proc/{pid}/stat").read_text()
        pid = int(stat.rsplit(")", 1)[1].split()[1])
        chain.append(pid)
    return chain


def test_default_is_the_embedded_pool(monkeypatch):
    """Without OFFICINA_SIM_QUEUE_URL, do runs stay in this process's pool?"""
    monkeypatch.delenv(QUEUE_URL_ENV, raising=False)
    assert get_backend().name == "embedded"
    assert sim.simulate("print('ciao')", "pico").stdout == "ciao\n"


def test_jobs_run_in_the_separate_grader_process(queued):
    """Does a queued job run in a sandbox worker under the grader process, not in the caller?"""
    reply = get_backend().call({"op": "ping"})
    assert reply["ok"]
    sandbox_pid = reply["result"]
    chain = _ancestors(sandbox_pid)
    assert queued.pid in chain
    assert chain.index(queued.pid) < chain.index(os.getpid())  # not this process's own pool


def test_simulate_through_the_queue(queued):
    """Does simulate() through the queue return the run, with its output and events?"""
    result = sim.simulate((BLINK / "solution.py").read_text(), "pico", seconds=2)
    assert isinstance(result, sim.RunResult)
    assert result.error is None
    assert any(e.kind == "set" or e.source.startswith("pin") for e in result.events)


def test_grading_the_blink_solution_passes_and_matches_in_process(queued):
    """Does the blink solution pass through the queue, with the same result as graded here?"""
    code = (BLINK / "solution.py").read_text()
    queued_result = sim.grade(code, "blink", lang="en")
    assert queued_result.passed
    assert queued_result.to_dict() == grade_local(code, BLINK, lang="en").to_dict()


def test_a_wrong_program_fails_its_grade(queued):
    """Does a wrong blink program come back as a failed grade (not an error or busy)?"""
    result = sim.grade((BLINK / "wrong/too_fast.py").read_text(), "blink")
    assert not result.passed
    assert any(not c.passed for c in result.checks)


def test_a_read_reply_leaves_nothing_in_redis(queued):
    """Once the caller has its reply, are the job and its (possibly large) result gone?"""
    client = redis.Redis.from_url(os.environ[QUEUE_URL_ENV])
    before = set(client.scan_iter("rq:job:*")) | set(client.scan_iter("rq:results:*"))
    assert sim.grade((BLINK / "solution.py").read_text(), "blink").passed
    after = set(client.scan_iter("rq:job:*")) | set(client.scan_iter("rq:results:*"))
    assert after <= before


def test_a_grader_refuses_any_other_function(queued):
    """Does a grader refuse a job that names a function other than run_job (a forged job)?"""
    from rq.results import Result
    from rq.serializers import JSONSerializer

    url = os.environ[QUEUE_URL_ENV]
    forged_queue = Queue(QUEUE_NAME, connection=redis.Redis.from_url(url),
                         serializer=JSONSerializer)
    forged = forged_queue.enqueue_call("os.getcwd", result_ttl=60, failure_ttl=60)
    result = forged.latest_result(timeout=30)
    assert result is not None and result.type == Result.Type.FAILED
    assert "runs only app.sim.jobs.run_job" in result.exc_string
    assert sim.simulate("print(2)", "pico").stdout == "2\n"  # and goes on serving


def test_a_grader_grades_only_labs_of_its_labs_folder(queued, tmp_path):
    """Is a job naming a lab folder outside the grader's labs folder refused?"""
    outside = tmp_path / "blink"
    shutil.copytree(BLINK, outside)
    reply = get_backend().call({"op": "grade", "code": "pass", "lab": str(outside),
                                "board": None, "lang": "it"})
    assert not reply["ok"]
    assert "not in this grader's labs folder" in reply["message"]


def test_a_started_run_may_outlast_the_wait_for_a_grader(queued, monkeypatch):
    """Does a run a grader took in time still get its reply when it lasts longer than that wait?"""
    sandbox_pid = get_backend().call({"op": "ping"})["result"]
    _use_queue(monkeypatch, os.environ[QUEUE_URL_ENV], 1, run_s=60)
    outcome: dict[str, object] = {}

    def student_run() -> None:
        outcome["result"] = sim.simulate("print('lento')", "pico")

    os.kill(sandbox_pid, signal.SIGSTOP)  # the run cannot finish until we let it go on
    try:
        caller = threading.Thread(target=student_run)
        caller.start()
        _wait_until(lambda: _a_job_started(os.environ[QUEUE_URL_ENV]), 30, "the grader to start the job")
        time.sleep(2.5)  # well past the 1 s wait for a grader
    finally:
        os.kill(sandbox_pid, signal.SIGCONT)
    caller.join(timeout=60)
    assert not caller.is_alive()
    assert outcome["result"].stdout == "lento\n"


def test_no_grader_means_busy_and_the_job_is_withdrawn(redis_server, monkeypatch):
    """With no grader, is the caller told "busy" and the abandoned job taken off the queue?"""
    url = f"{redis_server}/2"
    _use_queue(monkeypatch, url, 1)
    with pytest.raises(SimBusy) as busy:
        sim.grade((BLINK / "solution.py").read_text(), "blink")
    assert busy.value.retry_after_s > 0
    assert set(busy.value.message) == {"it", "en"}
    assert len(Queue(QUEUE_NAME, connection=redis.Redis.from_url(url))) == 0


def test_unreachable_queue_means_busy(monkeypatch):
    """Is a queue that cannot be reached answered with "busy", not a failed grade?"""
    _use_queue(monkeypatch, f"redis://127.0.0.1:{_free_port()}/0", 5)
    with pytest.raises(SimBusy):
        sim.simulate("print(1)", "pico")


def test_grader_killed_mid_job_means_busy(redis_server, monkeypatch, tmp_path):
    """If the grader dies while running a job, does the caller get "busy" within its bound?"""
    url = f"{redis_server}/1"
    proc = _start_grader(url, tmp_path / "grader.log", [sys.executable, "-m", "app.sim"])
    try:
        _use_queue(monkeypatch, url, 60)
        sandbox_pid = get_backend().call({"op": "ping"})["result"]
        assert proc.pid in _ancestors(sandbox_pid)
        os.kill(sandbox_pid, signal.SIGSTOP)  # the next job will be in flight until we kill it
        _use_queue(monkeypatch, url, 60, run_s=3)
        outcome: dict[str, object] = {}

        def student_run() -> None:
            try:
                outcome["result"] = sim.grade((BLINK / "solution.py").read_text(), "blink")
            except SimBusy as exc:
                outcome["busy"] = exc

        caller = threading.Thread(target=student_run)
        caller.start()
        _wait_until(lambda: _a_job_started(url), 30, "the grader to start the job")
        os.killpg(proc.pid, signal.SIGKILL)
        caller.join(timeout=60)
        assert not caller.is_alive()
        assert "result" not in outcome
        assert isinstance(outcome.get("busy"), SimBusy)
    finally:
        _stop_grader(proc)
