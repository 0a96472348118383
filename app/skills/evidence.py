"""Recording evidence: each passed attempt becomes rows of ``Evidence``, one per skill it proves
(see ``app.skills.proofs``), linked to the attempt and stamped with the student's class, school,
school level, municipio and school year at the time, so the dashboards aggregate without
joining the people tables. ``student_key`` is a keyed hash of the user id: stable, not
reversible without the key, kept when the account is deleted.

``record_evidence`` is idempotent: it replaces the rows of one attempt with what the attempt
proves now (none when it no longer passes, e.g. a teacher's override to "not passed").
``rebuild_evidence`` does it for every attempt. Both flush; the caller commits. No Flask here:
the pseudonym key is passed in.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from app.content import Catalog
from app.extensions import db
from app.models import Attempt, AttemptStatus, ClassRole, Classroom, Evidence, Role, User
from app.skills.proofs import proofs_for

# Where a piece of evidence comes from (Evidence.source).
SOURCE_SIMULATOR, SOURCE_BOARD = "simulator", "board"  # a lab graded by the server
SOURCE_QUIZ, SOURCE_PROJECT = "quiz", "project"  # a quiz graded at once; a project scored by the teacher
SOURCE_TEACHER = "teacher"  # the checks had not passed: the teacher overrode the result to "passed"
SOURCE_BOARD_TEACHER = "board-teacher"  # the same, for work done on a real board
SOURCES = (SOURCE_SIMULATOR, SOURCE_BOARD, SOURCE_QUIZ, SOURCE_PROJECT, SOURCE_TEACHER, SOURCE_BOARD_TEACHER)
BATCH = 500


def student_key(user_id: int, secret_key: str | bytes) -> str:
    """The student's stable pseudonym: HMAC-SHA256 of the user id, 40 hex characters."""
    key = secret_key.encode() if isinstance(secret_key, str) else secret_key
    return hmac.new(key, f"student:{user_id}".encode(), hashlib.sha256).hexdigest()[:40]


def evidence_source(attempt: Attempt) -> str:
    """Where the evidence of a passing ``attempt`` comes from (one of ``SOURCES``)."""
    on_board = attempt.source == SOURCE_BOARD
    passed_on_its_own = (attempt.status is AttemptStatus.PASSED
                         or (attempt.status is AttemptStatus.REVIEWED and bool((attempt.result or {}).get("passed"))))
    if attempt.override_passed and not passed_on_its_own:
        return SOURCE_BOARD_TEACHER if on_board else SOURCE_TEACHER
    if attempt.kind == "quiz":
        return SOURCE_QUIZ
    if attempt.kind == "project":
        return SOURCE_PROJECT
    return SOURCE_BOARD if on_board else SOURCE_SIMULATOR


@dataclass(frozen=True)
class ClassStamp:
    """The denormalised place of a piece of evidence."""

    classroom_id: int | None
    school_id: int | None
    school_level: str
    district: str
    school_year: str


def current_class(user: User) -> Classroom | None:
    """The student's class now: the newest class they are a student of, active ones first."""
    rooms = [m.classroom for m in user.memberships if m.role is ClassRole.STUDENT]
    rooms.sort(key=lambda room: (not room.archived, room.school_year, room.created_at, room.id))
    return rooms[-1] if rooms else None


def class_stamp(attempt: Attempt) -> ClassStamp:
    """The class of the attempt's assignment, else the student's current class, else their school."""
    room = attempt.assignment.classroom if attempt.assignment is not None else current_class(attempt.user)
    if room is not None:
        return ClassStamp(room.id, room.school_id, room.level.value, room.school.district, room.school_year)
    school = attempt.user.school
    return ClassStamp(None, school.id if school else None, "", school.district if school else "", "")


def proven_rows(attempt: Attempt, catalog: Catalog, secret_key: str | bytes) -> list[Evidence]:
    """The evidence rows ``attempt`` earns now, not yet added to the session: none unless it is
    a student's finished attempt that passes (after any override)."""
    if attempt.status is AttemptStatus.GRADING or not attempt.passed or attempt.user.role is not Role.STUDENT:
        return []
    hint = attempt.assignment.module_slug if attempt.assignment is not None else None
    proofs = proofs_for(catalog, attempt.activity_key, hint)
    if not proofs:
        return []
    stamp, source, key = class_stamp(attempt), evidence_source(attempt), student_key(attempt.user_id, secret_key)
    return [Evidence(user_id=attempt.user_id, student_key=key, attempt_id=attempt.id,
                     activity_key=attempt.activity_key, skill_kind=proof.kind, skill_code=proof.code,
                     level=proof.level, source=source, classroom_id=stamp.classroom_id, school_id=stamp.school_id,
                     school_level=stamp.school_level, district=stamp.district, school_year=stamp.school_year,
                     earned_at=attempt.graded_at or attempt.created_at)
            for proof in proofs]


def record_evidence(attempt: Attempt, catalog: Catalog, secret_key: str | bytes) -> list[Evidence]:
    """Replace the evidence rows of ``attempt`` with what it proves now; return the new rows
    (none when the attempt does not pass). Flushes, never commits."""
    db.session.execute(delete(Evidence).where(Evidence.attempt_id == attempt.id))
    rows = proven_rows(attempt, catalog, secret_key)
    db.session.add_all(rows)
    db.session.flush()
    return rows


def rebuild_evidence(catalog: Catalog, secret_key: str | bytes, user_ids: list[int] | None = None) -> int:
    """Record the evidence of every finished attempt again (of ``user_ids`` only, when given);
    rows of deleted students (no attempt any more) are kept, so anonymous totals stay right.
    Returns how many evidence rows now exist for those attempts. Flushes, never commits."""
    wipe = delete(Evidence).where(Evidence.attempt_id.is_not(None))
    query = select(Attempt).where(Attempt.status != AttemptStatus.GRADING).order_by(Attempt.id)
    if user_ids is not None:
        wipe = wipe.where(Evidence.user_id.in_(user_ids))
        query = query.where(Attempt.user_id.in_(user_ids))
    db.session.execute(wipe)
    query = query.options(selectinload(Attempt.assignment), selectinload(Attempt.user).selectinload(User.memberships))
    total, last_id = 0, 0
    while True:
        batch = list(db.session.scalars(query.where(Attempt.id > last_id).limit(BATCH)))
        if not batch:
            break
        for attempt in batch:
            rows = proven_rows(attempt, catalog, secret_key)
            db.session.add_all(rows)
            total += len(rows)
        db.session.flush()
        last_id = batch[-1].id
    return total
