"""A student's rights over their data, and retention: export, deletion, pseudonymisation.

``student_data`` gathers everything Officina holds about one student (account, classes, drafts,
attempts with their code and answers, teachers' comments, uploaded files' descriptions, skills
evidence) for an access or portability request, as JSON or CSV. ``delete_student`` removes the
person: account, memberships, drafts, attempts (with code, answers, comments), uploads (the files
too). Their ``Evidence`` rows stay with ``user_id`` NULL and their pseudonymous ``student_key``,
so the programme's anonymous aggregates stay correct. ``pseudonymise_archived`` is retention:
students whose classes were all archived and ended more than N years ago lose their name,
username, e-mail, drafts, code and files, keeping only pseudonymous records. Services flush and
audit; the caller commits.
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update

from app.extensions import db
from app.models import (Attempt, ClassRole, Classroom, Comment, Draft, Evidence, LoginAttempt, Membership, Role,
                        SimRun, Upload, User)
from app.models.base import utcnow
from app.models.classwork import assignment_student
from app.program.exports import record

ANONYMOUS_PREFIX = "anon-"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def student_data(student: User) -> dict[str, Any]:
    """Everything stored about ``student``, as plain JSON-ready data."""
    attempts = list(db.session.scalars(select(Attempt).where(Attempt.user_id == student.id).order_by(Attempt.id)))
    return {
        "account": {"username": student.username, "display_name": student.display_name, "email": student.email,
                    "school": student.school.name if student.school else None, "under_14": student.under_14,
                    "language": student.preferred_language, "created_at": _iso(student.created_at),
                    "last_login_at": _iso(student.last_login_at)},
        "classes": [{"class": m.classroom.short_name, "level": m.classroom.level.value,
                     "school_year": m.classroom.school_year, "role": m.role.value, "joined_at": _iso(m.created_at)}
                    for m in student.memberships],
        "drafts": [{"activity": d.activity_key, "code": d.code, "board": d.board, "updated_at": _iso(d.updated_at)}
                   for d in db.session.scalars(select(Draft).where(Draft.user_id == student.id).order_by(Draft.id))],
        "attempts": [{"activity": a.activity_key, "kind": a.kind, "status": a.status.value, "passed": a.passed,
                      "score": a.score, "max_score": a.max_score, "board": a.board, "code": a.code,
                      "answers": a.answers, "created_at": _iso(a.created_at),
                      "comments": [{"body": c.body, "created_at": _iso(c.created_at)} for c in a.comments],
                      "files": [{"name": u.original_name, "type": u.file_type, "size": u.size} for u in a.uploads]}
                     for a in attempts],
        "skills_evidence": [{"skill": e.skill_code, "kind": e.skill_kind, "level": e.level, "activity": e.activity_key,
                             "source": e.source, "earned_at": _iso(e.earned_at)}
                            for e in db.session.scalars(select(Evidence).where(Evidence.user_id == student.id)
                                                        .order_by(Evidence.id))],
    }


def student_csv(data: dict[str, Any]) -> str:
    """The same data flattened: one line per record, ``section, when, what, detail``."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "when", "what", "detail"])
    account = data["account"]
    writer.writerow(["account", account["created_at"], account["username"], account["display_name"]])
    for room in data["classes"]:
        writer.writerow(["class", room["joined_at"], f"{room['class']} {room['school_year']}", room["level"]])
    for draft in data["drafts"]:
        writer.writerow(["draft", draft["updated_at"], draft["activity"], draft["code"]])
    for attempt in data["attempts"]:
        writer.writerow(["attempt", attempt["created_at"], attempt["activity"],
                         f"{attempt['status']} {attempt['score']}/{attempt['max_score']}"])
        for comment in attempt["comments"]:
            writer.writerow(["comment", comment["created_at"], attempt["activity"], comment["body"]])
    for evidence in data["skills_evidence"]:
        writer.writerow(["skill", evidence["earned_at"], evidence["skill"], f"level {evidence['level']}"])
    return out.getvalue()


def _remove_work(user_id: int, upload_folder: str | None, keep_attempts: bool) -> int:
    """Delete drafts, uploaded files and (unless kept, then emptied) attempts; returns files removed."""
    from app.learn.uploads import remove_stored

    uploads = list(db.session.scalars(select(Upload).where(Upload.user_id == user_id)))
    for upload in uploads:
        if upload_folder:
            remove_stored(upload_folder, upload.storage_name, upload.thumbnail_name)
        db.session.delete(upload)
    db.session.execute(delete(Draft).where(Draft.user_id == user_id))
    attempt_ids = select(Attempt.id).where(Attempt.user_id == user_id)
    if keep_attempts:
        db.session.execute(update(Attempt).where(Attempt.user_id == user_id)
                           .values(code=None, answers=None, result=None))
        db.session.execute(delete(Comment).where(Comment.attempt_id.in_(attempt_ids)))
    else:
        db.session.execute(update(Evidence).where(Evidence.attempt_id.in_(attempt_ids)).values(attempt_id=None))
        for attempt in db.session.scalars(select(Attempt).where(Attempt.user_id == user_id)):
            db.session.delete(attempt)  # comments and overrides go with it (ORM cascade)
    return len(uploads)


def delete_student(actor: User, student: User, upload_folder: str | None) -> dict[str, int]:
    """Delete ``student``'s personal data and account; keep their evidence anonymous."""
    if student.role is not Role.STUDENT:
        raise ValueError("only student accounts are deleted this way")
    evidence = db.session.execute(update(Evidence).where(Evidence.user_id == student.id).values(user_id=None)).rowcount
    files = _remove_work(student.id, upload_folder, keep_attempts=False)
    db.session.execute(delete(assignment_student).where(assignment_student.c.user_id == student.id))
    db.session.execute(delete(SimRun).where(SimRun.user_id == student.id))
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.username == student.username))
    summary = {"files": files, "evidence_kept_anonymous": int(evidence or 0)}
    record(actor.id, "delete_student", f"user:{student.id}", summary)
    db.session.delete(student)
    db.session.flush()
    return summary


def _school_year_end(school_year: str) -> datetime:
    first = int(school_year[:4])
    return datetime(first + 1, 8, 31, tzinfo=utcnow().tzinfo)


def pseudonymise_archived(years: int, upload_folder: str | None, now: datetime | None = None) -> int:
    """Pseudonymise students all of whose classes are archived and ended more than ``years`` years
    ago. Idempotent; returns how many students were changed."""
    now = now or utcnow()
    memberships = db.session.execute(
        select(Membership.user_id, Classroom.archived, Classroom.school_year)
        .join(Classroom, Classroom.id == Membership.classroom_id)
        .join(User, User.id == Membership.user_id)
        .where(Membership.role == ClassRole.STUDENT, User.role == Role.STUDENT,
               ~User.username.startswith(ANONYMOUS_PREFIX))
    ).all()
    eligible: dict[int, bool] = {}
    for user_id, archived, school_year in memberships:
        old = archived and (now - _school_year_end(school_year)).days > 365 * years
        eligible[user_id] = eligible.get(user_id, True) and old
    changed = 0
    for user_id in sorted(uid for uid, ok in eligible.items() if ok):
        user = db.session.get(User, user_id)
        token = hashlib.sha256(f"{user_id}:{secrets.token_hex(8)}".encode()).hexdigest()[:12]
        user.username, user.display_name, user.email = f"{ANONYMOUS_PREFIX}{token}", "—", None
        user.active, user.password_hash, user.session_token = False, "!", secrets.token_hex(16)
        _remove_work(user_id, upload_folder, keep_attempts=True)
        changed += 1
    if changed:
        record(None, "pseudonymise_students", f"older than {years} years", {"students": changed})
    db.session.flush()
    return changed
