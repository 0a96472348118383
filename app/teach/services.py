"""Queries for the teaching area."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import ClassRole, Classroom, Membership, User


def classrooms_taught(teacher: User, include_archived: bool = False) -> list[Classroom]:
    """The classes ``teacher`` teaches, current school year first."""
    query = (
        select(Classroom)
        .join(Membership)
        .where(Membership.user_id == teacher.id, Membership.role == ClassRole.TEACHER)
        .order_by(Classroom.school_year.desc(), Classroom.level, Classroom.year, Classroom.section)
    )
    if not include_archived:
        query = query.where(Classroom.archived.is_(False))
    return list(db.session.scalars(query))
