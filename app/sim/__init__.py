"""Officina's MicroPython lab engine: real MicroPython (WASI build under wasmtime) running student
code against virtual boards, with a deterministic simulated clock, a validated trace, and graders.

The web app uses only this module's functions: :func:`simulate`, :func:`grade` (both run in a
lazily created, reused pool of worker processes with a watchdog) and the SVG renderers. This
package imports no Flask and nothing from ``app`` outside ``app.sim``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.sim.boards import BOARDS, Board, get_board
from app.sim.labs import Lab, LabError, load_lab
from app.sim.pool import WorkerLost, get_pool, shutdown
from app.sim.results import CheckResult, GradeResult, RunResult
from app.sim.scenario import ScenarioError
from app.sim.svg import render_board, render_display_frames, render_timeline

__all__ = ["BOARDS", "Board", "CheckResult", "GradeResult", "Lab", "LabError", "RunResult",
           "ScenarioError", "SimError", "WorkerLost", "get_board", "grade", "load_lab",
           "render_board", "render_display_frames", "render_timeline", "shutdown", "simulate"]


class SimError(ValueError):
    """The request was invalid (unknown board, bad scenario, source too large...)."""


def _timeout_result(board: str, seconds: float | None) -> RunResult:
    return RunResult(board, {"type": "Timeout", "message": "the run took too long and was stopped",
                             "line": None}, "", 0, (), "crash",
                     {"it": "Esecuzione interrotta dal controllo di sicurezza.",
                      "en": "The run was stopped by the watchdog."})


def _call(job: dict[str, Any]) -> dict[str, Any]:
    reply = get_pool().call(job)
    if not reply.get("ok"):
        raise SimError(f"{reply.get('error_type')}: {reply.get('message')}")
    return reply["result"]


def simulate(code: str, board: str, scenario: dict[str, Any] | None = None,
             seconds: float | None = None) -> RunResult:
    """Run ``code`` on a virtual ``board`` ("pico", "pico_w", "esp32", "microbit").

    ``scenario`` is a mapping as in a lab's ``scenario:`` key; ``seconds`` overrides its length.
    Raises :class:`SimError` for invalid input; a hung run comes back as a "Timeout" error.
    """
    job = {"op": "simulate", "code": code, "board": board, "scenario": scenario, "seconds": seconds}
    try:
        return RunResult.from_dict(_call(job))
    except WorkerLost:
        return _timeout_result(board, seconds)


def grade(code: str, lab: str | Path, *, board: str | None = None, lang: str = "it") -> GradeResult:
    """Grade ``code`` against a lab (slug or folder); messages in ``lang`` ("it" or "en")."""
    path = load_lab(lab).path
    job = {"op": "grade", "code": code, "lab": str(path), "board": board, "lang": lang}
    try:
        return GradeResult.from_wire(_call(job))
    except WorkerLost:
        return GradeResult(path.name, _timeout_result(board or "", None), (), lang)
