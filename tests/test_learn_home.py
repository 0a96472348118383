"""The student's home and own attempts: work to do (overdue and due soon flagged, status in text),
work done, teachers' feedback newest first with a "new" mark until the attempt is opened; a
student cannot open someone else's attempt; the catalogue follows the class's school level."""

from __future__ import annotations

import re
from datetime import timedelta

from app.catalog.services import get_catalog, student_levels
from app.extensions import db
from app.models import ClassRole, Comment, Role, SchoolLevel
from app.models.base import utcnow
from tests.factories import WORLD_PROJECT, WORLD_PROJECT_MODULE, enrol, gen_classroom, gen_lab_attempt, gen_user


def _client(app, login, user):
    client = app.test_client()
    login(client, user)
    return client


def _section(html: str, section_id: str) -> str:
    """The HTML of one <section> of the page, found by its heading's id."""
    start = html.index(f'id="{section_id}"')
    return html[start:html.index("</section>", start)]


def _item(html: str, key: str) -> str:
    match = re.search(rf'<li data-key="{re.escape(key)}" class="([^"]*)"', html)
    assert match, f"no item {key}"
    return match.group(1)


def test_home_sorts_work_into_overdue_due_soon_and_done(app, world, login):
    """Does the home list overdue and due-soon work under "to do" (flagged, with a status text), and passed work under "done"?"""
    now = utcnow()
    world.assignment.starts_at, world.assignment.due_at = now - timedelta(days=10), now - timedelta(days=1)
    world.project_assignment.due_at = now + timedelta(days=2)
    gen_lab_attempt(world.student, world.assignment, "home-passed-blink", passed=True)
    db.session.commit()
    html = _client(app, login, world.student).get("/learn/").get_data(as_text=True)
    to_do, done = _section(html, "todo-title"), _section(html, "done-title")
    quiz_key = f"quiz:{world.assignment.module_slug}/{world.quiz_slug}"
    assert "overdue" in _item(to_do, quiz_key).split() and "status-late" in _item(to_do, quiz_key)
    project_key = f"project:{WORLD_PROJECT_MODULE}/{WORLD_PROJECT}"
    assert "due-soon" in _item(to_do, project_key).split()
    assert "status-passed" in _item(done, "lab:blink") and 'data-key="lab:blink"' not in to_do
    assert f"/learn/quizzes/{world.assignment.module_slug}/{world.quiz_slug}" in to_do
    assert f"/learn/projects/{WORLD_PROJECT_MODULE}/{WORLD_PROJECT}" in to_do
    assert 'class="status-icon" aria-hidden="true"' in to_do  # an icon beside the text, not colour alone


def test_a_test_does_not_reveal_a_pass_on_the_home_before_the_due_date(app, world, login):
    """In test mode, does a passed attempt show as "handed in" under "to do" (no pass, no status class) until the due date?"""
    now = utcnow()
    world.assignment.test_mode, world.assignment.due_at = True, now + timedelta(days=5)
    gen_lab_attempt(world.student, world.assignment, "home-test-passed", passed=True)
    db.session.commit()
    client = _client(app, login, world.student)
    html = client.get("/learn/").get_data(as_text=True)
    assert "status-recorded" in _item(_section(html, "todo-title"), "lab:blink")
    assert "status-passed" not in html and 'data-key="lab:blink"' not in _section(html, "done-title")
    world.assignment.starts_at, world.assignment.due_at = now - timedelta(days=2), now - timedelta(minutes=1)
    db.session.commit()
    html = client.get("/learn/").get_data(as_text=True)
    assert "status-passed" in _item(_section(html, "done-title"), "lab:blink")


def test_feedback_is_newest_first_and_new_until_the_attempt_is_opened(app, world, login):
    """Are teachers' comments listed newest first with a "new" mark that goes once the student opens the attempt?"""
    db.session.add(Comment(attempt=world.attempt, author_id=world.teacher.id, body="Secondo commento, più recente.",
                           created_at=utcnow() + timedelta(minutes=1)))
    db.session.commit()
    client = _client(app, login, world.student)
    feedback = _section(client.get("/learn/").get_data(as_text=True), "feedback-title")
    assert feedback.index("Secondo commento") < feedback.index("Controlla il tempo di attesa.")
    assert feedback.count('<span class="tag">') == 3  # the heading's count and one mark per comment
    detail = client.get(f"/learn/attempts/{world.attempt.id}")
    assert detail.status_code == 200 and "Controlla il tempo di attesa." in detail.get_data(as_text=True)
    db.session.expire_all()
    assert all(comment.seen_at is not None for comment in world.attempt.comments)
    feedback = _section(client.get("/learn/").get_data(as_text=True), "feedback-title")
    assert '<span class="tag">' not in feedback


def test_attempt_page_shows_checks_measured_values_and_code(app, world, login):
    """Does the student's attempt page show each check with its measured value and the program sent?"""
    html = _client(app, login, world.student).get(f"/learn/attempts/{world.attempt.id}").get_data(as_text=True)
    text = re.sub(r"<[^>]+>", "", html)  # the code is highlighted: one span per token
    assert "Il LED lampeggia" in text and "0 cambi" in text and "led = Pin(25, Pin.OUT)" in text


def test_a_student_cannot_open_another_students_attempt(app, world, login):
    """Is a student refused another student's attempt (403), a missing one 404, and a teacher sent away (403)?"""
    client = _client(app, login, world.student)
    assert client.get(f"/learn/attempts/{world.other_attempt.id}").status_code == 403
    assert client.get("/learn/attempts/999999").status_code == 404
    assert _client(app, login, world.teacher).get(f"/learn/attempts/{world.attempt.id}").status_code == 403
    db.session.expire_all()
    assert all(comment.seen_at is None for comment in world.attempt.comments)  # a refused look marks nothing


def test_a_primary_school_student_sees_no_upper_secondary_module(app, world, login):
    """Does a primary-school pupil's catalogue hold only modules for primary school, while a teacher sees them all?"""
    catalog = get_catalog()
    room = gen_classroom(world.school, SchoolLevel.PRIMARIA, 4, "A")
    pupil = gen_user("alunno.primaria", Role.STUDENT, world.school)
    enrol(pupil, room, ClassRole.STUDENT)
    db.session.commit()
    assert student_levels(pupil) == ("primaria",)
    upper_only = [m for m in catalog.modules.values() if not m.suits("primaria")]
    primary = [m for m in catalog.modules.values() if m.suits("primaria")]
    assert upper_only and primary
    for query in ("", "?level=secondaria-2"):
        html = _client(app, login, pupil).get(f"/catalog/{query}").get_data(as_text=True)
        assert all(f'/catalog/modules/{m.slug}"' not in html for m in upper_only)
    html = _client(app, login, pupil).get("/catalog/").get_data(as_text=True)
    assert all(f'/catalog/modules/{m.slug}"' in html for m in primary)
    assert 'value="secondaria-2"' not in html  # the level filter offers only the class's levels
    teacher = _client(app, login, world.teacher).get("/catalog/").get_data(as_text=True)
    assert all(f'/catalog/modules/{m.slug}"' in teacher for m in catalog.modules.values())
