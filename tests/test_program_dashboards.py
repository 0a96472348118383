"""Programme dashboards over real evidence rows on SQLite: adoption, outcomes from the city down to
a class, small groups hidden, CSV exports audited, the audit log for administrators only."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEntry, Evidence, SchoolLevel
from tests.factories import gen_classroom


def add_piece(room, student_key: str, activity: str, level: int, skill="3.4", month=10, user_id=None):
    db.session.add(Evidence(student_key=student_key, user_id=user_id, activity_key=activity, skill_kind="digcomp",
                            skill_code=skill, level=level, classroom_id=room.id, school_id=room.school_id,
                            school_level=room.level.value, district=room.school.district, school_year="2026/27",
                            earned_at=datetime(2026, month, 5, tzinfo=timezone.utc)))


def add_evidence(room, students: int, level: int, prefix: str, skill="3.4", month=10,
                 activities=("lab:blink", "quiz:led-uscite-digitali")):
    """``students`` students who each reached ``level`` (two activities at that level, by default)."""
    for i in range(students):
        for activity in activities:
            add_piece(room, f"{prefix}-{i}", activity, level, skill, month)


def city(world):
    """Two municipi: a big one with two classes, and the world's other school's small class."""
    add_evidence(world.classroom, 30, 2, "a")
    add_evidence(world.classroom, 12, 3, "b")
    second = gen_classroom(world.school, SchoolLevel.SECONDARIA_PRIMO, 3, "C")
    db.session.flush()
    add_evidence(second, 25, 2, "c", month=11)
    add_evidence(second, 4, 3, "d", month=11)  # a small cell: hidden
    add_evidence(world.other_classroom, 15, 1, "e")
    db.session.commit()
    return second


def test_city_outcomes_hide_small_cells_and_their_complements(client, world, login):
    """Does the city page show the municipi with the 4-student cell hidden and complemented?"""
    city(world)
    login(client, world.staff)
    page = client.get("/program/outcomes?skill=area:3&year=2026/27")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Municipio 1" in html and "<svg" in html and "<desc" in html
    assert world.student.display_name not in html and world.student.username not in html  # never a name


def test_school_page_hides_the_small_class_cell(client, world, login):
    """On the school page, is the class with 4 students at level 3 not shown as 4?"""
    second = city(world)
    login(client, world.staff)
    page = client.get(f"/program/outcomes/school/{world.school.id}?skill=digcomp:3.4&year=2026/27")
    assert page.status_code == 200
    from app.program import outcomes

    counts = outcomes.pair_counts(outcomes.SkillFilter.parse("digcomp:3.4"), "2026/27", world.school.district,
                                  world.school.id)
    result = outcomes.drilldown(counts, 10, {}, world.school.district, world.school.id)
    row = result.school.table.row_keys.index(("class", second.id))
    assert result.school.table.published_cells[row][1] is None
    assert len(result.school.table.hidden) >= 4


def test_export_is_suppressed_pseudonymous_and_audited(client, world, login):
    """Does the class-level CSV carry no class name, hide the small cell and write an audit entry?"""
    city(world)
    login(client, world.staff)
    response = client.get(f"/program/outcomes.csv?scope=school&school_id={world.school.id}&skill=area:3&year=2026/27")
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert all(line[0].startswith("C-") for line in lines[2:-1])
    assert "4" not in [cell for line in lines[2:] for cell in line]
    entry = db.session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert entry.action == "export_dashboard_csv" and entry.actor_id == world.staff.id


def test_adoption_page_and_export(client, world, login):
    """Do the adoption page and its CSV answer, with fewer than 10 students hidden?"""
    login(client, world.staff)
    assert client.get("/program/adoption").status_code == 200
    body = client.get("/program/adoption.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["week_start", "schools", "classes", "teachers", "students"]
    assert all(row[4] == "" for row in rows[1:])  # one or two students a week: hidden


def test_audit_log_is_for_administrators(client, world, login):
    """Is the audit log readable by an administrator and refused to programme staff?"""
    city(world)
    login(client, world.staff)
    client.get("/program/outcomes.csv?scope=city&skill=area:3&year=2026/27")
    assert client.get("/admin/audit/").status_code == 403
    other = client.application.test_client()
    login(other, world.admin)
    page = other.get("/admin/audit/")
    assert page.status_code == 200 and "export_dashboard_csv" in page.get_data(as_text=True)
    assert world.staff.username in page.get_data(as_text=True)


def test_threshold_comes_from_config_with_a_floor(app, world):
    """Does SUPPRESSION_MIN change the threshold, never below 3?"""
    from app.program.outcomes import SkillFilter, drilldown, pair_counts

    city(world)
    counts = pair_counts(SkillFilter.parse("area:3"), "2026/27")
    low, high = drilldown(counts, 2, {}).city.table, drilldown(counts, 50, {}).city.table
    first = low.row_keys.index(("municipio", "Municipio 1"))
    assert low.published_cells[first][1] == 55
    assert high.published_cells[first][2] is None  # 16 < 50
    assert len(low.hidden) < len(high.hidden)


def test_refreshed_summaries_give_the_same_tables_as_live(app, world):
    """After `officina dashboards refresh`, are the outcome counts and adoption rows the same as
    computed live from the evidence and the attempts?"""
    from app.program import adoption, outcomes

    city(world)
    skill = outcomes.SkillFilter.parse("area:3")
    live = sorted(outcomes.pair_counts(skill, "2026/27", "Municipio 1", world.school.id), key=repr)
    live_weeks = adoption.live_weekly_counts(None)
    result = app.test_cli_runner().invoke(args=["dashboards", "refresh"])
    assert result.exit_code == 0, result.output
    assert "outcome cells" in result.output
    from app.program.summary import OutcomeCell

    assert db.session.scalar(select(func.count(OutcomeCell.id))) > 0
    assert sorted(outcomes.pair_counts(skill, "2026/27", "Municipio 1", world.school.id), key=repr) == live
    assert [(w.start, w.schools, w.classes, w.teachers) for w in adoption.weekly_activity(500, 10)] == \
        [row[:4] for row in live_weeks]
    technical = outcomes.SkillFilter.parse("digcomp:3.4")
    assert sum(p.students for p in outcomes.pair_counts(technical, "2026/27")) == 30 + 12 + 25 + 4 + 15


def test_outcomes_use_the_level_rule_like_the_teacher_map(client, app, world, login):
    """Students with one piece of evidence at level 4 and two activities at level 2: do the
    outcomes (live and after `dashboards refresh`) count them at level 2, like the teacher's map,
    and students with one activity only at level 0 ("started")?"""
    from app.catalog.services import get_catalog
    from app.program import outcomes
    from app.skills.classmap import class_map

    def pieces(key: str, user_id=None):
        add_piece(world.classroom, key, "lab:semaforo", 4, user_id=user_id)
        add_piece(world.classroom, key, "lab:blink", 2, user_id=user_id)
        add_piece(world.classroom, key, "quiz:led-uscite-digitali", 2, user_id=user_id)

    pieces("me", world.student.id)
    for i in range(11):
        pieces(f"peer-{i}")
    for i in range(10):
        add_piece(world.classroom, f"once-{i}", "lab:blink", 3)
    db.session.commit()
    login(client, world.staff)
    skill = outcomes.SkillFilter.parse("digcomp:3.4")

    def seen() -> tuple[dict[int, int], list[list[str]]]:
        levels: dict[int, int] = {}
        for pair in outcomes.pair_counts(skill, "2026/27", world.school.district, world.school.id):
            levels[pair.level] = levels.get(pair.level, 0) + pair.students
        body = client.get("/program/outcomes.csv?scope=city&skill=digcomp:3.4&year=2026/27").get_data(as_text=True)
        return levels, list(csv.reader(io.StringIO(body)))

    live, live_csv = seen()
    assert live == {2: 12, 0: 10}
    assert live_csv[1:] == [["group", "level_0", "level_2", "total"], ["Municipio 1", "10", "12", "22"],
                            ["total", "10", "12", "22"]]
    assert client.get("/program/outcomes?skill=digcomp:3.4&year=2026/27").status_code == 200
    assert app.test_cli_runner().invoke(args=["dashboards", "refresh"]).exit_code == 0
    assert seen() == (live, live_csv)

    grid = class_map(world.classroom, get_catalog())
    column = next(i for i, c in enumerate(grid.columns) if (c.kind, c.code) == ("digcomp", "3.4"))
    cell = grid.cell(world.student, column)
    assert (cell.level, cell.best_single) == (2, 4)
