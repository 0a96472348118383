"""Grading: run code against a lab's scenario and evaluate its checks; and ``lab verify``.

Owns :func:`grade_local` (one graded run, in the current process: workers call it) and
:func:`verify_lab`, which proves a lab is well made: the solution passes every check, the starter
fails at least one, and every check is failed by at least one deliberately wrong variant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from app.sim import runner
from app.sim.checks import CheckContext
from app.sim.labs import Lab, load_lab
from app.sim.results import GradeResult


def grade_local(code: str, lab: str | Path | Lab, *, board: str | None = None,
                lang: str = "it") -> GradeResult:
    """Run ``code`` on the lab's scenario (on ``board`` or the lab's default) and grade it."""
    lab = lab if isinstance(lab, Lab) else load_lab(lab)
    board = board or lab.boards[0]
    if board not in lab.boards:
        raise ValueError(f"lab {lab.slug} does not run on {board}")
    if lab.robot is not None:  # graded on each of the lab's worlds
        from app.sim.robot.labgrading import grade_worlds

        return grade_worlds(code, lab, board, lang if lang in ("it", "en") else "it")
    result, trace = runner.execute(code, board, lab.scenario(board))
    ctx = CheckContext(trace, result, lab.python_checks)
    checks = tuple(c.run(ctx) for c in lab.checks)
    return GradeResult(lab.slug, result, checks, lang if lang in ("it", "en") else "it")


@dataclass
class VerifyReport:
    """What ``lab verify`` found for one lab."""

    slug: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_lab(ref: str | Path, grade: Callable[[str, Lab], GradeResult] | None = None) -> VerifyReport:
    """Check the solution, starter and wrong variants of a lab against its checks."""
    lab = load_lab(ref)
    grade = grade or (lambda code, lb: grade_local(code, lb))
    report = VerifyReport(lab.slug)
    if lab.robot is not None:
        report.problems.extend(lab.robot.problems())
    for name in ("solution.py", "starter.py", "instructions.it.md", "instructions.en.md"):
        if not (lab.path / name).is_file():
            report.problems.append(f"missing {name}")
    if report.problems:
        return report
    sol = grade(lab.read("solution.py"), lab)
    for c in sol.checks:
        if not c.passed:
            report.problems.append(f"solution fails check {c.id}: {c.detail}")
    if sol.run.error:
        report.problems.append(f"solution raises {sol.run.error}")
    if grade(lab.read("starter.py"), lab).passed:
        report.problems.append("starter passes every check (it must fail at least one)")
    failed: set[str] = set()
    variants = lab.wrong_variants()
    if not variants:
        report.problems.append("no wrong/*.py variants")
    for v in variants:
        res = grade(v.read_text(encoding="utf-8"), lab)
        if res.passed:
            report.problems.append(f"wrong variant {v.name} passes every check")
        failed |= {c.id for c in res.checks if not c.passed}
    for c in lab.checks:
        if c.id not in failed:
            report.problems.append(f"check {c.id} is failed by no wrong variant")
    return report
