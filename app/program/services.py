"""Programme-level aggregates.

Staff see counts by district, school and level, never names. Any count of students below
``MIN_GROUP_SIZE`` is suppressed (shown as "< 10"), following the minimum-group rule for minors'
data in the project's privacy reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.extensions import db
from app.models import ClassRole, Classroom, Membership, School, SchoolLevel

MIN_GROUP_SIZE = 10


@dataclass(frozen=True)
class LevelRow:
    district: str
    school_name: str
    school_code: str
    level: SchoolLevel
    classes: int
    students: int | None  # None when suppressed

    @property
    def suppressed(self) -> bool:
        return self.students is None


def suppress(count: int, minimum: int = MIN_GROUP_SIZE) -> int | None:
    return count if count >= minimum else None


def programme_overview(minimum: int = MIN_GROUP_SIZE) -> list[LevelRow]:
    """One row per school × level with active classes, ordered by district and school; student
    counts below ``minimum`` suppressed (no totals are shown, so no complements are needed)."""
    students = (
        select(Membership.classroom_id, func.count(Membership.id).label("n"))
        .where(Membership.role == ClassRole.STUDENT)
        .group_by(Membership.classroom_id)
        .subquery()
    )
    query = (
        select(
            School.district, School.name, School.code, Classroom.level,
            func.count(Classroom.id), func.coalesce(func.sum(students.c.n), 0),
        )
        .join(Classroom, Classroom.school_id == School.id)
        .outerjoin(students, students.c.classroom_id == Classroom.id)
        .where(Classroom.archived.is_(False))
        .group_by(School.district, School.name, School.code, Classroom.level)
        .order_by(School.district, School.name, Classroom.level)
    )
    return [
        LevelRow(district, name, code, level, int(classes), suppress(int(n), minimum))
        for district, name, code, level, classes, n in db.session.execute(query)
    ]
