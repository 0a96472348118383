"""The student's home and their own attempts: the assigned work still to do (overdue and due
soon flagged), the work done, and the teachers' comments on their attempts, newest first with the
unseen ones marked; opening an attempt marks its comments seen. Statuses come from
``app.work.progress`` (the same rule as the teacher's grid); this module only sorts and labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.content import Catalog, LabActivity, Quiz, Text
from app.extensions import db
from app.models import Attempt, Comment, User
from app.models.base import utcnow
from app.work.assignments import student_assignments
from app.work.keys import WorkItem
from app.work.progress import CellStatus, StudentWork, student_work

DUE_SOON = timedelta(days=3)
FEEDBACK_SHOWN = 20

# Each status has a text and an icon, so colour is never the only sign (WCAG 1.4.1).
STATUS_LABELS = {
    CellStatus.NOT_STARTED: ("○", _l("Not started")),
    CellStatus.IN_PROGRESS: ("◔", _l("In progress")),
    CellStatus.SUBMITTED: ("●", _l("Submitted, not passed yet")),
    CellStatus.PASSED: ("✓", _l("Passed")),
    CellStatus.NEEDS_REVIEW: ("⌛", _l("Waiting for your teacher")),
    CellStatus.LATE: ("!", _l("Late")),
}


RECORDED_LABEL = ("✓", _l("Handed in: you will see the result after the due date"))


@dataclass(frozen=True)
class HomeItem:
    """One piece of assigned work on the home page. ``result_hidden``: a test before its due
    date, where even passed or not passed stays hidden (the work shows as handed in)."""

    work: StudentWork
    overdue: bool
    due_soon: bool
    result_hidden: bool = False

    @property
    def status(self) -> CellStatus:
        return self.work.cell.status

    @property
    def icon(self) -> str:
        return RECORDED_LABEL[0] if self.result_hidden else STATUS_LABELS[self.status][0]

    @property
    def label(self) -> str:
        return str(RECORDED_LABEL[1] if self.result_hidden else STATUS_LABELS[self.status][1])

    @property
    def done(self) -> bool:
        return self.status is CellStatus.PASSED and not self.result_hidden


@dataclass(frozen=True)
class StudentHome:
    to_do: list[HomeItem]  # overdue first, then soonest due, undated last
    done: list[HomeItem]
    feedback: list[Comment]  # newest first
    unseen_feedback: int
    titles: dict[str, Text]  # activity key -> title, for the feedback list


def _item(work: StudentWork, now: datetime) -> HomeItem:
    due, status = work.assignment.due_at, work.cell.status
    overdue = status is CellStatus.LATE  # submitted work waiting for review is not late
    waiting = status in (CellStatus.PASSED, CellStatus.NEEDS_REVIEW)
    hidden = status in (CellStatus.PASSED, CellStatus.SUBMITTED) and work.assignment.details_hidden(now)
    due_soon = not waiting and not hidden and not overdue and due is not None and now <= due <= now + DUE_SOON
    return HomeItem(work, overdue, due_soon, hidden)


def student_home(student: User, catalog: Catalog, now: datetime | None = None) -> StudentHome:
    """The home page of ``student``: their assigned work split into to do and done, and feedback."""
    now = now or utcnow()
    items = [_item(work, now) for work in student_work(student, student_assignments(student, now), catalog, now)]
    to_do = [item for item in items if not item.done]
    to_do.sort(key=lambda item: (not item.overdue, item.work.assignment.due_at is None,
                                 item.work.assignment.due_at or now))
    done = [item for item in items if item.done]
    feedback = received_feedback(student)
    titles = {key: title for key in {c.attempt.activity_key for c in feedback}
              if (title := activity_title(catalog, key)) is not None}
    return StudentHome(to_do, done, feedback, sum(1 for comment in feedback if comment.seen_at is None), titles)


def activity_title(catalog: Catalog, activity_key: str) -> Text | None:
    """The title of the lab, quiz or project an activity key names (None if it left the catalog)."""
    kind, _, rest = activity_key.partition(":")
    if kind == "lab":
        lab = catalog.labs.get(rest)
        return lab.title if lab else None
    module_slug, _, activity_slug = rest.partition("/")
    module = catalog.modules.get(module_slug)
    activity = module.activity(activity_slug) if module else None
    return activity.title if activity else None


def received_feedback(student: User, limit: int = FEEDBACK_SHOWN) -> list[Comment]:
    """Teachers' comments on ``student``'s attempts, newest first."""
    return list(db.session.scalars(
        select(Comment).join(Attempt, Attempt.id == Comment.attempt_id).where(Attempt.user_id == student.id)
        .options(selectinload(Comment.attempt), selectinload(Comment.author))
        .order_by(Comment.created_at.desc(), Comment.id.desc()).limit(limit)))


def mark_comments_seen(attempt: Attempt, reader: User, now: datetime | None = None) -> int:
    """The attempt's owner has read it: stamp its unseen comments (flush only). Someone else
    reading (an administrator) changes nothing. Returns how many were marked."""
    if reader.id != attempt.user_id:
        return 0
    unseen = [comment for comment in attempt.comments if comment.seen_at is None]
    for comment in unseen:
        comment.seen_at = now or utcnow()
    db.session.flush()
    return len(unseen)


def work_url(item: WorkItem) -> str:
    """Where the student does a piece of work: the lab page, the quiz page or the project page."""
    if isinstance(item.activity, LabActivity):
        return url_for("catalog.lab", slug=item.activity.lab)
    if isinstance(item.activity, Quiz):
        return url_for("learn.quiz", module_slug=item.module.slug, activity_slug=item.activity.slug)
    return url_for("projects.project", module_slug=item.module.slug, activity_slug=item.activity.slug)
