"""The skills record and the audit log.

``Evidence`` is one piece of proof that a student showed a skill at a level: a passed lab, a
passed quiz or an assessed making project, linked to the attempt that earned it. It is
denormalised on purpose (class, school, level, municipio, school year at the time it was earned)
so the programme's dashboards aggregate it in SQL without joining the people tables, and so
that deleting a student (``user_id`` set to NULL) keeps the anonymous aggregates correct.
``AuditEntry`` records who exported or deleted what, for administrators to read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import UTCDateTime, utcnow


class Evidence(db.Model):
    __tablename__ = "evidence"
    __table_args__ = (
        Index("ix_evidence_user_skill", "user_id", "skill_code"),
        Index("ix_evidence_rollup", "school_year", "skill_code", "school_level", "district"),
        Index("ix_evidence_school", "school_id", "skill_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # A stable pseudonymous id that survives deletion of the account (for counting distinct students).
    student_key: Mapped[str] = mapped_column(String(40), index=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id", ondelete="SET NULL"), index=True)
    activity_key: Mapped[str] = mapped_column(String(200))
    skill_kind: Mapped[str] = mapped_column(String(16))  # "digcomp" or "technical"
    skill_code: Mapped[str] = mapped_column(String(40))
    level: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16), default="simulator")  # simulator, board, quiz, teacher
    classroom_id: Mapped[int | None] = mapped_column(ForeignKey("classroom.id", ondelete="SET NULL"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id", ondelete="SET NULL"))
    school_level: Mapped[str] = mapped_column(String(20))
    district: Mapped[str] = mapped_column(String(100))
    school_year: Mapped[str] = mapped_column(String(7))
    earned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class AuditEntry(db.Model):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(40))  # e.g. export_dashboard_csv, export_student, delete_student
    target: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
