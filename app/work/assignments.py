"""Assignments: a teacher gives a class (or some of its students) a module or one activity of
it, with dates and an optional test mode; students find the ones given to them.

Services flush without committing (the view commits once, or rolls back) and raise
``AssignmentInvalid`` naming the form field at fault.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from app.content import Catalog
from app.extensions import db
from app.models import Assignment, Attempt, ClassRole, Classroom, Membership, ModuleVersion, User
from app.models.base import utcnow
from app.work.errors import AssignmentInvalid
from app.work.keys import WorkItem, work_items

MAX_ATTEMPTS_CAP = 50


def create_assignment(room: Classroom, catalog: Catalog, *, module_slug: str, activity_slug: str | None,
                      starts_at: datetime | None, due_at: datetime | None, test_mode: bool = False,
                      max_attempts: int | None = None, student_ids: Iterable[int] = (),
                      created_by: User | None = None) -> Assignment:
    """Assign a module (or its activity ``activity_slug``) to ``room``; ``student_ids`` empty
    means the whole class. Raises ``AssignmentInvalid``."""
    module = catalog.modules.get(module_slug)
    if module is None:
        raise AssignmentInvalid("unknown_module", "module")
    if activity_slug and module.activity(activity_slug) is None:
        raise AssignmentInvalid("unknown_activity", "activity")
    if not work_items(module, activity_slug or None):
        raise AssignmentInvalid("nothing_to_do", "activity")
    starts_at = starts_at or utcnow()
    if due_at is not None and due_at <= starts_at:
        raise AssignmentInvalid("due_before_start", "due_at")
    if max_attempts is not None and not test_mode:
        raise AssignmentInvalid("cap_needs_test_mode", "max_attempts")
    if max_attempts is not None and not 1 <= max_attempts <= MAX_ATTEMPTS_CAP:
        raise AssignmentInvalid("cap_out_of_range", "max_attempts")
    wanted = set(student_ids)
    class_students = {m.user_id: m.user for m in room.memberships if m.role is ClassRole.STUDENT}
    if wanted - set(class_students):
        raise AssignmentInvalid("student_not_in_class", "students")
    version = db.session.scalar(select(ModuleVersion).where(
        ModuleVersion.slug == module.slug, ModuleVersion.content_hash == module.content_hash))
    assignment = Assignment(classroom=room, module_slug=module.slug, activity_slug=activity_slug or None,
                            module_version_id=version.id if version else None, starts_at=starts_at,
                            due_at=due_at, test_mode=test_mode, max_attempts=max_attempts,
                            created_by_id=created_by.id if created_by else None,
                            students=[class_students[i] for i in sorted(wanted)])
    db.session.add(assignment)
    db.session.flush()
    return assignment


def delete_assignment(assignment: Assignment) -> None:
    """Withdraw an assignment; attempts stay in the record (their link is cleared here, not left
    to the database: SQLite does not enforce foreign keys, and a reused id would inherit them)."""
    db.session.execute(update(Attempt).where(Attempt.assignment_id == assignment.id).values(assignment_id=None))
    assignment.students.clear()
    db.session.delete(assignment)
    db.session.flush()


def class_assignments(room: Classroom) -> list[Assignment]:
    """The class's assignments, soonest due first (no due date last), then newest."""
    rows = db.session.scalars(select(Assignment).where(Assignment.classroom_id == room.id)
                              .options(selectinload(Assignment.students))).all()
    return sorted(rows, key=lambda a: (a.due_at is None, a.due_at or a.starts_at, -a.id))


def student_assignments(student: User, now: datetime | None = None) -> list[Assignment]:
    """The assignments given to ``student`` that have started, in classes not archived."""
    now = now or utcnow()
    rows = db.session.scalars(
        select(Assignment).join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .where(Membership.user_id == student.id, Membership.role == ClassRole.STUDENT,
               Classroom.archived.is_(False), Assignment.starts_at <= now)
        .options(selectinload(Assignment.students), selectinload(Assignment.classroom))
    ).all()
    mine = [a for a in rows if not a.students or any(s.id == student.id for s in a.students)]
    return sorted(mine, key=lambda a: (a.due_at is None, a.due_at or a.starts_at, a.id))


def assignment_items(assignment: Assignment, catalog: Catalog) -> list[WorkItem]:
    """The pieces of work an assignment asks for (empty if its module left the catalog)."""
    module = catalog.modules.get(assignment.module_slug)
    return work_items(module, assignment.activity_slug) if module else []


def covering_assignment(student: User, activity_key: str, catalog: Catalog,
                        now: datetime | None = None) -> Assignment | None:
    """The assignment a submission of ``activity_key`` counts for: a test-mode one first (its
    rules apply), then the one due soonest; None when the work is practice."""
    found = [a for a in student_assignments(student, now)
             if any(item.key == activity_key for item in assignment_items(a, catalog))]
    if not found:
        return None
    return sorted(found, key=lambda a: (not a.test_mode, a.due_at is None, a.due_at or a.starts_at))[0]
