"""Grading: run code against a lab's scenarios and evaluate its checks; and ``lab verify``.

Owns :func:`grade_local` (one graded run, in the current process: workers call it): a board lab is
graded on its public scenario and on every hidden one, and a check passes only when it passes on
all of them (:func:`combine_checks`, which robot labs use for their worlds too). Owns
:func:`verify_lab`, which proves a lab is well made: the solution and every alternative correct
program pass every check, the starter fails one, every wrong variant fails, and every check is
failed by at least one wrong variant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from app.sim import runner
from app.sim.checks import Check, CheckContext
from app.sim.labs import Lab, load_lab
from app.sim.results import CheckResult, GradeResult, RunResult

MIN_ALTERNATIVES = 2
MIN_WRONG = 4
_PLACE = {"it": ("scenario nascosto", "scenario pubblico"), "en": ("hidden scenario", "public scenario")}


def grade_local(code: str, lab: str | Path | Lab, *, board: str | None = None,
                lang: str = "it") -> GradeResult:
    """Run ``code`` on the lab's scenarios (on ``board`` or the lab's default) and grade it."""
    lab = lab if isinstance(lab, Lab) else load_lab(lab)
    board = board or lab.boards[0]
    lang = lang if lang in ("it", "en") else "it"
    if board not in lab.boards:
        raise ValueError(f"lab {lab.slug} does not run on {board}")
    if lab.robot is not None:  # graded on each of the lab's worlds
        from app.sim.robot.labgrading import grade_worlds

        return grade_worlds(code, lab, board, lang)
    runs: list[tuple[RunResult, tuple[CheckResult, ...]]] = []
    places: list[dict[str, str] | None] = []
    hidden_no = 0
    for _label, scenario, hidden in lab.scenarios(board):
        result, trace = runner.execute(code, board, scenario)
        if getattr(result, "outcome", "") == "busy":
            # The server was too busy to finish the run: nothing is graded (see runner).
            return GradeResult(lab.slug, result, (), lang)
        ctx = CheckContext(trace, result, lab.python_checks)
        runs.append((result, tuple(c.run(ctx) for c in lab.checks)))
        if hidden:
            hidden_no += 1
            places.append({k: f"{v[0]} {hidden_no}" for k, v in _PLACE.items()})
        else:
            places.append(None)
    shown = 0  # the public scenario's run is the one the student sees
    return GradeResult(lab.slug, runs[shown][0], combine_checks(lab.checks, runs, places), lang)


def combine_checks(checks: Sequence[Check], runs: Sequence[tuple[RunResult, tuple[CheckResult, ...]]],
                   places: Sequence[dict[str, str] | None]) -> tuple[CheckResult, ...]:
    """One result per check over several runs: passed only if passed in every run. A failure
    reports the first failing run's measurement, prefixed with where it happened (``places[i]``,
    ``{it, en}`` or None for the public scenario), and the hint its cause selects."""
    combined = []
    for j, check in enumerate(checks):
        results = [run[1][j] for run in runs]
        failing = [i for i, r in enumerate(results) if not r.passed]
        if not failing:
            combined.append(results[0])
            continue
        i = failing[0]
        r = results[i]
        where = places[i]
        measured = dict(r.measured) or {"it": r.detail, "en": r.detail}
        if where:
            measured = {k: f"{where[k]}: {v}" for k, v in measured.items()}
        combined.append(CheckResult(check.id, False, check.message, r.hint,
                                    measured.get("en", r.detail), measured, r.cause, r.line))
    return tuple(combined)


@dataclass
class VerifyReport:
    """What ``lab verify`` found for one lab."""

    slug: str
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_lab(ref: str | Path, grade: Callable[[str, Lab], GradeResult] | None = None) -> VerifyReport:
    """Check the solution, alternatives, starter and wrong variants of a lab against its checks."""
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
    correct = [("solution.py", lab.read("solution.py"))]
    correct += [(f"alternatives/{p.name}", p.read_text(encoding="utf-8")) for p in lab.alternatives()]
    for name, code in correct:
        res = grade(code, lab)
        for c in res.checks:
            if not c.passed:
                report.problems.append(f"{name} fails check {c.id}: {c.detail}")
        if res.run.error:
            report.problems.append(f"{name} raises {res.run.error}")
        if not res.checks:
            report.problems.append(f"{name} was not graded ({res.run.outcome})")
    if grade(lab.read("starter.py"), lab).passed:
        report.problems.append("starter passes every check (it must fail at least one)")
    failed: set[str] = set()
    variants = lab.wrong_variants()
    alternatives = lab.alternatives()
    report.counts = {"alternatives": len(alternatives), "wrong": len(variants)}
    if len(alternatives) < MIN_ALTERNATIVES:
        report.problems.append(f"{len(alternatives)} alternatives/*.py correct programs "
                               f"(at least {MIN_ALTERNATIVES} needed)")
    if len(variants) < MIN_WRONG:
        report.problems.append(f"{len(variants)} wrong/*.py variants (at least {MIN_WRONG} needed)")
    for v in variants:
        res = grade(v.read_text(encoding="utf-8"), lab)
        if res.passed:
            report.problems.append(f"wrong variant {v.name} passes every check")
        failed |= {c.id for c in res.checks if not c.passed}
    for c in lab.checks:
        if c.id not in failed:
            report.problems.append(f"check {c.id} is failed by no wrong variant")
    return report
