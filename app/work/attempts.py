"""Attempts: submissions graded by the server and kept for the record.

A submission first *claims* its idempotency key in a short transaction of its own (a double
click, two tabs or a retried request carrying the same key find the attempt already there and
get it back), then the program runs with no database connection held (``app.runs.run_fairly``),
then the result is stored in another short transaction. A run the server could not finish
(refused by fair sharing, or stopped because the server was busy) removes the claim: nothing is
recorded against the student and the same key can be submitted again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.content import Catalog, Lab, Module, Quiz
from app.extensions import db
from app.models import Assignment, Attempt, AttemptStatus, User
from app.models.base import utcnow
from app.skills.recording import record_attempt_evidence
from app.work.assignments import covering_assignment
from app.work.errors import AttemptsExhausted, SubmissionInvalid
from app.work.keys import lab_key, quiz_key
from app.work.quizzes import grade_quiz

MAX_OUTPUT_CHARS = 8_000
KEY_CHARS = 64


def attempts_for(user_id: int, activity_key: str) -> list[Attempt]:
    """The student's finished attempts at ``activity_key``, newest first."""
    return list(db.session.scalars(select(Attempt).where(
        Attempt.user_id == user_id, Attempt.activity_key == activity_key,
        Attempt.status != AttemptStatus.GRADING).order_by(Attempt.created_at.desc(), Attempt.id.desc())))


def attempts_used(user_id: int, assignment: Assignment, activity_key: str) -> int:
    """Attempts counted against a test-mode cap: those made at this activity for this assignment
    (the cap is per activity: a module's lab and its quiz each get the allowed attempts)."""
    return db.session.scalar(select(func.count(Attempt.id)).where(
        Attempt.user_id == user_id, Attempt.assignment_id == assignment.id,
        Attempt.activity_key == activity_key)) or 0


def hide_details(attempt: Attempt, now: datetime | None = None) -> bool:
    """Test mode: are this attempt's check details hidden from the student for now?"""
    return bool(attempt.assignment and attempt.assignment.details_hidden(now or utcnow()))


def _check_key(idempotency_key: str) -> str:
    key = (idempotency_key or "").strip()
    if not 8 <= len(key) <= KEY_CHARS or not all(c.isalnum() or c in "-_" for c in key):
        raise SubmissionInvalid("bad_idempotency_key")
    return key


def claim_attempt(user: User, activity_key: str, idempotency_key: str, catalog: Catalog, **fields: Any
                  ) -> tuple[Attempt, bool]:
    """Record a new attempt in state GRADING (committed), or return the one already made with
    this key: ``(attempt, created)``. Raises ``AttemptsExhausted`` when a test-mode cap is spent."""
    key = _check_key(idempotency_key)
    existing = _by_key(user.id, key)
    if existing is not None:
        return existing, False
    assignment = covering_assignment(user, activity_key, catalog)
    if assignment is not None and assignment.max_attempts is not None \
            and attempts_used(user.id, assignment, activity_key) >= assignment.max_attempts:
        raise AttemptsExhausted("attempts_exhausted")
    attempt = Attempt(user_id=user.id, activity_key=activity_key, idempotency_key=key,
                      assignment_id=assignment.id if assignment else None, status=AttemptStatus.GRADING, **fields)
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:  # the same key, submitted at the same moment by another request
        db.session.rollback()
        existing = _by_key(user.id, key)
        if existing is None:
            raise
        return existing, False
    return attempt, True


def _by_key(user_id: int, key: str) -> Attempt | None:
    return db.session.scalar(select(Attempt).where(Attempt.user_id == user_id, Attempt.idempotency_key == key))


def _drop_claim(attempt_id: int) -> None:
    db.session.rollback()
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is not None:
        db.session.delete(attempt)
        db.session.commit()


def lab_result_record(grade_wire: dict[str, Any]) -> dict[str, Any]:
    """What an attempt keeps of a grade: the checks in both languages, the error, the output
    (bounded) and the run itself (events, robot replay) so the teacher sees the same pictures."""
    run = dict(grade_wire["run"])
    stdout = run.get("stdout") or ""
    if len(stdout) > MAX_OUTPUT_CHARS:
        run["stdout"], run["truncated"] = stdout[:MAX_OUTPUT_CHARS], True
    return {**grade_wire, "run": run}


def submit_lab(user: User, lab: Lab, code: str, board: str, idempotency_key: str, catalog: Catalog,
               grade: Callable[[], dict[str, Any]]) -> Attempt:
    """Submit ``code`` for ``lab``: claim the key, run ``grade()`` (which must run the program
    through ``run_fairly`` and return ``GradeResult.to_wire()``), store the verdict. Raises
    ``SubmissionInvalid``, ``AttemptsExhausted`` and, with the claim removed, whatever ``grade``
    raises (``RunRefused`` …). A run stopped because the server was busy raises ``ServerBusy``."""
    if board not in lab.boards:
        raise SubmissionInvalid("bad_board", "board")
    if not code.strip():
        raise SubmissionInvalid("empty_code", "code")
    attempt, created = claim_attempt(user, lab_key(lab.slug), idempotency_key, catalog, kind="lab",
                                     content_hash=lab.content_hash, board=board, code=code)
    if not created:
        return attempt
    attempt_id = attempt.id
    try:
        wire = grade()
    except BaseException:
        _drop_claim(attempt_id)
        raise
    if wire.get("run", {}).get("busy"):
        _drop_claim(attempt_id)
        raise ServerBusy("server_busy")
    return record_lab_verdict(db.session.get(Attempt, attempt_id), wire, catalog)


def record_lab_verdict(attempt: Attempt, wire: dict[str, Any], catalog: Catalog) -> Attempt:
    """Store a graded lab run (``GradeResult.to_wire()``) on its claimed attempt and commit the
    verdict, then the skills evidence it earns (after the verdict is safe)."""
    checks = wire.get("checks", [])
    attempt.result = lab_result_record(wire)
    attempt.score, attempt.max_score = sum(1 for c in checks if c["passed"]), len(checks)
    attempt.status = AttemptStatus.PASSED if checks and attempt.score == len(checks) else AttemptStatus.FAILED
    attempt.graded_at = utcnow()
    db.session.commit()
    record_attempt_evidence(attempt, catalog)
    db.session.commit()
    return attempt


class ServerBusy(SubmissionInvalid):
    """The server was too busy to finish the run: nothing recorded, try again."""


def submit_quiz(user: User, module: Module, quiz: Quiz, answers: dict[str, Any], idempotency_key: str,
                catalog: Catalog) -> Attempt:
    """Grade a quiz at once and record it; ``answers`` maps question id to the raw form value(s).
    Raises ``SubmissionInvalid`` and ``AttemptsExhausted``."""
    graded = grade_quiz(quiz, answers)
    attempt, created = claim_attempt(user, quiz_key(module.slug, quiz.slug), idempotency_key, catalog,
                                     kind="quiz", content_hash=quiz.content_hash, answers=graded.answers)
    if not created:
        return attempt
    attempt.result = graded.record
    attempt.score, attempt.max_score = graded.right, graded.total
    attempt.status = AttemptStatus.PASSED if graded.passed else AttemptStatus.FAILED
    attempt.graded_at = utcnow()
    db.session.commit()
    record_attempt_evidence(attempt, catalog)  # the skills record (after the verdict is safe)
    db.session.commit()
    return attempt
