"""The student's quiz page: answer controls, grading at once with per-option feedback, one attempt
per idempotency key, test mode hiding the results until the due date, the attempt cap, and who
may open it. Real app, real SQLite, the shipped quiz of the world's module."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from app.catalog.services import get_catalog
from app.content import Quiz
from app.extensions import db
from app.models import Assignment, Attempt, AttemptStatus
from app.models.base import utcnow
from tests.factories import WORLD_MODULE, csrf_token

KEY_PATTERN = re.compile(r'name="idempotency_key" value="([^"]+)"')


@pytest.fixture
def quiz() -> Quiz:
    activity = get_catalog().modules[WORLD_MODULE].activity("verifica-led")
    assert isinstance(activity, Quiz)
    return activity


def _url(world) -> str:
    return f"/learn/quizzes/{WORLD_MODULE}/{world.quiz_slug}"


def _student(app, login, user):
    client = app.test_client()
    login(client, user)
    return client


def _answers(quiz: Quiz, right: bool) -> dict[str, list[str]]:
    """Form fields answering every question right (or every one wrong)."""
    form: dict[str, list[str]] = {}
    for question in quiz.questions:
        if question.type == "numeric":
            form[f"q-{question.id}"] = [str(question.answer if right else (question.answer or 0) + 1000)]
            continue
        good = [str(i) for i, option in enumerate(question.options) if option.correct]
        bad = [str(i) for i, option in enumerate(question.options) if not option.correct]
        form[f"q-{question.id}"] = (good if question.type == "multiple" else good[:1]) if right else bad[:1]
    return form


def _post(client, world, quiz, right: bool, key: str | None = None):
    html = client.get(_url(world)).get_data(as_text=True)
    data = {**_answers(quiz, right), "csrf_token": csrf_token(client, _url(world)),
            "idempotency_key": key or KEY_PATTERN.search(html).group(1)}
    return client.post(_url(world), data=data)


def _attempt_count(world) -> int:
    return db.session.scalar(select(func.count(Attempt.id)).where(
        Attempt.user_id == world.student.id, Attempt.activity_key == f"quiz:{WORLD_MODULE}/{world.quiz_slug}"))


def test_quiz_page_has_labelled_answer_controls(app, world, login, quiz):
    """Does the quiz page give each question a fieldset with a legend and real radio/checkbox/label controls,
    and a new idempotency key at every render?"""
    client = _student(app, login, world.student)
    first = client.get(_url(world))
    assert first.status_code == 200
    html = first.get_data(as_text=True)
    assert html.count("<fieldset") == len(quiz.questions) == html.count("<legend")
    for question in quiz.questions:
        kind = {"single": 'type="radio"', "multiple": 'type="checkbox"', "numeric": 'inputmode="decimal"'}[question.type]
        assert f'{kind} id="q-{question.id}' in html
        assert f'<label for="q-{question.id}' in html
    second = client.get(_url(world)).get_data(as_text=True)
    assert KEY_PATTERN.search(html).group(1) != KEY_PATTERN.search(second).group(1)


def test_answers_are_graded_at_once_with_the_chosen_options_feedback(app, world, login, quiz):
    """Does sending wrong answers record a failed attempt and show the feedback of exactly the options chosen?"""
    client = _student(app, login, world.student)
    response = _post(client, world, quiz, right=False)
    assert response.status_code == 302 and "attempt=" in response.headers["Location"]
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    first = quiz.questions[0]
    chosen = next(o for o in first.options if not o.correct)
    right = next(o for o in first.options if o.correct)
    assert str(escape(chosen.feedback.it)) in html
    assert str(escape(right.feedback.it)) not in html  # the right option's feedback is not given away
    attempt = db.session.scalar(select(Attempt).where(Attempt.user_id == world.student.id, Attempt.kind == "quiz"))
    assert attempt.status is AttemptStatus.FAILED and attempt.score == 0 and attempt.max_score == len(quiz.questions)
    assert attempt.assignment_id == world.assignment.id


def test_right_answers_pass(app, world, login, quiz):
    """Do all-right answers record a passed attempt that the history lists?"""
    client = _student(app, login, world.student)
    location = _post(client, world, quiz, right=True).headers["Location"]
    attempt = db.session.scalar(select(Attempt).where(Attempt.user_id == world.student.id, Attempt.kind == "quiz"))
    assert attempt.status is AttemptStatus.PASSED and attempt.score == len(quiz.questions)
    html = client.get(location).get_data(as_text=True)
    assert f"/learn/attempts/{attempt.id}" in html and 'class="quiz-result' in html


def test_a_double_submit_with_the_same_key_records_one_attempt(app, world, login, quiz):
    """Do two posts carrying the same idempotency key (a double click, a retried request) record one attempt?"""
    client = _student(app, login, world.student)
    first = _post(client, world, quiz, right=True, key="double-click-key-0001")
    second = _post(client, world, quiz, right=False, key="double-click-key-0001")
    assert first.headers["Location"] == second.headers["Location"]
    assert _attempt_count(world) == 1


def test_an_empty_form_records_nothing(app, world, login, quiz):
    """Is a form with no answer refused with a message (400) and nothing recorded?"""
    client = _student(app, login, world.student)
    token = csrf_token(client, _url(world))
    response = client.post(_url(world), data={"csrf_token": token, "idempotency_key": "empty-form-key-01"})
    assert response.status_code == 400 and 'class="error-summary"' in response.get_data(as_text=True)
    assert _attempt_count(world) == 0


def test_test_mode_hides_score_and_feedback_until_the_due_date(app, world, login, quiz):
    """In test mode, does the student see only "recorded" (no score, no feedback) until the due date, and all after?"""
    world.assignment.test_mode = True
    world.assignment.starts_at = utcnow() - timedelta(days=2)
    world.assignment.due_at = utcnow() + timedelta(days=1)
    db.session.commit()
    client = _student(app, login, world.student)
    location = _post(client, world, quiz, right=False).headers["Location"]
    feedback = str(escape(next(o for o in quiz.questions[0].options if not o.correct).feedback.it))
    html = client.get(location).get_data(as_text=True)
    assert 'class="recorded"' in html and feedback not in html and 'class="quiz-result' not in html
    assert "result-fail" not in html and 'class="score"' not in html  # no verdict, no score in the history
    attempt = db.session.scalar(select(Attempt).where(Attempt.user_id == world.student.id, Attempt.kind == "quiz"))
    detail = client.get(f"/learn/attempts/{attempt.id}").get_data(as_text=True)
    assert 'class="recorded"' in detail and feedback not in detail
    world.assignment.due_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    after = client.get(location).get_data(as_text=True)
    assert feedback in after and 'class="score"' in after
    assert feedback in client.get(f"/learn/attempts/{attempt.id}").get_data(as_text=True)


def test_the_attempt_cap_is_respected(app, world, login, quiz):
    """With a test capped at one attempt, is a second submission refused (409), nothing recorded, and the form gone?"""
    db.session.add(Assignment(classroom=world.classroom, module_slug=WORLD_MODULE, activity_slug=world.quiz_slug,
                              test_mode=True, max_attempts=1, due_at=utcnow() + timedelta(days=1),
                              starts_at=utcnow() - timedelta(hours=1)))
    db.session.commit()
    client = _student(app, login, world.student)
    assert _post(client, world, quiz, right=False).status_code == 302
    page = client.get(_url(world)).get_data(as_text=True)
    assert 'name="idempotency_key"' not in page
    response = client.post(_url(world), data={**_answers(quiz, True), "csrf_token": csrf_token(client, "/learn/"),
                                              "idempotency_key": "second-try-key-0001"})
    assert response.status_code == 409
    assert _attempt_count(world) == 1


def test_only_students_answer_and_only_catalog_quizzes(app, world, login):
    """Is a teacher refused the quiz page (403), and an unknown quiz or a non-quiz activity a 404?"""
    teacher = _student(app, login, world.teacher)
    assert teacher.get(_url(world)).status_code == 403
    client = _student(app, login, world.student)
    assert client.get(f"/learn/quizzes/{WORLD_MODULE}/non-esiste").status_code == 404
    assert client.get(f"/learn/quizzes/non-esiste/{world.quiz_slug}").status_code == 404
    lab_activity = next(a for a in get_catalog().modules[WORLD_MODULE].activities if a.kind == "lab")
    assert client.get(f"/learn/quizzes/{WORLD_MODULE}/{lab_activity.slug}").status_code == 404


def test_module_page_links_students_to_the_quiz_and_keeps_answers_for_teachers(app, world, login):
    """Does a student's module page link the quiz page (no answers), while a teacher's still shows the answers?"""
    student = _student(app, login, world.student).get(f"/catalog/modules/{WORLD_MODULE}").get_data(as_text=True)
    teacher = _student(app, login, world.teacher).get(f"/catalog/modules/{WORLD_MODULE}").get_data(as_text=True)
    assert _url(world) in student and 'class="correct"' not in student
    assert _url(world) not in teacher and 'class="correct"' in teacher
