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
from app.sim.jobs import SimBusy, get_backend
from app.sim.labs import Lab, LabError, load_lab
from app.sim.pool import WorkerLost, shutdown
from app.sim.results import CheckResult, GradeResult, RunResult
from app.sim.scenario import ScenarioError
from app.sim.svg import render_board, render_display_frames, render_timeline

__all__ = ["BOARDS", "Board", "CheckResult", "GradeResult", "Lab", "LabError", "RunResult",
           "ScenarioError", "SimBusy", "SimError", "WorkerLost", "get_board", "grade", "load_lab",
           "render_board", "render_display_frames", "render_timeline", "shutdown", "simulate"]


class SimError(ValueError):
    """The request was invalid (unknown board, bad scenario, source too large...)."""


def _call(job: dict[str, Any]) -> dict[str, Any]:
    # The embedded pool by default; a grader via the job queue when one is configured (app.sim.jobs).
    reply = get_backend().call(job)
    if not reply.get("ok"):
        raise SimError(f"{reply.get('error_type')}: {reply.get('message')}")
    return reply["result"]


def simulate(code: str, board: str, scenario: dict[str, Any] | None = None,
             seconds: float | None = None) -> RunResult:
    """Run ``code`` on a virtual ``board`` ("pico", "pico_w", "esp32", "microbit").

    ``scenario`` is a mapping as in a lab's ``scenario:`` key; ``seconds`` overrides its length.
    Raises :class:`SimError` for invalid input and :class:`SimBusy` when no worker answered within
    the bounded wait (queue mode). If the wall-clock watchdog fires (fuel ends every run long
    before, so only an overloaded server gets there) the result has ``busy`` set: never a verdict.
    """
    job = {"op": "simulate", "code": code, "board": board, "scenario": scenario, "seconds": seconds}
    try:
        return RunResult.from_dict(_call(job))
    except WorkerLost:
        return RunResult.server_busy(board)


def grade(code: str, lab: str | Path, *, board: str | None = None, lang: str = "it") -> GradeResult:
    """Grade ``code`` against a lab (slug or folder); messages in ``lang`` ("it" or "en").

    Raises :class:`SimError` and :class:`SimBusy`, and reports a fired watchdog as ``busy``, as
    :func:`simulate` does."""
    path = load_lab(lab).path
    job = {"op": "grade", "code": code, "lab": str(path), "board": board, "lang": lang}
    try:
        return GradeResult.from_wire(_call(job))
    except WorkerLost:
        return GradeResult.server_busy(path.name, board or "", lang)
