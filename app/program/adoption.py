"""Adoption: who is using Officina, week by week, and which modules classes take up and finish.

Counted in SQL from graded attempts made for an assignment (practice outside an assignment
belongs to no class): per week the distinct schools, classes, teachers of those classes and
students that were active. Per module: the classes it was assigned to, the students who
attempted it and the students who passed every graded activity of its current version (a
reviewed project counts as done). At city scale the counts come from the summary tables that
``officina dashboards refresh`` fills (``app.program.summary``); otherwise they are computed live.
Counts of students below the threshold are suppressed; schools, classes and teachers are
institutions and adults, shown as they are. Weekly counts of distinct students add up to no
published total, so primary suppression is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import distinct, func, or_, select

from app.extensions import db
from app.models import ActivityVersion, Assignment, Attempt, AttemptStatus, ClassRole, Classroom, Membership, ModuleVersion
from app.program import summary
from app.program.suppression import effective_minimum

GRADED_KINDS = ("lab", "quiz", "project")


@dataclass(frozen=True)
class Week:
    start: str  # the Monday, ISO date
    schools: int
    classes: int
    teachers: int
    students: int | None  # None: suppressed


@dataclass(frozen=True)
class ModuleUse:
    slug: str
    title: str
    classes: int
    students: int | None
    completed: int | None


def _week(column):
    if db.engine.dialect.name == "postgresql":
        return func.to_char(func.date_trunc("week", func.timezone("UTC", column)), "YYYY-MM-DD")
    return func.date(column, "weekday 0", "-6 days")


def live_weekly_counts(weeks: int | None) -> list[tuple[str, int, int, int, int]]:
    """(week start, schools, classes, teachers, students) for the last ``weeks`` weeks counted back
    from the latest attempt (all weeks when None), computed from the attempts."""
    week = _week(Attempt.created_at).label("week")
    window = []
    if weeks is not None:
        latest = db.session.scalar(select(func.max(Attempt.created_at)))
        if latest is None:
            return []
        window = [Attempt.created_at >= latest - timedelta(weeks=weeks)]
    people = (
        select(week, func.count(distinct(Classroom.school_id)), func.count(distinct(Assignment.classroom_id)),
               func.count(distinct(Attempt.user_id)))
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .where(*window).group_by(week)
    )
    teachers = dict(db.session.execute(
        select(week, func.count(distinct(Membership.user_id)))
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .join(Membership, (Membership.classroom_id == Assignment.classroom_id) & (Membership.role == ClassRole.TEACHER))
        .where(*window).group_by(week)
    ).all())
    rows = [(str(start), int(schools), int(classes), int(teachers.get(start, 0)), int(students))
            for start, schools, classes, students in db.session.execute(people)]
    return sorted(rows)


def live_module_counts() -> list[tuple[str, int, int, int]]:
    """(module, classes assigned, students who tried it, students who completed it), live."""
    classes = dict(db.session.execute(
        select(Assignment.module_slug, func.count(distinct(Assignment.classroom_id))).group_by(Assignment.module_slug)
    ).all())
    reached = dict(db.session.execute(
        select(Assignment.module_slug, func.count(distinct(Attempt.user_id)))
        .join(Attempt, Attempt.assignment_id == Assignment.id).group_by(Assignment.module_slug)
    ).all())
    graded = (
        select(ModuleVersion.slug.label("slug"), func.count(ActivityVersion.id).label("needed"))
        .join(ActivityVersion, ActivityVersion.module_version_id == ModuleVersion.id)
        .where(ModuleVersion.current.is_(True), ActivityVersion.kind.in_(GRADED_KINDS))
        .group_by(ModuleVersion.slug)
        .subquery()
    )
    passed = or_(Attempt.override_passed.is_(True),
                 Attempt.status.in_([AttemptStatus.PASSED, AttemptStatus.REVIEWED]) & Attempt.override_passed.isnot(False))
    done = (
        select(Assignment.module_slug.label("slug"), Attempt.user_id.label("user_id"),
               func.count(distinct(Attempt.activity_key)).label("passed"))
        .join(Attempt, Attempt.assignment_id == Assignment.id)
        .where(passed)
        .group_by(Assignment.module_slug, Attempt.user_id)
        .subquery()
    )
    completed = dict(db.session.execute(
        select(done.c.slug, func.count()).join(graded, graded.c.slug == done.c.slug)
        .where(done.c.passed >= graded.c.needed).group_by(done.c.slug)
    ).all())
    return [(slug, int(n), int(reached.get(slug, 0)), int(completed.get(slug, 0))) for slug, n in classes.items()]


def weekly_activity(weeks: int, minimum: int | None) -> list[Week]:
    """The last ``weeks`` weeks with activity, students below the threshold suppressed."""
    k = effective_minimum(minimum)
    rows = summary.stored_weeks(weeks) or live_weekly_counts(weeks)
    return [Week(start, schools, classes, teachers, students if students >= k else None)
            for start, schools, classes, teachers, students in rows]


def module_uptake(minimum: int | None, language: str = "it") -> list[ModuleUse]:
    """Per module: classes it was assigned to, students who tried it, students who finished it."""
    k = effective_minimum(minimum)
    rows = summary.stored_modules() or live_module_counts()
    titles = dict(db.session.execute(
        select(ModuleVersion.slug, ModuleVersion.title_en if language == "en" else ModuleVersion.title_it)
        .where(ModuleVersion.current.is_(True))
    ).all())

    def shown(n: int) -> int | None:
        return n if n >= k or n == 0 else None

    uses = [ModuleUse(slug, titles.get(slug, slug), classes, shown(students), shown(completed))
            for slug, classes, students, completed in rows]
    return sorted(uses, key=lambda use: use.title)
