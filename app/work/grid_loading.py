"""The class grid loaded in a fixed number of queries, however many students and activities.

``progress.class_grid`` reads every attempt and draft in two queries, but the students come
through ``Membership.user`` one row at a time and each attempt's comments (for the unseen
feedback count) one query per attempt: 30 students × 40 activities made ~550 queries. This
wrapper first puts the class's students and the attempts with their comments into the session
(three light queries: the attempts' ids only), then calls ``class_grid``, which fills in the
attempts' other columns and whose lazy loads then find everything in memory.
It can go once ``progress._work_of`` loads ``Attempt.comments`` with ``selectinload`` and
``class_grid`` loads the students in one query.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import load_only, selectinload

from app.content import Catalog
from app.extensions import db
from app.models import Attempt, ClassRole, Classroom, Membership, User
from app.work.assignments import assignment_items, class_assignments
from app.work.progress import Grid, class_grid


def load_class_grid(room: Classroom, catalog: Catalog, now: datetime | None = None) -> Grid:
    """``class_grid(room, catalog, now)`` without a query per student or per attempt."""
    students = db.session.scalars(select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.classroom_id == room.id, Membership.role == ClassRole.STUDENT)).all()
    keys = {item.key for a in class_assignments(room) for item in assignment_items(a, catalog)}
    attempts = []
    if students and keys:
        attempts = db.session.scalars(select(Attempt).where(
            Attempt.user_id.in_([s.id for s in students]), Attempt.activity_key.in_(keys))
            .options(load_only(Attempt.id), selectinload(Attempt.comments))).all()
    grid = class_grid(room, catalog, now)
    del students, attempts  # held until here so the session's identity map keeps them
    return grid
