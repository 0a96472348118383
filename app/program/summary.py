"""Summary tables of the programme dashboards, and the index the outcome queries need.

At city scale (millions of attempts and evidence rows) the dashboards' counts take seconds to
compute, so ``officina dashboards refresh`` (cron) stores them: adoption per week and per module,
and ``OutcomeCell``, the outcome base (per school year, skill, class, level and month of first
evidence: how many student-class pairs) for every DigComp area, competence and technical skill,
levels by the documented rule (``app.skills.levels_sql``) exactly as the live pages compute them.
Pages read the stored rows and compute live when a summary was never filled (the SQLite demo,
or a school year newer than the last refresh). Raw counts are stored; suppression is applied
when they are read, so the threshold can change without a refresh. ``ix_evidence_outcome`` serves
the live outcome query's range scan (``activity_key``, which the level rule needs, is read from
the table). These live here beside the queries that need them, not in ``app/models``, because
only the dashboards use them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, delete, func, insert, literal, literal_column, select
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models import Evidence
from app.models.base import UTCDateTime, utcnow
from app.skills.levels_sql import reached_levels

Index("ix_evidence_outcome", Evidence.school_year, Evidence.skill_kind, Evidence.skill_code, Evidence.student_key,
      Evidence.classroom_id, Evidence.school_id, Evidence.district, Evidence.school_level, Evidence.level,
      Evidence.earned_at)


class AdoptionWeek(db.Model):
    __tablename__ = "program_adoption_week"

    week_start: Mapped[str] = mapped_column(String(10), primary_key=True)
    schools: Mapped[int] = mapped_column(Integer)
    classes: Mapped[int] = mapped_column(Integer)
    teachers: Mapped[int] = mapped_column(Integer)
    students: Mapped[int] = mapped_column(Integer)
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class OutcomeCell(db.Model):
    __tablename__ = "program_outcome_cell"
    __table_args__ = (Index("ix_program_outcome_cell_year_skill", "school_year", "skill"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[str] = mapped_column(String(7))
    skill: Mapped[str] = mapped_column(String(60))  # a SkillFilter token: area:3, digcomp:3.4, technical:pwm
    classroom_id: Mapped[int | None] = mapped_column(Integer)
    school_id: Mapped[int | None] = mapped_column(Integer)
    district: Mapped[str] = mapped_column(String(100))
    school_level: Mapped[str] = mapped_column(String(20))
    level: Mapped[int] = mapped_column(Integer)
    month: Mapped[str] = mapped_column(String(7))
    students: Mapped[int] = mapped_column(Integer)


class ModuleUptakeRow(db.Model):
    __tablename__ = "program_module_uptake"

    module_slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    classes: Mapped[int] = mapped_column(Integer)
    students: Mapped[int] = mapped_column(Integer)
    completed: Mapped[int] = mapped_column(Integer)
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def refresh_adoption() -> tuple[int, int]:
    """Recompute both adoption tables from the attempts (flushes; the caller commits).
    Returns the number of weeks and modules stored."""
    from app.program.adoption import live_module_counts, live_weekly_counts

    weeks = live_weekly_counts(None)
    modules = live_module_counts()
    now = utcnow()
    db.session.execute(delete(AdoptionWeek))
    db.session.execute(delete(ModuleUptakeRow))
    db.session.add_all(AdoptionWeek(week_start=w[0], schools=w[1], classes=w[2], teachers=w[3], students=w[4],
                                    refreshed_at=now) for w in weeks)
    db.session.add_all(ModuleUptakeRow(module_slug=m[0], classes=m[1], students=m[2], completed=m[3], refreshed_at=now)
                       for m in modules)
    db.session.flush()
    return len(weeks), len(modules)


def refresh_outcomes() -> int:
    """Recompute ``OutcomeCell`` from every evidence row: three INSERT … SELECT statements (DigComp
    areas, competences, technical skills), each level computed by the documented rule
    (``reached_levels``, the same subquery as the live pages). Flushes; returns the rows stored."""
    from app.program.outcomes import PAIR_COLUMNS, month_of

    db.session.execute(delete(OutcomeCell))
    # No bound parameters in the grouped expression: PostgreSQL must see the same text in SELECT and GROUP BY.
    area_code = func.substr(Evidence.skill_code, literal_column("1"), literal_column("1")).label("code")
    skills = [("area:", area_code, Evidence.skill_kind == "digcomp"),
              ("digcomp:", Evidence.skill_code, Evidence.skill_kind == "digcomp"),
              ("technical:", Evidence.skill_code, Evidence.skill_kind == "technical")]
    for prefix, code, condition in skills:
        pairs = reached_levels([condition], [Evidence.school_year, code, *PAIR_COLUMNS])
        month = month_of(pairs.c.first)
        columns = [pairs.c.school_year, pairs.c[code.key], pairs.c.classroom_id, pairs.c.school_id,
                   pairs.c.district, pairs.c.school_level, pairs.c.level]
        rows = (select(columns[0], (literal(prefix) + columns[1]).label("skill"), *columns[2:], month, func.count())
                .group_by(*columns, month))
        db.session.execute(insert(OutcomeCell).from_select(
            ["school_year", "skill", "classroom_id", "school_id", "district", "school_level", "level", "month",
             "students"], rows))
    db.session.flush()
    return db.session.scalar(select(func.count(OutcomeCell.id))) or 0


def stored_weeks(weeks: int) -> list[tuple[str, int, int, int, int]] | None:
    """The last ``weeks`` stored weeks, or None when the summary was never refreshed."""
    rows = db.session.execute(select(AdoptionWeek.week_start, AdoptionWeek.schools, AdoptionWeek.classes,
                                     AdoptionWeek.teachers, AdoptionWeek.students)
                              .order_by(AdoptionWeek.week_start.desc()).limit(weeks)).all()
    return [tuple(row) for row in reversed(rows)] if rows else None


def stored_modules() -> list[tuple[str, int, int, int]] | None:
    rows = db.session.execute(select(ModuleUptakeRow.module_slug, ModuleUptakeRow.classes, ModuleUptakeRow.students,
                                     ModuleUptakeRow.completed)).all()
    return [tuple(row) for row in rows] if rows else None


def refreshed_at() -> datetime | None:
    return db.session.scalar(select(AdoptionWeek.refreshed_at).limit(1))
