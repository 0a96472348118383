"""Progress: the status of each student on each piece of assigned work, for the teacher's grid,
the student's home and the class export.

One rule, in this order, gives a cell its status: *passed* (an attempt passed, or the teacher
overrode it to passed); *needs review* (a project waits for the teacher); *late* (the due date
has gone by without a pass); *submitted* (attempts, none passed yet); *in progress* (a saved
draft, nothing submitted); *not started*. The grid loads every attempt and draft of the class in
a fixed number of queries (students, assignments, attempts with their comments, drafts), so 30
students × 40 activities stays fast.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import defer, selectinload

from app.content import Catalog
from app.extensions import db
from app.models import Assignment, Attempt, AttemptStatus, ClassRole, Classroom, Draft, Membership, User
from app.models.base import utcnow
from app.work.assignments import assignment_items, class_assignments
from app.work.keys import WorkItem


class CellStatus(enum.Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    PASSED = "passed"
    NEEDS_REVIEW = "needs_review"
    LATE = "late"


@dataclass
class Cell:
    status: CellStatus
    attempts: int = 0
    latest: Attempt | None = None  # the attempt a click opens: the passing one, else the newest
    unseen_comments: int = 0


@dataclass(frozen=True)
class Column:
    assignment: Assignment
    item: WorkItem

    @property
    def key(self) -> str:
        return self.item.key


@dataclass
class Grid:
    classroom: Classroom
    students: list[User]
    columns: list[Column]
    cells: dict[tuple[int, int], Cell]  # (student id, column index) -> cell
    counts: list[dict[CellStatus, int]] = field(default_factory=list)  # per column

    def cell(self, student: User, column_index: int) -> Cell:
        return self.cells[(student.id, column_index)]


def cell_status(attempts: list[Attempt], has_draft: bool, due_at: datetime | None, now: datetime) -> Cell:
    """The status of one student on one piece of work (``attempts`` newest first)."""
    finished = [a for a in attempts if a.status is not AttemptStatus.GRADING]
    passing = next((a for a in finished if a.passed), None)
    latest = passing or (finished[0] if finished else None)
    if passing is not None:
        status = CellStatus.PASSED
    elif finished and finished[0].status is AttemptStatus.NEEDS_REVIEW:
        status = CellStatus.NEEDS_REVIEW
    elif due_at is not None and now > due_at:
        status = CellStatus.LATE
    elif finished:
        status = CellStatus.SUBMITTED
    elif has_draft:
        status = CellStatus.IN_PROGRESS
    else:
        status = CellStatus.NOT_STARTED
    unseen = sum(1 for a in finished for c in a.comments if c.seen_at is None)
    return Cell(status, len(finished), latest, unseen)


def _work_of(user_ids: list[int], keys: set[str]) -> tuple[dict[tuple[int, str], list[Attempt]], set[tuple[int, str]]]:
    attempts: dict[tuple[int, str], list[Attempt]] = defaultdict(list)
    drafts: set[tuple[int, str]] = set()
    if not user_ids or not keys:
        return attempts, drafts
    rows = db.session.scalars(select(Attempt).where(Attempt.user_id.in_(user_ids), Attempt.activity_key.in_(keys))
                              .options(defer(Attempt.code), selectinload(Attempt.comments))
                              .order_by(Attempt.created_at.desc(), Attempt.id.desc())).all()
    for attempt in rows:
        attempts[(attempt.user_id, attempt.activity_key)].append(attempt)
    drafts = set(db.session.execute(select(Draft.user_id, Draft.activity_key).where(
        Draft.user_id.in_(user_ids), Draft.activity_key.in_(keys))).tuples())
    return attempts, drafts


def class_students(room: Classroom) -> list[User]:
    """The class's students in one query, sorted by name."""
    students = db.session.scalars(select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.classroom_id == room.id, Membership.role == ClassRole.STUDENT)).all()
    return sorted(students, key=lambda user: user.display_name.lower())


def class_grid(room: Classroom, catalog: Catalog, now: datetime | None = None) -> Grid:
    """Students × assigned work of ``room`` with each cell's status and per-column counts."""
    now = now or utcnow()
    students = class_students(room)
    columns = [Column(a, item) for a in class_assignments(room) for item in assignment_items(a, catalog)]
    attempts, drafts = _work_of([s.id for s in students], {c.key for c in columns})
    cells: dict[tuple[int, int], Cell] = {}
    counts = []
    for index, column in enumerate(columns):
        count = {status: 0 for status in CellStatus}
        for student in students:
            if column.assignment.students and not column.assignment.is_for(student):
                continue
            cell = cell_status(attempts.get((student.id, column.key), []), (student.id, column.key) in drafts,
                               column.assignment.due_at, now)
            cells[(student.id, index)] = cell
            count[cell.status] += 1
        counts.append(count)
    return Grid(room, students, columns, cells, counts)


@dataclass(frozen=True)
class StudentWork:
    assignment: Assignment
    item: WorkItem
    cell: Cell


def student_work(student: User, assignments: list[Assignment], catalog: Catalog,
                 now: datetime | None = None) -> list[StudentWork]:
    """Every piece of work assigned to ``student`` with its status (one entry per key: the same
    lab in two assignments counts once, under the one due first)."""
    now = now or utcnow()
    pairs: list[tuple[Assignment, WorkItem]] = []
    seen: set[str] = set()
    for assignment in assignments:
        for item in assignment_items(assignment, catalog):
            if item.key not in seen:
                seen.add(item.key)
                pairs.append((assignment, item))
    attempts, drafts = _work_of([student.id], seen)
    return [StudentWork(a, item, cell_status(attempts.get((student.id, item.key), []),
                                             (student.id, item.key) in drafts, a.due_at, now))
            for a, item in pairs]
