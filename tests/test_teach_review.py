"""Attempt review by teachers: the page (code, checks, pictures, trace, history with diffs, quiz
answers), comments, overrides kept in the record, rubric scoring of projects, and refusals for
anyone who does not teach the student."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.catalog.services import get_catalog
from app.extensions import db
from app.models import Attempt, AttemptOverride, AttemptStatus, Comment, Evidence, Upload
from app.sim import grade
from app.work.attempts import lab_result_record
from app.work.keys import project_key, quiz_key
from app.work.quizzes import grade_quiz
from tests.factories import WORLD_MODULE, WORLD_PROJECT, WORLD_PROJECT_MODULE, csrf_token, gen_lab_attempt


def review_url(attempt) -> str:
    return f"/teach/attempts/{attempt.id}"


def teacher_client(app, login, user):
    """A signed-in client whose pages are in English (the assertions read the page's words)."""
    user.preferred_language = "en"
    db.session.commit()
    client = app.test_client()
    assert login(client, user).status_code == 302
    return client


def post_form(client, attempt, action: str, data: dict):
    token = csrf_token(client, review_url(attempt))
    return client.post(f"{review_url(attempt)}/{action}", data={**data, "csrf_token": token})


def test_review_shows_code_checks_and_marked_line(app, world, login):
    """Does the teacher see the student, numbered highlighted code with the failing check's line
    marked in words, and each check's measured value?"""
    html = teacher_client(app, login, world.teacher).get(review_url(world.attempt)).get_data(as_text=True)
    assert world.student.display_name in html
    assert re.search(r'<tr class="line-marked" id="line-4">\s*<th scope="row" class="line-number">4</th>', html)
    assert "failing check: The LED blinks" in html
    assert '<span class="n">led</span>' in html  # Pygments highlighting
    assert "0 changes" in html
    assert html.count('class="line-marked"') == 1


def test_review_redraws_pictures_and_trace_from_a_real_run(app, world, login):
    """Does a really graded run show its pictures (SVG data images) and its events table again?"""
    lab = get_catalog().labs["blink"]
    code = (lab.folder / "solution.py").read_text(encoding="utf-8")
    wire = grade(code, lab.folder, board="pico", lang="it").to_wire()
    attempt = Attempt(user=world.student, activity_key="lab:blink", kind="lab", board="pico", code=code,
                      idempotency_key="real-run-0001", status=AttemptStatus.PASSED, result=lab_result_record(wire))
    db.session.add(attempt)
    db.session.commit()
    html = teacher_client(app, login, world.teacher).get(review_url(attempt)).get_data(as_text=True)
    assert html.count('src="data:image/svg+xml;base64,') >= 2
    events = len(wire["run"]["events"])
    assert events > 0
    assert html.count("<tr><td>") >= min(events, 200)
    assert 'class="line-marked"' not in html


def test_history_shows_diff_between_consecutive_attempts(app, world, login):
    """Does the history list every attempt and show the changed lines with + and − signs in text?"""
    newer = gen_lab_attempt(world.student, world.assignment, "world-attempt-3", passed=True)
    newer.code = world.attempt.code.replace("led.on()", "led.toggle()\ntime.sleep(0.5)")
    db.session.commit()
    html = teacher_client(app, login, world.teacher).get(review_url(newer)).get_data(as_text=True)
    assert f'href="/teach/attempts/{world.attempt.id}"' in html
    assert "2 lines added, 1 removed" in html
    rows = re.findall(r'<tr class="diff-(add|del)">.*?<code>(.*?)</code>', html, re.S)
    assert ("del", "led.on()") in rows and ("add", "led.toggle()") in rows
    assert '<span class="visually-hidden">added</span>' in html


def test_comment_is_recorded_unseen(app, world, login):
    """Does a comment reach the record with no seen date, so the student gets a new-feedback mark?"""
    client = teacher_client(app, login, world.teacher)
    response = post_form(client, world.attempt, "comments", {"body": "Prova ad aggiungere una pausa."})
    assert response.status_code == 302
    comment = db.session.scalar(select(Comment).where(Comment.body == "Prova ad aggiungere una pausa."))
    assert comment.attempt_id == world.attempt.id and comment.author_id == world.teacher.id
    assert comment.seen_at is None
    assert post_form(client, world.attempt, "comments", {"body": "  "}).status_code == 400


def test_override_history_is_kept(app, world, login):
    """Is every override kept with its reason, the latest one counting, and a missing reason refused?"""
    client = teacher_client(app, login, world.teacher)
    assert post_form(client, world.attempt, "override", {"passed": "yes"}).status_code == 400
    assert post_form(client, world.attempt, "override", {"passed": "yes", "reason": "Verificato sulla scheda vera"}).status_code == 302
    assert post_form(client, world.attempt, "override", {"passed": "no", "reason": "Errore mio"}).status_code == 302
    db.session.expire_all()
    changes = db.session.scalars(select(AttemptOverride).where(AttemptOverride.attempt_id == world.attempt.id)
                                 .order_by(AttemptOverride.id)).all()
    assert [(c.passed, c.reason) for c in changes] == [(True, "Verificato sulla scheda vera"), (False, "Errore mio")]
    attempt = db.session.get(Attempt, world.attempt.id)
    assert attempt.override_passed is False and not attempt.passed
    html = client.get(review_url(attempt)).get_data(as_text=True)
    assert "Verificato sulla scheda vera" in html and "Errore mio" in html


def test_override_updates_the_skills_record(app, world, login):
    """Does an override to passed record the attempt's skill evidence, and one back to not passed remove it?"""
    client = teacher_client(app, login, world.teacher)
    evidence = select(Evidence).where(Evidence.attempt_id == world.attempt.id)
    assert db.session.scalars(evidence).all() == []
    post_form(client, world.attempt, "override", {"passed": "yes", "reason": "Provato in classe"})
    db.session.expire_all()
    assert db.session.scalars(evidence).all()
    post_form(client, world.attempt, "override", {"passed": "no", "reason": "Ripensamento"})
    db.session.expire_all()
    assert db.session.scalars(evidence).all() == []


def test_quiz_attempt_shows_answers_and_verdicts(app, world, login):
    """Does a quiz attempt show each answer chosen and whether it was right?"""
    quiz = get_catalog().modules[WORLD_MODULE].activity(world.quiz_slug)
    answers = {quiz.questions[0].id: "0", quiz.questions[1].id: "1"}
    graded = grade_quiz(quiz, answers)
    attempt = Attempt(user=world.student, activity_key=quiz_key(WORLD_MODULE, quiz.slug), kind="quiz",
                      answers=graded.answers, result=graded.record, score=graded.right, max_score=graded.total,
                      idempotency_key="quiz-attempt-01", status=AttemptStatus.FAILED)
    db.session.add(attempt)
    db.session.commit()
    html = teacher_client(app, login, world.teacher).get(review_url(attempt)).get_data(as_text=True)
    assert "On (3.3 V) or off (0 V)" in html and "The shorter leg" in html
    assert html.count('class="check-pass"') == 1
    assert html.count('class="check-fail"') == len(quiz.questions) - 1


def _project_attempt(world) -> Attempt:
    attempt = Attempt(user=world.student, activity_key=project_key(WORLD_PROJECT_MODULE, WORLD_PROJECT), kind="project",
                      idempotency_key="project-att-01", status=AttemptStatus.NEEDS_REVIEW, result={"files": 1})
    db.session.add(attempt)
    db.session.add(Upload(attempt=attempt, user_id=world.student.id, activity_key=attempt.activity_key,
                          original_name="poster.pdf", file_type="pdf", size=2048, storage_name="a" * 32 + ".pdf"))
    db.session.commit()
    return attempt


def test_project_scoring_stores_levels_and_passes(app, world, login):
    """Does scoring a project store a level per criterion, mark it reviewed and pass it only when
    no criterion is at the lowest level?"""
    attempt = _project_attempt(world)
    client = teacher_client(app, login, world.teacher)
    html = client.get(review_url(attempt)).get_data(as_text=True)
    assert "poster.pdf" in html and "Design process" in html
    criteria = len(get_catalog().modules[WORLD_PROJECT_MODULE].activity(WORLD_PROJECT).rubric.criteria)
    assert post_form(client, attempt, "score", {"criterion_0": "2"}).status_code == 400  # every criterion needed
    levels = {f"criterion_{i}": "2" for i in range(criteria)} | {"criterion_1": "0"}
    assert post_form(client, attempt, "score", {**levels, "feedback": "Manca la prova di sicurezza."}).status_code == 302
    db.session.expire_all()
    scored = db.session.get(Attempt, attempt.id)
    assert scored.status is AttemptStatus.REVIEWED
    assert scored.rubric_levels == {str(i): (0 if i == 1 else 2) for i in range(criteria)}
    assert scored.result["passed"] is False and not scored.passed
    assert [c.body for c in scored.comments] == ["Manca la prova di sicurezza."]
    levels["criterion_1"] = "1"
    assert post_form(client, attempt, "score", levels).status_code == 302
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).passed


def test_score_refused_for_a_lab_attempt(app, world, login):
    """Is the rubric form refused for an attempt that is not a project?"""
    client = teacher_client(app, login, world.teacher)
    assert post_form(client, world.attempt, "score", {"criterion_0": "1"}).status_code == 400


@pytest.mark.parametrize("who", ["other_teacher", "student", "other_student", "staff"])
def test_outsiders_refused_every_review_route(app, world, login, who):
    """Are another class's teacher, students (even the attempt's owner) and staff refused the review
    page and every review action, by guessed ids?"""
    client = app.test_client()
    assert login(client, getattr(world, who)).status_code == 302
    for attempt in (world.attempt, world.other_attempt) if who != "other_teacher" else (world.attempt,):
        assert client.get(review_url(attempt)).status_code == 403
        for action in ("comments", "override", "score"):
            assert client.post(f"{review_url(attempt)}/{action}", data={"body": "x"}).status_code in (400, 403)
    app.config["WTF_CSRF_ENABLED"] = False  # so a refusal cannot hide behind a missing token
    for action, data in (("comments", {"body": "spam"}), ("override", {"passed": "yes", "reason": "x"}),
                         ("score", {"criterion_0": "3"})):
        assert client.post(f"{review_url(world.attempt)}/{action}", data=data).status_code == 403
    assert db.session.scalar(select(Comment).where(Comment.body == "spam")) is None


def test_archived_class_is_read_only(app, world, login):
    """Can a teacher still read an attempt of an archived class but no longer change it?"""
    world.classroom.archived = True
    db.session.commit()
    client = teacher_client(app, login, world.teacher)
    html = client.get(review_url(world.attempt)).get_data(as_text=True)
    assert 'action="/teach/attempts/%d/comments"' % world.attempt.id not in html
    app.config["WTF_CSRF_ENABLED"] = False
    assert client.post(f"{review_url(world.attempt)}/comments", data={"body": "tardi"}).status_code == 403
