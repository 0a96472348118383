"""The skills pages: a student's own record (never another's), hidden test results left out, the
certificate of completed modules, the teacher's heat map (refused to another class's teacher)
and its CSV export."""

from __future__ import annotations

from datetime import timedelta

from app.catalog.services import get_catalog
from app.extensions import db
from app.models import Assignment, Attempt, AttemptStatus
from app.models.base import utcnow
from app.skills.recording import rebuild_all_evidence, record_attempt_evidence
from app.work.keys import work_items
from tests.factories import gen_lab_attempt, gen_user


def _pass(student, assignment, key: str, activity_key: str = "lab:blink", kind: str = "lab") -> Attempt:
    attempt = gen_lab_attempt(student, assignment, key, passed=True)
    attempt.activity_key, attempt.kind = activity_key, kind
    db.session.flush()
    record_attempt_evidence(attempt, get_catalog())
    db.session.commit()
    return attempt


def test_student_sees_own_levels_and_evidence_links(world, client, login):
    """Does the record show a level reached from two activities, with links to the student's attempts?"""
    lab = _pass(world.student, world.assignment, "v-1")
    sos = _pass(world.student, world.assignment, "v-2", "lab:sos-morse")
    login(client, world.student)
    html = client.get("/learn/skills").get_data(as_text=True)
    assert f'href="/learn/attempts/{lab.id}"' in html and f'href="/learn/attempts/{sos.id}"' in html
    assert "Uscite digitali" in html and "Programmazione" in html
    assert "Livello 1 su 5" in html or "Level 1 of 5" in html
    assert "<title" in html and "<desc" in html and "progress-table" in html


def test_one_activity_only_shows_started_not_a_level(world, client, login):
    """Does a single passed lab show the skill as started, with no level?"""
    _pass(world.student, world.assignment, "v-1")
    login(client, world.student)
    html = client.get("/learn/skills").get_data(as_text=True)
    assert "Livello 1 su" not in html and "Level 1 of" not in html


def test_student_never_sees_another_students_evidence(world, client, login):
    """Is another student's evidence (in another class) absent from a student's record?"""
    other = _pass(world.other_student, None, "v-other", "lab:sos-morse")
    login(client, world.student)
    html = client.get("/learn/skills").get_data(as_text=True)
    assert f"/learn/attempts/{other.id}" not in html and "SOS" not in html
    assert client.get(f"/learn/attempts/{other.id}").status_code == 403


def test_hidden_test_results_stay_out_of_the_record(world, client, login):
    """Does a test whose results are hidden until the due date leave the record unchanged for now?"""
    test = Assignment(classroom=world.classroom, module_slug="led-uscite-digitali", test_mode=True,
                      due_at=utcnow() + timedelta(days=2), created_by_id=world.teacher.id)
    db.session.add(test)
    db.session.flush()
    hidden = _pass(world.student, test, "v-hidden")
    login(client, world.student)
    html = client.get("/learn/skills").get_data(as_text=True)
    assert f"/learn/attempts/{hidden.id}" not in html
    test.due_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert f"/learn/attempts/{hidden.id}" in client.get("/learn/skills").get_data(as_text=True)


def test_certificate_lists_a_module_only_when_all_its_work_passed(world, client, login):
    """Is a module on the certificate only once every lab, quiz and project of it is passed?"""
    catalog = get_catalog()
    module = catalog.modules["led-uscite-digitali"]
    items = work_items(module)
    for index, item in enumerate(items[:-1]):
        _pass(world.student, world.assignment, f"c-{index}", item.key, item.kind)
    login(client, world.student)
    title = module.title.it
    assert title not in client.get("/learn/skills/certificate").get_data(as_text=True)
    _pass(world.student, world.assignment, "c-last", items[-1].key, items[-1].kind)
    html = client.get("/learn/skills/certificate").get_data(as_text=True)
    assert title in html and "certificate-table" in html and "skills.css" in html


def test_teacher_heat_map_shows_level_number_and_colour(world, client, login):
    """Does the class map show the student's level as a number and a colour class, and the summary count?"""
    _pass(world.student, world.assignment, "m-1")
    _pass(world.student, world.assignment, "m-2", "lab:sos-morse")
    login(client, world.teacher)
    response = client.get(f"/teach/classes/{world.classroom.id}/skills")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert world.student.display_name in html and 'class="heat level-2">2<' in html
    assert world.other_student.display_name not in html
    assert "skill-summary" in html


def test_other_class_teacher_is_refused_the_map_and_csv(world, client, login):
    """Is a teacher of another class refused (403) the heat map and its export?"""
    _pass(world.student, world.assignment, "m-1")
    login(client, world.other_teacher)
    assert client.get(f"/teach/classes/{world.classroom.id}/skills").status_code == 403
    assert client.get(f"/teach/classes/{world.classroom.id}/skills.csv").status_code == 403


def test_csv_export_is_excel_ready_and_formula_safe(world, client, login):
    """Is the export UTF-8 with a BOM, ';'-separated, with a formula-like name defused?"""
    world.student.display_name = "=HYPERLINK(\"http://x\")"
    _pass(world.student, world.assignment, "e-1")
    _pass(world.student, world.assignment, "e-2", "lab:sos-morse")
    login(client, world.teacher)
    response = client.get(f"/teach/classes/{world.classroom.id}/skills.csv")
    body = response.get_data()
    assert response.status_code == 200 and body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0].startswith("student;username;") and "digital-output" in lines[0]
    assert lines[1].startswith("\"'=HYPERLINK") and ";2;" in lines[1] + ";"
    assert "attachment" in response.headers["Content-Disposition"]


def test_demo_evidence_rebuild_counts_rows(world):
    """Does rebuilding every attempt's evidence (what the demo loader calls) find the passed ones?"""
    gen_lab_attempt(world.student, world.assignment, "d-1", passed=True)
    db.session.commit()
    assert rebuild_all_evidence(get_catalog()) > 0
    assert db.session.scalar(db.select(db.func.count()).select_from(Attempt).where(
        Attempt.status == AttemptStatus.PASSED)) == 1


def test_student_without_class_still_sees_own_record(app, client, login):
    """Does a student with no class see their record (no crash on a missing class)?"""
    from app.models import Role

    loner = gen_user("solo", Role.STUDENT)
    _pass(loner, None, "l-1")
    login(client, loner)
    assert client.get("/learn/skills").status_code == 200


def test_map_counts_only_evidence_earned_in_that_class(world, client, login):
    """Does the class map leave out what a student proved in another class of theirs?"""
    from app.models import ClassRole
    from tests.factories import enrol, gen_classroom

    last_year = gen_classroom(world.school, year=1, section="B", school_year="2025/26")
    enrol(world.student, last_year, ClassRole.STUDENT)
    old = Assignment(classroom=last_year, module_slug="led-uscite-digitali", created_by_id=world.teacher.id)
    db.session.add(old)
    db.session.flush()
    _pass(world.student, old, "old-1")
    _pass(world.student, old, "old-2", "lab:sos-morse")
    login(client, world.teacher)
    html = client.get(f"/teach/classes/{world.classroom.id}/skills").get_data(as_text=True)
    assert 'class="heat level-' not in html


def test_rebuild_command_runs(app, world):
    """Does `officina skills rebuild` record the evidence of the passed attempts?"""
    gen_lab_attempt(world.student, world.assignment, "cli-1", passed=True)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["skills", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "Skills record rebuilt:" in result.output and " 0 pieces" not in result.output
