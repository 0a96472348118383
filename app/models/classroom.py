"""Classes and who belongs to them.

A classroom is one year and section of one level in one school year ("3B · secondaria di primo
grado · 2026/27"). Membership gives a user a role inside that class; a class may have several
teachers (co-teachers are simply more TEACHER memberships). A student who already has an
account joins with the join code unless the teacher has locked it. An archived class is
read-only: kept for the record, listed apart.
"""

from __future__ import annotations

import enum
import re
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, string_enum, utcnow
from app.models.school import School, SchoolLevel

if TYPE_CHECKING:
    from app.models.user import User

SCHOOL_YEAR_PATTERN = re.compile(r"^(\d{4})/(\d{2})$")
SECTION_PATTERN = re.compile(r"^[A-Z]{1,3}$")
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in class


class ClassRole(enum.Enum):
    STUDENT = "student"
    TEACHER = "teacher"


def is_valid_school_year(value: str) -> bool:
    """True for "2026/27": the second year is the first plus one."""
    match = SCHOOL_YEAR_PATTERN.match(value or "")
    if not match:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    return (first + 1) % 100 == second


def is_valid_year_for_level(level: SchoolLevel, year: int) -> bool:
    return year in level.years


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(8))


class Classroom(db.Model):
    __tablename__ = "classroom"
    __table_args__ = (
        UniqueConstraint("school_id", "school_year", "level", "year", "section", name="uq_classroom_identity"),
        CheckConstraint("year BETWEEN 1 AND 5", name="year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="RESTRICT"), index=True)
    level: Mapped[SchoolLevel] = mapped_column(string_enum(SchoolLevel, "classroom_level"))
    year: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(3))
    school_year: Mapped[str] = mapped_column(String(7))
    join_code: Mapped[str] = mapped_column(String(8), unique=True, default=new_join_code)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # A locked code is refused: the teacher closes the class to newcomers without changing it.
    join_locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    school: Mapped[School] = relationship(back_populates="classrooms")
    memberships: Mapped[list["Membership"]] = relationship(back_populates="classroom", cascade="all, delete-orphan")

    @property
    def short_name(self) -> str:
        return f"{self.year}{self.section}"

    def members_with_role(self, role: ClassRole) -> list["User"]:
        return sorted((m.user for m in self.memberships if m.role is role), key=lambda u: u.display_name.lower())

    @property
    def students(self) -> list["User"]:
        return self.members_with_role(ClassRole.STUDENT)

    @property
    def teachers(self) -> list["User"]:
        return self.members_with_role(ClassRole.TEACHER)

    def has_member(self, user: "User", role: ClassRole | None = None) -> bool:
        return any(m.user_id == user.id and (role is None or m.role is role) for m in self.memberships)

    def __repr__(self) -> str:
        return f"<Classroom {self.short_name} {self.level.value} {self.school_year}>"


class Membership(db.Model):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("user_id", "classroom_id", name="uq_membership_user_classroom"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"), index=True)
    role: Mapped[ClassRole] = mapped_column(string_enum(ClassRole, "class_role"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user: Mapped["User"] = relationship(back_populates="memberships")
    classroom: Mapped[Classroom] = relationship(back_populates="memberships")
