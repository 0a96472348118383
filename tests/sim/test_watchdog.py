"""The wall-clock watchdog is a safety net, never a verdict: when it fires (only an overloaded
server gets there, since fuel ends every run long before), the result says the server was busy and
carries no checks, so nothing can be recorded as a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.sim import grade, pool, simulate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def impatient_pool(monkeypatch):
    """The process-wide pool replaced by one whose watchdog fires after 50 ms."""
    tiny = pool.Pool(1, deadline_s=0.05)
    monkeypatch.setattr(pool, "_POOL", tiny)
    yield tiny
    tiny.close()


def test_watchdog_on_a_grade_reports_busy_not_failed(impatient_pool):
    """Does a grade cut by the watchdog come back as busy, with no checks and no error?"""
    code = (ROOT / "labs" / "maze-wall-follower" / "solution.py").read_text(encoding="utf-8")
    result = grade(code, "maze-wall-follower", lang="it")
    assert result.busy and result.run.busy and result.run.outcome == "busy"
    assert result.checks == () and not result.passed and result.run.error is None
    assert "Non conta come errore" in result.run.notice["it"]


def test_watchdog_on_a_run_reports_busy_and_the_pool_recovers(impatient_pool):
    """Is a simulate cut by the watchdog busy, and does the replaced worker serve the next job?"""
    r = simulate("while True:\n    x = 1 + 1\n", "pico", seconds=60)
    assert r.busy and r.outcome == "busy" and r.error is None
    impatient_pool.deadline_s = 30
    ok = simulate("print('ok')\n", "pico", seconds=1)
    assert not ok.busy and ok.stdout.strip() == "ok"
