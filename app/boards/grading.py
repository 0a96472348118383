"""Grading a real board's run with the lab's own checks (no Flask).

:func:`grade_board_output` takes what the board printed while running the student's program inside
the harness (:mod:`app.boards.harness`), validates it as untrusted input, and evaluates the lab's
checks on the resulting trace exactly as the simulator does for its own trace: same
:class:`~app.sim.checks.CheckContext`, same check objects, same :class:`~app.sim.results.GradeResult`.
A board runs the lab's public scenario only (it has no hidden scenarios to offer), so the grade is
that scenario's. Labs the board cannot grade (:func:`app.boards.harness.board_grading`) raise
:class:`NotGradedOnBoard`.
"""

from __future__ import annotations

from app.boards.harness import BoardRun, board_grading, parse_board_output
from app.sim.boards import get_board
from app.sim.checks import CheckContext
from app.sim.errors import explain, outcome_notice
from app.sim.labs import Lab, load_lab
from app.sim.results import GradeResult, RunResult


class NotGradedOnBoard(ValueError):
    """This lab runs on a board without a grade (its checks need simulated inputs or worlds)."""


def board_result(run: BoardRun, board_name: str) -> RunResult:
    """The :class:`RunResult` of a board run, as the checks read it."""
    error = run.error
    outcome = "error" if error else ("time" if run.ended == "time" else "done")
    explanation = explain(error["type"], error["message"]) if error else None
    return RunResult(board_name, error, run.stdout, run.sim_time_us, run.trace.events, outcome,
                     outcome_notice(outcome, run.sim_time_us / 1_000_000), explanation,
                     (), run.trace.truncated)


def grade_board_output(lab: Lab | str, board_name: str, output: str,
                       lang: str = "it") -> tuple[GradeResult, BoardRun]:
    """Grade a board's printed output against ``lab`` (slug or loaded lab).

    Raises :class:`NotGradedOnBoard` for labs graded only in the simulator and ``ValueError``
    when ``board_name`` is not one of the lab's boards."""
    lab = lab if isinstance(lab, Lab) else load_lab(lab)
    if board_name not in lab.boards:
        raise ValueError(f"lab {lab.slug} does not run on {board_name}")
    decision = board_grading(lab)
    if not decision.graded:
        raise NotGradedOnBoard(decision.reason["en"])
    board = get_board(board_name)
    run = parse_board_output(output, board, lab.scenario(board_name))
    result = board_result(run, board_name)
    ctx = CheckContext(run.trace, result, lab.python_checks)
    checks = tuple(check.run(ctx) for check in lab.checks)
    return GradeResult(lab.slug, result, checks, lang if lang in ("it", "en") else "it"), run
