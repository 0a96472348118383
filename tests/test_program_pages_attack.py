"""End to end on SQLite: every outcome table the programme pages publish for one skill and year
(city, school levels, months, each municipio, each school) is computed from real evidence rows
by the real services, then handed to the subtraction attacker of ``tests/test_suppression``."""

from __future__ import annotations

import random
from datetime import datetime, timezone

import pytest

from app.extensions import db
from app.models import Evidence, SchoolLevel
from app.program import outcomes
from tests.factories import gen_classroom, gen_school
from tests.test_suppression import attack


def small_city(seed: int) -> None:
    rng = random.Random(seed)
    for m in range(3):
        for s in range(rng.randint(1, 3)):
            school = gen_school(f"MIIC{m}{s}AB00", f"Scuola {m}{s}", f"Municipio {m + 1}")
            for c in range(rng.randint(1, 3)):
                room = gen_classroom(school, SchoolLevel.SECONDARIA_PRIMO, 1 + c % 3, "ABC"[c])
                db.session.flush()
                for i in range(rng.choice([3, 6, 12, 20])):
                    db.session.add(Evidence(
                        student_key=f"{room.id}-{i}", activity_key="lab:blink", skill_kind="digcomp",
                        skill_code="3.4", level=rng.choice([1, 2, 2, 3, 4]), classroom_id=room.id,
                        school_id=school.id, school_level=room.level.value, district=school.district,
                        school_year="2026/27", earned_at=datetime(2026, rng.choice([10, 11, 12]), 3, tzinfo=timezone.utc)))
    db.session.commit()


@pytest.mark.parametrize("seed", range(4))
def test_every_page_together_reveals_no_hidden_number(app, seed):
    """Can the attacker recover any hidden count from all pages of one skill and year together?"""
    small_city(seed)
    skill = outcomes.SkillFilter.parse("digcomp:3.4")
    city_counts = outcomes.pair_counts(skill, "2026/27")
    top = outcomes.drilldown(city_counts, 10, {})
    published = [top.city.table, top.by_school_level.table, outcomes.trend(city_counts, top.city.table, 10).table]
    for district_key in top.city.table.row_keys:
        district = district_key[1]
        page = outcomes.drilldown(outcomes.pair_counts(skill, "2026/27", district), 10, {}, district)
        published.append(page.municipio.table)
        for school_key in page.municipio.table.row_keys:
            school_page = outcomes.drilldown(outcomes.pair_counts(skill, "2026/27", district, school_key[1]), 10, {},
                                             district, school_key[1])
            published.append(school_page.school.table)
    assert any(table.hidden for table in published)
    assert attack(published) == {}
