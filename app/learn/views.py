"""The learning area: the student's home (work to do, work done, feedback, classes), a quiz answered
on the page and graded at once, and the student's own attempts with their teachers' comments.
Data and rules live in ``app.learn.home``, ``app.learn.quiz`` and ``app.work``."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user

from app.authz import Action, authorize, get_or_404_for, requires
from app.extensions import db
from app.learn.home import STATUS_LABELS, mark_comments_seen, student_home, work_url
from app.learn.quiz import (answers_from_form, find_quiz, inline_code, new_idempotency_key, problem_text,
                            question_results, quiz_of_key, quiz_page)
from app.models import Attempt, AttemptStatus
from app.work.attempts import hide_details, submit_quiz
from app.work.errors import AttemptsExhausted, SubmissionInvalid
from app.catalog.pages import catalog_or_503 as _catalog

bp = Blueprint("learn", __name__, url_prefix="/learn")
bp.add_app_template_filter(inline_code, "inline_code")


@bp.route("/")
@requires(Action.USE_LEARNING_AREA)
def home():
    rooms = current_user.current_classes
    return render_template("learn/home.html", classrooms=rooms, home=student_home(current_user, _catalog()),
                           work_url=work_url)


@bp.route("/quizzes/<module_slug>/<activity_slug>", methods=["GET", "POST"])
@requires(Action.DO_CLASSWORK)
def quiz(module_slug: str, activity_slug: str):
    """The quiz with answer controls; POST grades it at once and records one attempt per
    idempotency key, then shows the result (``?attempt=<id>``)."""
    catalog = _catalog()
    found = find_quiz(catalog, module_slug, activity_slug)
    if found is None:
        abort(404)
    module, quiz_found = found
    problem, status = None, 200
    if request.method == "POST":
        try:
            attempt = submit_quiz(current_user, module, quiz_found, answers_from_form(quiz_found, request.form),
                                  request.form.get("idempotency_key", ""), catalog)
            return redirect(url_for("learn.quiz", module_slug=module.slug, activity_slug=quiz_found.slug,
                                    attempt=attempt.id, _anchor="result"))
        except AttemptsExhausted as exc:
            problem, status = problem_text(exc.message), 409
        except SubmissionInvalid as exc:
            problem, status = problem_text(exc.message), 400
    page = quiz_page(current_user, module, quiz_found, catalog)
    shown = next((a for a in page.attempts if a.id == request.args.get("attempt", type=int)), None)
    return render_template("learn/quiz.html", page=page, shown=shown,
                           results=question_results(quiz_found, shown) if shown else None,
                           problem=problem, idempotency_key=new_idempotency_key(),
                           posted=request.form if request.method == "POST" else None), status


@bp.route("/attempts/<int:attempt_id>")
def attempt(attempt_id: int):
    """The student's own attempt: result (unless test mode hides it), code or answers, comments.
    Opening it marks the teachers' comments seen."""
    authorize(Action.DO_CLASSWORK)
    found = get_or_404_for(Attempt, attempt_id, Action.VIEW_ATTEMPT)
    if found.status is AttemptStatus.GRADING:
        abort(404)
    catalog = _catalog()
    quiz_found = quiz_of_key(catalog, found.activity_key)
    new_comment_ids = {c.id for c in found.comments if c.seen_at is None}
    if mark_comments_seen(found, current_user):
        db.session.commit()
    return render_template("learn/attempt.html", attempt=found, hidden=hide_details(found),
                           quiz=quiz_found[1] if quiz_found else None, module=quiz_found[0] if quiz_found else None,
                           results=question_results(quiz_found[1], found) if quiz_found else None,
                           lab=catalog.labs.get(found.activity_key.removeprefix("lab:")) if found.kind == "lab" else None,
                           new_comment_ids=new_comment_ids, status_labels=STATUS_LABELS)
