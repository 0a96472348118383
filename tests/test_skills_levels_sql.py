"""The SQL form of the level rule gives exactly what the Python rule gives, on random evidence
in a real database (SQLite here, PostgreSQL in CI)."""

from __future__ import annotations

import random
from collections import defaultdict

from sqlalchemy import select

from app.extensions import db
from app.models import Evidence
from app.skills.levels import level_reached
from app.skills.levels_sql import reached_levels


def test_sql_rule_matches_the_python_rule(app):
    """Does the SQL level agree with level_reached for every student × skill of random evidence?"""
    rng = random.Random(12)
    pieces = defaultdict(list)
    for _ in range(150):
        student, skill = f"s{rng.randrange(25)}", rng.choice(["3.4", "5.1", "pwm"])
        activity, level = f"lab:{rng.randrange(6)}", rng.randint(1, 8)
        pieces[(student, skill)].append((activity, level))
        db.session.add(Evidence(student_key=student, activity_key=activity, skill_kind="digcomp", skill_code=skill,
                                level=level, source="simulator", school_level="primaria", district="Municipio 1",
                                school_year="2026/27"))
    db.session.flush()
    reached = reached_levels([Evidence.school_year == "2026/27"], [Evidence.student_key, Evidence.skill_code])
    rows = db.session.execute(select(reached.c.student_key, reached.c.skill_code, reached.c.level,
                                     reached.c.activities)).all()
    assert len(rows) == len(pieces)
    for student, skill, level, activities in rows:
        assert level == level_reached(pieces[(student, skill)]), (student, skill)
        assert activities == len({a for a, _ in pieces[(student, skill)]})
    levels = {level for _, _, level, _ in rows}
    assert 0 in levels and len(levels) > 3  # both "started" and several levels were exercised


def test_sql_rule_single_activity_is_zero(app):
    """Does one activity, repeated at a high level, give level 0 in SQL too?"""
    for _ in range(2):
        db.session.add(Evidence(student_key="solo", activity_key="lab:a", skill_kind="technical", skill_code="pwm",
                                level=5, source="simulator", school_level="", district="", school_year="2026/27"))
    db.session.flush()
    reached = reached_levels([], [Evidence.student_key])
    assert db.session.execute(select(reached.c.level, reached.c.activities)).one() == (0, 1)
