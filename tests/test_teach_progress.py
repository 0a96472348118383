"""The class progress grid and the results export, computed from real attempts and drafts:
every status (late, passed by a teacher's override, needs review …), the filters, the links to
the attempts, the column counts, a 30 × 40 class in a fixed number of queries, and the CSV's
rows, columns, encoding and formula escaping. Real app, real SQLite."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import event

from app.catalog.services import get_catalog
from app.extensions import db
from app.models import Assignment, Attempt, AttemptOverride, AttemptStatus, ClassRole, Comment, Role
from app.models.base import utcnow
from app.teach.export import COLUMNS, defuse
from app.work.assignments import assignment_items, create_assignment
from app.work.attempts import submit_quiz
from app.work.drafts import save_draft
from app.work.progress import class_grid
from app.work.keys import lab_key
from tests.factories import enrol, gen_lab_attempt, gen_user


@pytest.fixture
def teacher_client(app, world, login):
    world.teacher.preferred_language = "en"
    db.session.commit()
    client = app.test_client()
    login(client, world.teacher)
    return client


def _right_answers(quiz) -> dict[str, object]:
    return {q.id: (str(q.answer) if q.type == "numeric" else [str(i) for i, o in enumerate(q.options) if o.correct])
            for q in quiz.questions}


@pytest.fixture
def busy_class(world):
    """The world's class with a second student and work at every status (see the docstrings)."""
    catalog = get_catalog()
    tre = gen_user("studente.tre", Role.STUDENT, world.school, display_name="=HYPERLINK(\"http://x\")")
    enrol(tre, world.classroom, ClassRole.STUDENT)
    now = utcnow()
    late = create_assignment(world.classroom, catalog, module_slug="pulsanti-ingressi-digitali",
                             activity_slug="lab-semaforo", starts_at=now - timedelta(days=10),
                             due_at=now - timedelta(days=1))
    # blink: the student failed, the teacher overrode to passed; tre failed (submitted)
    world.attempt.override_passed = True
    db.session.add(AttemptOverride(attempt=world.attempt, author_id=world.teacher.id, passed=True,
                                   reason="Il LED lampeggia sulla scheda vera."))
    gen_lab_attempt(tre, world.assignment, "tre-blink-1")
    # the late traffic light: the student failed (late), tre passed after the due date (passed)
    failed = gen_lab_attempt(world.student, late, "uno-semaforo-1")
    failed.activity_key = lab_key("traffic-light")
    passed = gen_lab_attempt(tre, late, "tre-semaforo-1", passed=True)
    passed.activity_key = lab_key("traffic-light")
    # the project waits for the teacher's rubric
    project = Attempt(user=world.student, assignment=world.project_assignment, activity_key="project:design-thinking/prototipo-e-test",
                      kind="project", idempotency_key="uno-progetto-1", status=AttemptStatus.NEEDS_REVIEW)
    db.session.add(project)
    db.session.commit()
    # the quiz, graded for real; a draft of the SOS lab (in progress)
    module = catalog.modules[world.assignment.module_slug]
    quiz = module.activity(world.quiz_slug)
    submit_quiz(world.student, module, quiz, _right_answers(quiz), "uno-quiz-0001", catalog)
    save_draft(world.student.id, lab_key("sos-morse"), "from machine import Pin\n", "pico")
    return {"tre": tre, "late": late, "project": project}


def _row_cells(html: str, name: str) -> list[str]:
    row = re.search(r'<th scope="row">' + re.escape(name) + r"</th>(.*?)</tr>", html, re.S)
    assert row, f"no row for {name}"
    return re.findall(r'<td class="cell ([^"]+)"', row.group(1))


def _statuses(world, html: str, name: str) -> dict[str, str]:
    keys = [c.key for c in class_grid(world.classroom, get_catalog()).columns]
    return dict(zip(keys, (c.removeprefix("status-") for c in _row_cells(html, name)), strict=True))


def test_grid_statuses_come_from_attempts_and_drafts(teacher_client, world, busy_class):
    """Does each cell show the status the attempts and drafts give it, by class, icon and word?"""
    html = teacher_client.get(f"/teach/classes/{world.classroom.id}/progress").get_data(as_text=True)
    uno = _statuses(world, html, "Studente.Uno")
    assert uno == {"lab:traffic-light": "late", "quiz:led-uscite-digitali/verifica-led": "passed",
                   "lab:blink": "passed", "lab:sos-morse": "in_progress",
                   "project:design-thinking/prototipo-e-test": "needs_review"}
    tre = _statuses(world, html, "=HYPERLINK(&#34;http://x&#34;)")
    assert tre["lab:traffic-light"] == "passed" and tre["lab:blink"] == "submitted"
    assert tre["quiz:led-uscite-digitali/verifica-led"] == "not_started"
    assert '<span class="icon" aria-hidden="true">!</span> late' in html
    assert '<span class="icon" aria-hidden="true">?</span> needs review' in html


def test_cells_with_an_attempt_link_to_it(teacher_client, world, busy_class):
    """Does a cell with an attempt link to the attempt review, and one without have no link?"""
    html = teacher_client.get(f"/teach/classes/{world.classroom.id}/progress").get_data(as_text=True)
    project_id = busy_class["project"].id
    assert f'href="/teach/attempts/{project_id}"' in html
    assert f'href="/teach/attempts/{world.attempt.id}"' in html  # the overridden blink attempt
    assert f'href="/teach/attempts/{world.other_attempt.id}"' not in html  # another school's student
    not_started = re.findall(r'<td class="cell status-not_started">(.*?)</td>', html, re.S)
    assert not_started and not any("<a " in cell for cell in not_started)


def test_grid_is_an_accessible_table(teacher_client, world, busy_class):
    """Is the grid a captioned table with scoped headers, in a labelled, focusable scrolling region?"""
    html = teacher_client.get(f"/teach/classes/{world.classroom.id}/progress").get_data(as_text=True)
    assert re.search(r'<div class="grid-scroll" role="region" aria-labelledby="grid-caption" tabindex="0">', html)
    assert '<caption id="grid-caption">' in html and 'scope="colgroup"' in html
    assert html.count('<th scope="col">') == 5 and html.count('<th scope="row">') == 2
    assert html.count("<abbr title=") == 5 + 3  # every activity and every assignment: the full title
    assert "css/progress.css" in html and "/export.csv" in html


def test_footer_counts_each_status_per_column(world, busy_class):
    """Does the footer count one late and one passed student on the late traffic-light lab?"""
    from app.work.progress import CellStatus

    grid = class_grid(world.classroom, get_catalog())
    index = next(i for i, c in enumerate(grid.columns) if c.key == "lab:traffic-light")
    assert grid.counts[index][CellStatus.LATE] == 1 and grid.counts[index][CellStatus.PASSED] == 1


def test_filters_keep_rows_with_overdue_or_review_work(teacher_client, world, busy_class):
    """Do ?show=overdue and ?show=review keep only the students with such a cell?"""
    base = f"/teach/classes/{world.classroom.id}/progress"
    overdue = teacher_client.get(base + "?show=overdue").get_data(as_text=True)
    review = teacher_client.get(base + "?show=review").get_data(as_text=True)
    everyone = teacher_client.get(base + "?show=nonsense").get_data(as_text=True)
    for html in (overdue, review):
        assert '<th scope="row">Studente.Uno</th>' in html and "HYPERLINK" not in html.split("<tbody>")[1].split("</tbody>")[0]
    assert everyone.count('<th scope="row">') == 2
    assert 'aria-current="page">With late work (1)' in overdue


def test_grid_of_a_class_with_nothing_assigned(teacher_client, world):
    """Does a class with no assignment say so instead of showing an empty table?"""
    db.session.delete(world.assignment)
    db.session.delete(world.project_assignment)
    db.session.commit()
    html = teacher_client.get(f"/teach/classes/{world.classroom.id}/progress").get_data(as_text=True)
    assert "Nothing assigned yet" in html and "<table" not in html


def _queries(client, path: str) -> int:
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        response = client.get(path)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert response.status_code == 200
    return len(statements)


def test_thirty_students_by_forty_activities_in_fixed_queries(teacher_client, world):
    """Does a 30 × 40+ grid with hundreds of attempts and comments render with as many queries as a tiny one?"""
    path = f"/teach/classes/{world.classroom.id}/progress"
    small = _queries(teacher_client, path)
    catalog = get_catalog()
    students = [world.student] + [gen_user(f"alunno.{i:02d}", Role.STUDENT, world.school) for i in range(29)]
    for student in students[1:]:
        enrol(student, world.classroom, ClassRole.STUDENT)
    columns = 0
    for module in catalog.modules.values():
        if columns >= 40:
            break
        assignment = Assignment(classroom=world.classroom, module_slug=module.slug)
        db.session.add(assignment)
        db.session.flush()
        for item in assignment_items(assignment, catalog):
            columns += 1
            for n, student in enumerate(students):
                if (n + columns) % 3 == 0:
                    attempt = Attempt(user=student, assignment=assignment, activity_key=item.key, kind=item.kind,
                                      idempotency_key=f"g-{student.id}-{columns}", status=AttemptStatus.FAILED)
                    db.session.add(attempt)
                    if n % 2:
                        db.session.add(Comment(attempt=attempt, body="Rivedi il ciclo."))
    db.session.commit()
    html = teacher_client.get(path).get_data(as_text=True)
    total_columns = len(class_grid(world.classroom, catalog).columns)
    assert total_columns >= 40 and html.count('<th scope="row">') == 30
    assert html.count('<td class="cell') == 30 * total_columns
    assert _queries(teacher_client, path) <= small + 2  # not one more per student, attempt or cell


def _export(client, world):
    response = client.get(f"/teach/classes/{world.classroom.id}/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return response


def test_export_has_one_row_per_student_and_activity(teacher_client, world, busy_class):
    """Is the CSV UTF-8 with BOM, ';'-separated, one documented row per student × activity?"""
    response = _export(teacher_client, world)
    assert response.data.startswith(b"\xef\xbb\xbf")
    assert 'filename="officina-2B-2026-27.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + 2 * 5
    by_key = {(r[3], r[4]): dict(zip(COLUMNS, r)) for r in rows[1:]}
    blink = by_key[("studente.uno", "lab:blink")]
    assert (blink["status"], blink["overridden"], blink["attempts"], blink["best_score"], blink["max_score"]) == \
        ("passed", "yes", "1", "0", "1")
    assert blink["class"] == "2B" and blink["school_year"] == "2026/27" and blink["kind"] == "lab"
    assert blink["passed_at"] and blink["due_at"] == ""
    late = by_key[("studente.uno", "lab:traffic-light")]
    assert late["status"] == "late" and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", late["due_at"])
    quiz = by_key[("studente.uno", "quiz:led-uscite-digitali/verifica-led")]
    assert quiz["status"] == "passed" and quiz["overridden"] == "no" and quiz["best_score"] == quiz["max_score"]
    assert by_key[("studente.uno", "project:design-thinking/prototipo-e-test")]["status"] == "needs_review"


def test_export_defuses_formulas(teacher_client, world, busy_class):
    """Does a display name that looks like a formula reach Excel as text (a leading apostrophe)?"""
    text = _export(teacher_client, world).data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    names = {r[2] for r in rows[1:]}
    assert "'=HYPERLINK(\"http://x\")" in names and not any(n.startswith("=") for n in names)
    assert [defuse(v) for v in ("+1", "-2", "@a", "\tb", "ok", None, 3)] == ["'+1", "'-2", "'@a", "'\tb", "ok", "", "3"]


def test_export_leaves_out_work_for_other_students(teacher_client, world, busy_class):
    """Is an activity given to some students exported only for them?"""
    create_assignment(world.classroom, get_catalog(), module_slug="servomotori", activity_slug="lab-servo",
                      starts_at=None, due_at=None, student_ids=[busy_class["tre"].id])
    db.session.commit()
    rows = list(csv.reader(io.StringIO(_export(teacher_client, world).data.decode("utf-8-sig")), delimiter=";"))
    servo = [r for r in rows if r[4] == "lab:servo-sweep"]
    assert [r[3] for r in servo] == ["studente.tre"]
