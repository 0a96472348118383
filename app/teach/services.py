"""Queries for the teaching area."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.models import ClassRole, Classroom, Membership, School, SchoolLevel, User


@dataclass(frozen=True)
class TaughtClass:
    """One row of the teacher's class list: what the page shows, read in a single query."""

    id: int
    level: SchoolLevel
    year: int
    section: str
    school_year: str
    join_code: str
    school_name: str
    student_count: int

    @property
    def short_name(self) -> str:
        return f"{self.year}{self.section}"


def _taught_query():
    students = aliased(Membership)
    student_count = (
        select(func.count(students.id))
        .where(students.classroom_id == Classroom.id, students.role == ClassRole.STUDENT)
        .correlate(Classroom)
        .scalar_subquery()
    )
    return (
        select(Classroom.id, Classroom.level, Classroom.year, Classroom.section, Classroom.school_year,
               Classroom.join_code, School.name, student_count)
        .join(Membership, Membership.classroom_id == Classroom.id)
        .join(School, School.id == Classroom.school_id)
        .where(Membership.user_id == bindparam("teacher_id"), Membership.role == ClassRole.TEACHER,
               or_(Classroom.archived.is_(False), bindparam("include_archived")))
        .order_by(Classroom.school_year.desc(), Classroom.level, Classroom.year, Classroom.section)
    )


# Built once: this is every teacher's home page, and building the statement cost more than running it.
_TAUGHT = _taught_query()


def classrooms_taught(teacher: User, include_archived: bool = False) -> list[TaughtClass]:
    """The classes ``teacher`` teaches with their student counts, current school year first.

    One query whatever the number of classes (this is the teacher's home page: keep it cheap).
    """
    rows = db.session.execute(_TAUGHT, {"teacher_id": teacher.id, "include_archived": include_archived})
    return [TaughtClass(*row) for row in rows]
