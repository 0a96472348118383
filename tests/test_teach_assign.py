"""Assigning work from the teaching area: the form (module choices by school level, activities,
some students, dates in the school's time, test mode), its messages on bad input, withdrawing an
assignment, the class page's list, and another class's teacher refused on every route.
Real app, real SQLite, real forms."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.catalog.services import get_catalog
from app.extensions import db
from app.models import Assignment, Attempt, ClassRole, Role
from app.work.class_catalog import modules_for_class
from tests.factories import csrf_token, enrol, gen_user

NEW = "/teach/classes/{id}/assignments/new"


@pytest.fixture
def teacher_client(app, world, login):
    world.teacher.preferred_language = "en"
    db.session.commit()
    client = app.test_client()
    login(client, world.teacher)
    return client


def _assign(client, room_id: int, **fields):
    path = NEW.format(id=room_id)
    data = {"module": "pulsanti-ingressi-digitali", "activity": "", "audience": "class",
            "starts_at": "2026-11-30T08:00", "due_at": "2026-12-04T23:59", **fields}
    return client.post(path, data={"csrf_token": csrf_token(client, path), **data})


def _newest() -> Assignment:
    return db.session.scalar(select(Assignment).order_by(Assignment.id.desc()))


def test_form_lists_the_class_level_modules_first(teacher_client, world):
    """Does the module list put the modules for a lower-secondary class before the others?"""
    html = teacher_client.get(NEW.format(id=world.classroom.id)).get_data(as_text=True)
    suits_at, others_at = html.index('<optgroup label="For this class">'), html.index('<optgroup label="Other modules">')
    assert suits_at < html.index('value="servomotori"') < others_at  # secondaria-1 and 2
    assert html.index('value="robot-segui-linea"') > others_at  # upper secondary only
    assert 'value="pensiero-computazionale-unplugged"' in html[others_at:]  # primary only
    assert 'type="datetime-local"' in html and 'value="pulsanti-ingressi-digitali/lab-semaforo"' in html
    suiting, others = modules_for_class(world.classroom, get_catalog())
    assert all(m.suits("secondaria-1") for m in suiting) and not any(m.suits("secondaria-1") for m in others)


def test_a_module_link_preselects_it(teacher_client, world):
    """Does ?module=<slug> (a link from the catalogue) open the form with that module chosen?"""
    html = teacher_client.get(NEW.format(id=world.classroom.id) + "?module=servomotori").get_data(as_text=True)
    assert re.search(r'<option selected value="servomotori">|<option value="servomotori" selected>', html)


def test_teacher_assigns_a_module_to_the_class(teacher_client, world):
    """Is a whole module assigned to the class with its dates read in Italian time?"""
    response = _assign(teacher_client, world.classroom.id)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/teach/classes/{world.classroom.id}#assignments")
    made = _newest()
    assert (made.module_slug, made.activity_slug, made.students, made.test_mode) == ("pulsanti-ingressi-digitali", None, [], False)
    assert made.starts_at == datetime(2026, 11, 30, 7, 0, tzinfo=timezone.utc)  # 08:00 in Rome is 07:00 UTC
    assert made.due_at == datetime(2026, 12, 4, 22, 59, tzinfo=timezone.utc)
    page = teacher_client.get(f"/teach/classes/{world.classroom.id}").get_data(as_text=True)
    assert "Pulsanti e ingressi digitali" in page or "Buttons and digital inputs" in page
    assert f"/teach/classes/{world.classroom.id}/progress" in page and "whole class" in page


def test_one_activity_for_some_students_in_test_mode(teacher_client, world):
    """Is one lab assigned to a chosen student only, in test mode with a cap on attempts?"""
    other = gen_user("studente.tre", Role.STUDENT, world.school)
    enrol(other, world.classroom, ClassRole.STUDENT)
    db.session.commit()
    response = _assign(teacher_client, world.classroom.id, activity="pulsanti-ingressi-digitali/lab-semaforo",
                       audience="some", student_ids=[str(other.id)], test_mode="y", max_attempts="3")
    assert response.status_code == 302
    made = _newest()
    assert made.activity_slug == "lab-semaforo" and [s.id for s in made.students] == [other.id]
    assert made.test_mode and made.max_attempts == 3
    assert made.is_for(other) and not made.is_for(world.student)
    page = teacher_client.get(f"/teach/classes/{world.classroom.id}").get_data(as_text=True)
    assert "Studente.Tre" in page and "3 attempts" in page


@pytest.mark.parametrize("fields, message", [
    ({"module": ""}, "Choose a module."),
    ({"module": "no-such-module"}, "Choose a module from the list."),
    ({"activity": "led-uscite-digitali/lab-blink"}, "Choose an activity of the chosen module"),
    ({"activity": "pulsanti-ingressi-digitali/no-such"}, "Choose an activity of the chosen module"),
    ({"due_at": "2026-11-29T08:00"}, "The due date must come after the start."),
    ({"starts_at": "yesterday"}, "Start"),
    ({"max_attempts": "3"}, "A limit on attempts needs test mode."),
    ({"test_mode": "y", "max_attempts": "0"}, "Allow from 1 to 50 attempts."),
    ({"audience": "some"}, "Tick at least one student"),
])
def test_bad_input_is_shown_on_the_form(teacher_client, world, fields, message):
    """Does bad input re-render the form (400) with a message, and assign nothing?"""
    before = db.session.scalar(select(db.func.count(Assignment.id)))
    response = _assign(teacher_client, world.classroom.id, **fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'class="error-summary"' in html and message in html
    assert db.session.scalar(select(db.func.count(Assignment.id))) == before


def test_another_class_student_cannot_be_slipped_in(teacher_client, world):
    """Is a student of another class refused in the list of chosen students?"""
    response = _assign(teacher_client, world.classroom.id, audience="some", student_ids=[str(world.other_student.id)])
    assert response.status_code == 400 and "is not a valid choice" in response.get_data(as_text=True)


def test_withdrawing_keeps_the_attempts(teacher_client, world):
    """Does withdrawing an assignment remove it from the class page and keep the attempts?"""
    assignment_id, attempt_id = world.assignment.id, world.attempt.id
    page = f"/teach/classes/{world.classroom.id}"
    response = teacher_client.post(f"/teach/assignments/{assignment_id}/delete",
                                   data={"csrf_token": csrf_token(teacher_client, page)})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Assignment, assignment_id) is None
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt is not None and attempt.assignment is None


def test_withdrawing_needs_the_csrf_token(teacher_client, world):
    """Is a withdrawal without a CSRF token refused?"""
    assert teacher_client.post(f"/teach/assignments/{world.assignment.id}/delete").status_code == 400
    assert db.session.get(Assignment, world.assignment.id) is not None


def test_archived_class_cannot_get_new_work(teacher_client, world):
    """Is an archived class refused new work, while its grid and export stay readable?"""
    world.classroom.archived = True
    db.session.commit()
    room = world.classroom.id
    assert teacher_client.get(NEW.format(id=room)).status_code == 403
    assert _assign(teacher_client, room).status_code == 403
    assert teacher_client.get(f"/teach/classes/{room}/progress").status_code == 200
    assert teacher_client.get(f"/teach/classes/{room}/export.csv").status_code == 200
    html = teacher_client.get(f"/teach/classes/{room}").get_data(as_text=True)
    assert "/assignments/new" not in html and "/delete" not in html


def test_another_class_teacher_is_refused_everywhere(app, world, login):
    """Does a teacher of another class get 403 on every new route, with guessed ids?"""
    client = app.test_client()
    login(client, world.other_teacher)
    room, assignment = world.classroom.id, world.assignment.id
    token = csrf_token(client, "/teach/")
    assert client.get(NEW.format(id=room)).status_code == 403
    assert client.post(NEW.format(id=room), data={"csrf_token": token, "module": "servomotori",
                                                  "starts_at": "2026-11-30T08:00"}).status_code == 403
    assert client.post(f"/teach/assignments/{assignment}/delete", data={"csrf_token": token}).status_code == 403
    assert client.get(f"/teach/classes/{room}/progress").status_code == 403
    assert client.get(f"/teach/classes/{room}/export.csv").status_code == 403
    assert db.session.get(Assignment, assignment) is not None
    assert client.get("/teach/classes/999999/progress").status_code == 404
    assert client.post("/teach/assignments/999999/delete", data={"csrf_token": token}).status_code == 404


def test_default_start_is_now_in_school_time(teacher_client, world):
    """Does the empty form propose now (Italian time, to the minute) as the start?"""
    html = teacher_client.get(NEW.format(id=world.classroom.id)).get_data(as_text=True)
    shown = re.search(r'id="starts_at"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="starts_at"', html)
    value = shown.group(1) or shown.group(2)
    from zoneinfo import ZoneInfo
    proposed = datetime.strptime(value, "%Y-%m-%dT%H:%M").replace(tzinfo=ZoneInfo("Europe/Rome"))
    assert abs(proposed - datetime.now(timezone.utc)) < timedelta(minutes=2)
