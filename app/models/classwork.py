"""Class work: what teachers assign and what students do with it.

An ``Assignment`` gives a class (or some of its students) a module or a single activity of it,
from a start date to an optional due date, optionally in test mode (check details hidden until
the due date, a cap on attempts). Everything a student does is keyed by an *activity key*
(``lab:<lab>``, ``quiz:<module>/<activity>``, ``project:<module>/<activity>``): a ``Draft`` is
their unsaved work in progress, an ``Attempt`` a graded submission kept for the record (with the
program, the answers or the uploaded files, the server's result and any teacher override), a
``Comment`` the teacher's feedback on an attempt, an ``Upload`` a file of a making project, and
an ``AttemptOverride`` each change of result a teacher made, with its reason.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, string_enum, utcnow
from app.models.classroom import Classroom

if TYPE_CHECKING:
    from app.models.user import User

assignment_student = Table(
    "assignment_student",
    db.Model.metadata,
    Column("assignment_id", ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
)


class Assignment(db.Model):
    __tablename__ = "assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"), index=True)
    module_slug: Mapped[str] = mapped_column(String(80))
    activity_slug: Mapped[str | None] = mapped_column(String(80))  # None: the whole module
    module_version_id: Mapped[int | None] = mapped_column(ForeignKey("module_version.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    test_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    max_attempts: Mapped[int | None] = mapped_column(Integer)  # test mode only; None: no cap
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    classroom: Mapped[Classroom] = relationship()
    # Empty: every student of the class. Otherwise only these students.
    students: Mapped[list["User"]] = relationship(secondary=assignment_student)

    def is_for(self, user: "User") -> bool:
        """Is this assignment given to ``user`` (a student of the class, chosen or all)?"""
        if self.students:
            return any(student.id == user.id for student in self.students)
        return self.classroom.has_member(user)

    def details_hidden(self, now: datetime) -> bool:
        """Test mode hides check details until the due date (for good if there is none)."""
        return self.test_mode and (self.due_at is None or now < self.due_at)


class AttemptStatus(enum.Enum):
    GRADING = "grading"  # claimed (idempotency), the program is running
    PASSED = "passed"
    FAILED = "failed"
    NEEDS_REVIEW = "needs_review"  # a making project waiting for the teacher's rubric
    REVIEWED = "reviewed"  # a project the teacher has scored


class Attempt(db.Model):
    __tablename__ = "attempt"
    __table_args__ = (UniqueConstraint("user_id", "idempotency_key", name="uq_attempt_user_idempotency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignment.id", ondelete="SET NULL"), index=True)
    activity_key: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # lab, quiz, project
    content_hash: Mapped[str] = mapped_column(String(80), default="")  # the lab/module version graded against
    board: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16), default="simulator")  # or "board" (real board)
    code: Mapped[str | None] = mapped_column(Text)
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # checks, output, error, per-question feedback
    status: Mapped[AttemptStatus] = mapped_column(string_enum(AttemptStatus, "attempt_status"), index=True)
    score: Mapped[int | None] = mapped_column(Integer)  # checks or questions right
    max_score: Mapped[int | None] = mapped_column(Integer)
    rubric_levels: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # projects: criterion index -> level index
    idempotency_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The teacher's override (latest); the history is in AttemptOverride.
    override_passed: Mapped[bool | None] = mapped_column(Boolean)

    user: Mapped["User"] = relationship(foreign_keys=[user_id])
    assignment: Mapped[Assignment | None] = relationship()
    comments: Mapped[list["Comment"]] = relationship(back_populates="attempt", cascade="all, delete-orphan",
                                                     order_by="Comment.created_at")
    overrides: Mapped[list["AttemptOverride"]] = relationship(back_populates="attempt", cascade="all, delete-orphan",
                                                              order_by="AttemptOverride.created_at")
    uploads: Mapped[list["Upload"]] = relationship(back_populates="attempt", cascade="all, delete-orphan",
                                                   order_by="Upload.id")

    @property
    def passed(self) -> bool:
        """The result that counts: the teacher's override when there is one; a reviewed project
        passes when the teacher's scoring says so."""
        if self.override_passed is not None:
            return self.override_passed
        if self.status is AttemptStatus.REVIEWED:
            return bool((self.result or {}).get("passed"))
        return self.status is AttemptStatus.PASSED


class AttemptOverride(db.Model):
    __tablename__ = "attempt_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    passed: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="overrides")
    author: Mapped["User | None"] = relationship()


class Comment(db.Model):
    __tablename__ = "attempt_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # when the student first saw it

    attempt: Mapped[Attempt] = relationship(back_populates="comments")
    author: Mapped["User | None"] = relationship()


class Draft(db.Model):
    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("user_id", "activity_key", name="uq_draft_user_activity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    activity_key: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(Text, default="")
    board: Mapped[str | None] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Upload(db.Model):
    """A file of a making project, stored outside the web root under ``storage_name``."""

    __tablename__ = "upload"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    activity_key: Mapped[str] = mapped_column(String(200))
    original_name: Mapped[str] = mapped_column(String(200))
    file_type: Mapped[str] = mapped_column(String(16))  # jpeg, png, stl, svg, pdf
    size: Mapped[int] = mapped_column(Integer)
    storage_name: Mapped[str] = mapped_column(String(80), unique=True)
    thumbnail_name: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    attempt: Mapped[Attempt | None] = relationship(back_populates="uploads")
