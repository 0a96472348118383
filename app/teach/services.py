"""Queries for the teaching area."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import ClassRole, Classroom, Membership, User


@dataclass(frozen=True)
class TaughtClass:
    classroom: Classroom
    student_count: int


def classrooms_taught(teacher: User, include_archived: bool = False) -> list[TaughtClass]:
    """The classes ``teacher`` teaches with their student counts, current school year first.

    Two queries whatever the number of classes: the classes with their schools, then the counts.
    """
    query = (
        select(Classroom)
        .join(Membership)
        .options(joinedload(Classroom.school))
        .where(Membership.user_id == teacher.id, Membership.role == ClassRole.TEACHER)
        .order_by(Classroom.school_year.desc(), Classroom.level, Classroom.year, Classroom.section)
    )
    if not include_archived:
        query = query.where(Classroom.archived.is_(False))
    rooms = list(db.session.scalars(query))
    counts = dict(
        db.session.execute(
            select(Membership.classroom_id, func.count(Membership.id))
            .where(Membership.classroom_id.in_([room.id for room in rooms]), Membership.role == ClassRole.STUDENT)
            .group_by(Membership.classroom_id)
        ).all()
    ) if rooms else {}
    return [TaughtClass(room, counts.get(room.id, 0)) for room in rooms]
