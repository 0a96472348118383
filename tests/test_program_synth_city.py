"""``officina synth-city`` at a small size on SQLite (the benchmarks run it at city size on
PostgreSQL): the rows arrive coherent, and the dashboards' services read them."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import Attempt, Classroom, Evidence, School, User


def test_synth_city_fills_a_coherent_city(app):
    """Does a small synthetic city get schools over the municipi, classes, students, attempts and
    evidence whose class and school agree, and do the outcome pages' counts add up?"""
    result = app.test_cli_runner().invoke(args=["synth-city", "--students", "300", "--attempts", "3000",
                                                "--schools", "12", "--yes"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(func.count(School.id))) == 12
    assert db.session.scalar(select(func.count(User.id)).where(User.role == "student")) == 300
    attempts = db.session.scalar(select(func.count(Attempt.id)))
    assert 1500 <= attempts <= 4500
    mismatched = db.session.scalar(
        select(func.count(Evidence.id)).join(Classroom, Classroom.id == Evidence.classroom_id)
        .where(Classroom.school_id != Evidence.school_id))
    assert mismatched == 0
    from app.program import outcomes

    counts = outcomes.pair_counts(outcomes.SkillFilter.parse("area:3"), "2026/27")
    result = outcomes.drilldown(counts, 10, {})
    assert result.city.table.value(len(result.city.table.row_keys), len(result.city.table.col_keys)) == \
        sum(item.students for item in counts)
