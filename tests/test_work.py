"""Class work services: idempotent attempts graded by the real simulator, test-mode caps, quiz
grading with feedback, and the progress rule (tests on SQLite; CI repeats them on PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.catalog.services import get_catalog
from app.extensions import db
from app.models import Assignment, Attempt, AttemptOverride, AttemptStatus, ClassRole, Draft
from app.models.base import utcnow
from app.runs import RunInFlight, run_fairly
from app.sim import grade
from app.work import progress
from app.work.assignments import create_assignment, student_assignments
from app.work.attempts import attempts_for, submit_lab, submit_quiz
from app.work.errors import AssignmentInvalid, AttemptsExhausted, SubmissionInvalid
from app.work.keys import lab_key, quiz_key
from app.work.quizzes import grade_quiz
from tests.factories import enrol, gen_user


def _count(user_id: int) -> int:
    return db.session.scalar(select(func.count(Attempt.id)).where(Attempt.user_id == user_id))


def _quiz(world):
    module = get_catalog().modules[world.assignment.module_slug]
    return module, module.activity(world.quiz_slug)


def _right_answers(quiz) -> dict[str, object]:
    answers = {}
    for question in quiz.questions:
        right = [str(i) for i, option in enumerate(question.options) if option.correct]
        answers[question.id] = str(question.answer) if question.type == "numeric" else right
    return answers


def _lab_grader(lab, code, board="pico"):
    return lambda: grade(code, lab.folder, board=board, lang="it").to_wire()


def test_lab_submission_graded_by_the_simulator_and_idempotent(app, world):
    """Is a lab submission graded by the real interpreter, and does the same key give one attempt?"""
    catalog = get_catalog()
    lab = catalog.labs["blink"]
    user_id = world.student.id
    before = _count(user_id)
    grader = _lab_grader(lab, lab.solution)
    first = submit_lab(world.student, lab, lab.solution, "pico", "key-blink-0001", catalog,
                       lambda: run_fairly(user_id, grader))
    assert first.status is AttemptStatus.PASSED and first.score == first.max_score > 0
    assert first.assignment_id == world.assignment.id  # blink is part of the class's assigned module
    again = submit_lab(world.student, lab, lab.solution, "pico", "key-blink-0001", catalog,
                       lambda: pytest.fail("a repeated key must not run the program again"))
    assert again.id == first.id and _count(user_id) == before + 1
    wrong_code = next(iter(lab.wrong.values()))
    wrong = submit_lab(world.student, lab, wrong_code, "pico", "key-blink-0002", catalog,
                       lambda: run_fairly(user_id, _lab_grader(lab, wrong_code)))
    assert wrong.status is AttemptStatus.FAILED and wrong.score < wrong.max_score
    assert [a.id for a in attempts_for(user_id, lab_key("blink"))][:2] == [wrong.id, first.id]


def test_refused_run_records_nothing_and_the_key_can_be_retried(app, world):
    """Does a run refused by fair sharing leave no attempt, so the same key can be submitted again?"""
    catalog = get_catalog()
    lab = catalog.labs["blink"]
    before = _count(world.student.id)

    def refused():
        raise RunInFlight(3)

    with pytest.raises(RunInFlight):
        submit_lab(world.student, lab, lab.solution, "pico", "key-retry-0001", catalog, refused)
    assert _count(world.student.id) == before
    retried = submit_lab(world.student, lab, lab.solution, "pico", "key-retry-0001", catalog,
                         _lab_grader(lab, lab.solution))
    assert retried.status is AttemptStatus.PASSED and _count(world.student.id) == before + 1


def test_bad_submissions_are_refused_before_anything_is_recorded(app, world):
    """Are an unknown board, empty code and a malformed key refused with nothing recorded?"""
    catalog = get_catalog()
    lab = catalog.labs["blink"]
    before = _count(world.student.id)
    for code, board, key, problem in ((lab.solution, "arduino", "key-bad-00001", "bad_board"),
                                      ("   ", "pico", "key-bad-00002", "empty_code"),
                                      (lab.solution, "pico", "short", "bad_idempotency_key"),
                                      (lab.solution, "pico", "key with spaces!", "bad_idempotency_key")):
        with pytest.raises(SubmissionInvalid) as refused:
            submit_lab(world.student, lab, code, board, key, catalog, lambda: pytest.fail("must not run"))
        assert refused.value.message == problem
    assert _count(world.student.id) == before


def test_test_mode_caps_attempts(app, world):
    """Does a test-mode assignment with a cap of 2 refuse the third attempt (and only for it)?"""
    catalog = get_catalog()
    module, quiz = _quiz(world)
    assignment = create_assignment(world.classroom, catalog, module_slug=module.slug, activity_slug=quiz.slug,
                                   starts_at=utcnow() - timedelta(hours=1), due_at=utcnow() + timedelta(days=1),
                                   test_mode=True, max_attempts=2)
    db.session.commit()
    for n in (1, 2):
        attempt = submit_quiz(world.student, module, quiz, _right_answers(quiz), f"key-cap-000{n}", catalog)
        assert attempt.assignment_id == assignment.id
    with pytest.raises(AttemptsExhausted):
        submit_quiz(world.student, module, quiz, _right_answers(quiz), "key-cap-0003", catalog)
    assert assignment.details_hidden(utcnow()) and not assignment.details_hidden(utcnow() + timedelta(days=2))


def test_cap_counts_each_activity_apart(app, world):
    """With a whole module in test mode and a cap of 1, does a lab attempt leave the quiz's attempt free?"""
    catalog = get_catalog()
    module, quiz = _quiz(world)
    assignment = create_assignment(world.classroom, catalog, module_slug=module.slug, activity_slug=None,
                                   starts_at=utcnow() - timedelta(hours=1), due_at=utcnow() + timedelta(days=1),
                                   test_mode=True, max_attempts=1)
    db.session.add(Attempt(user_id=world.student.id, assignment_id=assignment.id, activity_key=lab_key("blink"),
                           kind="lab", status=AttemptStatus.FAILED, idempotency_key="key-lab-in-test"))
    db.session.commit()
    assert submit_quiz(world.student, module, quiz, _right_answers(quiz), "key-cap-quiz1", catalog).assignment_id == assignment.id
    with pytest.raises(AttemptsExhausted):
        submit_quiz(world.student, module, quiz, _right_answers(quiz), "key-cap-quiz2", catalog)


def test_assignment_validation(app, world):
    """Are unknown modules, due-before-start, caps without test mode and outsiders refused by field?"""
    catalog = get_catalog()
    slug = world.assignment.module_slug
    cases = [({"module_slug": "nope"}, "module"),
             ({"module_slug": slug, "activity_slug": "nope"}, "activity"),
             ({"module_slug": slug, "due_at": utcnow() - timedelta(days=1)}, "due_at"),
             ({"module_slug": slug, "max_attempts": 3}, "max_attempts"),
             ({"module_slug": slug, "test_mode": True, "max_attempts": 0}, "max_attempts"),
             ({"module_slug": slug, "student_ids": [world.other_student.id]}, "students")]
    for kwargs, field in cases:
        arguments = {"activity_slug": None, "starts_at": utcnow(), "due_at": None, **kwargs}
        with pytest.raises(AssignmentInvalid) as refused:
            create_assignment(world.classroom, catalog, **arguments)
        assert refused.value.field == field, kwargs


def test_assignment_for_chosen_students_only(app, world):
    """Is an assignment for chosen students invisible to the rest of the class?"""
    catalog = get_catalog()
    classmate = gen_user("studente.tre", world.student.role, world.school)
    enrol(classmate, world.classroom, ClassRole.STUDENT)
    chosen = create_assignment(world.classroom, catalog, module_slug="design-thinking", activity_slug=None,
                               starts_at=utcnow(), due_at=None, student_ids=[classmate.id])
    db.session.commit()
    assert chosen in student_assignments(classmate, utcnow() + timedelta(seconds=1))
    assert chosen not in student_assignments(world.student, utcnow() + timedelta(seconds=1))


def test_quiz_grading_feedback_and_pass_rule(app, world):
    """Does a quiz give each chosen option's feedback, pass at 60 %, and refuse empty or bad answers?"""
    _module, quiz = _quiz(world)
    right = grade_quiz(quiz, _right_answers(quiz))
    assert right.right == right.total == len(quiz.questions) and right.passed
    first = quiz.questions[0]
    wrong_index = next(i for i, option in enumerate(first.options) if not option.correct)
    wrong = grade_quiz(quiz, {first.id: str(wrong_index)})
    verdict = wrong.record["questions"][0]
    assert not verdict["correct"] and verdict["feedback"] == [first.options[wrong_index].feedback.as_dict()]
    assert wrong.right == 0 and not wrong.passed
    with pytest.raises(SubmissionInvalid):
        grade_quiz(quiz, {})
    with pytest.raises(SubmissionInvalid):
        grade_quiz(quiz, {first.id: "99"})


def test_progress_rule(app, world):
    """Does each cell follow the rule: passed (also by override) > needs review > late > submitted
    > in progress > not started?"""
    now = utcnow()
    catalog = get_catalog()
    grid = progress.class_grid(world.classroom, catalog, now)
    blink = next(i for i, c in enumerate(grid.columns) if c.key == lab_key("blink"))
    assert grid.cell(world.student, blink).status is progress.CellStatus.SUBMITTED  # the world's failed attempt
    assert grid.counts[blink][progress.CellStatus.SUBMITTED] == 1
    world.assignment.due_at = now - timedelta(hours=1)
    db.session.commit()
    assert progress.class_grid(world.classroom, catalog, now).cell(world.student, blink).status is progress.CellStatus.LATE
    world.attempt.override_passed = True
    db.session.add(AttemptOverride(attempt=world.attempt, passed=True, reason="Verificato sulla scheda"))
    db.session.commit()
    cell = progress.class_grid(world.classroom, catalog, now).cell(world.student, blink)
    assert cell.status is progress.CellStatus.PASSED and cell.latest.id == world.attempt.id
    quiz_column = next(i for i, c in enumerate(grid.columns) if c.key == quiz_key(world.assignment.module_slug, world.quiz_slug))
    assert grid.cell(world.student, quiz_column).status is progress.CellStatus.NOT_STARTED
    db.session.add(Draft(user_id=world.student.id, activity_key=lab_key("sos-morse"), code="x = 1"))
    db.session.commit()
    sos = next(i for i, c in enumerate(grid.columns) if c.key == lab_key("sos-morse"))
    later = progress.class_grid(world.classroom, catalog, now)
    assert later.cell(world.student, sos).status is progress.CellStatus.LATE  # a draft after the due date is late
    world.assignment.due_at = None
    db.session.commit()
    assert progress.class_grid(world.classroom, catalog, now).cell(world.student, sos).status is progress.CellStatus.IN_PROGRESS


def test_needs_review_and_unseen_comments(app, world):
    """Is a waiting project 'needs review', and are unseen comments counted on the cell?"""
    attempt = Attempt(user_id=world.student.id, activity_key="project:design-thinking/prototipo-e-test",
                      kind="project", status=AttemptStatus.NEEDS_REVIEW, idempotency_key="key-project-01")
    db.session.add(attempt)
    db.session.commit()
    cell = progress.cell_status([attempt], False, None, utcnow())
    assert cell.status is progress.CellStatus.NEEDS_REVIEW
    assert progress.cell_status([world.attempt], False, None, utcnow()).unseen_comments == 1


def test_thirty_students_submitting_at_once_lose_nothing(app, world):
    """Thirty students each submitting the same quiz twice at the same moment (a double click):
    exactly one attempt each, none lost (threads, real database)."""
    catalog = get_catalog()
    module, quiz = _quiz(world)
    students = [gen_user(f"alunno.{n:02d}", world.student.role, world.school) for n in range(30)]
    for student in students:
        enrol(student, world.classroom, ClassRole.STUDENT)
    db.session.commit()
    ids = [s.id for s in students]
    barrier, errors = threading.Barrier(60), []

    def submit(user_id: int) -> None:
        with app.app_context():
            try:
                from app.models import User

                student = db.session.get(User, user_id)
                db.session.expunge(student)
                db.session.close()  # no connection held at the barrier: the pool is smaller than 60
                barrier.wait(timeout=60)
                submit_quiz(student, module, quiz, _right_answers(quiz), f"double-click-{user_id}", catalog)
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(repr(exc))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=submit, args=(i,)) for i in ids for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    db.session.expire_all()
    per_student = dict(list(db.session.execute(select(Attempt.user_id, func.count(Attempt.id))
                                          .where(Attempt.user_id.in_(ids)).group_by(Attempt.user_id)).tuples()))
    assert per_student == {i: 1 for i in ids}
    assert db.session.scalar(select(func.count(Assignment.id))) >= 1
