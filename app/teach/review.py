"""Attempt review for teachers: one page per attempt with the student, the activity, the code
(highlighted, numbered, the failing lines marked), the run's pictures and trace re-drawn from the
stored result, every check with its measured value, the student's history on the activity with
the differences between consecutive attempts; a quiz's answers with their verdicts; a project's
files and rubric. The forms post a comment, an override with its reason, or the rubric scoring.

Reading needs a teacher of the student's class (``VIEW_ATTEMPT``; an archived class stays
readable); every change needs ``REVIEW_ATTEMPT`` (a class not archived). Thin views over
``app.teach.review_display`` and ``app.teach.review_services``.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.authz import Action, authorize, can, get_or_404_for
from app.catalog.tryout import is_robot_lab
from app.catalog.workspace import attempt_result
from app.content import Quiz
from app.extensions import db
from app.models import Attempt, ClassRole
from app.skills.recording import record_attempt_evidence
from app.teach.blueprint import bp
from app.teach.review_display import (activity_ref, code_lines, history_diffs, marked_lines, quiz_rows,
                                      trace_rows)
from app.teach.review_forms import CommentForm, OverrideForm, RubricScoreForm, criterion_field, rubric_form
from app.teach.review_services import ReviewInvalid, add_comment, override_result, score_project
from app.work.attempts import attempts_for
from app.catalog.pages import catalog_or_503 as _catalog, page_lang as _lang


def _reviewable(attempt_id: int) -> Attempt:
    authorize(Action.USE_TEACHING_AREA)
    return get_or_404_for(Attempt, attempt_id, Action.REVIEW_ATTEMPT)


def _record_skills(attempt: Attempt) -> None:
    """The result that counts changed: the skills record follows it (after the verdict is safe)."""
    record_attempt_evidence(attempt, _catalog())
    db.session.commit()


def _back(attempt: Attempt, anchor: str):
    return redirect(url_for("teach.review_attempt", attempt_id=attempt.id, _anchor=anchor))


@bp.route("/attempts/<int:attempt_id>")
def review_attempt(attempt_id: int):
    authorize(Action.USE_TEACHING_AREA)
    attempt = get_or_404_for(Attempt, attempt_id, Action.VIEW_ATTEMPT)
    return render_review(attempt)


def render_review(attempt: Attempt, *, comment_form: CommentForm | None = None,
                  override_form: OverrideForm | None = None, score_form: RubricScoreForm | None = None,
                  status: int = 200):
    """The review page of ``attempt`` (forms with their errors when a post was refused)."""
    lang = _lang()
    ref = activity_ref(_catalog(), attempt.activity_key)
    history = attempts_for(attempt.user_id, attempt.activity_key)
    rubric = ref.rubric
    if rubric is not None and score_form is None:
        levels = attempt.rubric_levels or {}
        score_form = rubric_form(rubric, lang, data={criterion_field(int(k)): str(v) for k, v in levels.items()})
    labels = {"error": _("error"), "check": _("failing check")}
    events, hidden_events = trace_rows(attempt.result) if attempt.kind == "lab" else ([], 0)
    shown = attempt_result(attempt, lang) if attempt.kind == "lab" else None
    classes = [m.classroom for m in attempt.user.memberships
               if m.role is ClassRole.STUDENT and m.classroom.has_member(current_user, ClassRole.TEACHER)]
    page = render_template(
        "teach/review.html", attempt=attempt, ref=ref, history=history, classes=classes, lang=lang,
        code=code_lines(attempt.code or "", marked_lines(attempt.result, lang, labels)),
        shown=shown, events=events, hidden_events=hidden_events,
        robot=bool(ref.lab and is_robot_lab(ref.lab)),
        diffs=history_diffs(history) if attempt.kind == "lab" else [],
        questions=quiz_rows(ref.activity if isinstance(ref.activity, Quiz) else None, attempt.result)
        if attempt.kind == "quiz" else [],
        rubric=rubric, may_review=can(current_user, Action.REVIEW_ATTEMPT, attempt),
        comment_form=comment_form or CommentForm(), override_form=override_form or OverrideForm(),
        score_form=score_form)
    return page, status


@bp.route("/attempts/<int:attempt_id>/comments", methods=["POST"])
def comment_attempt(attempt_id: int):
    attempt = _reviewable(attempt_id)
    form = CommentForm()
    if form.validate_on_submit():
        try:
            add_comment(attempt, current_user, form.body.data)
        except ReviewInvalid:
            form.body.errors.append(_("Write a comment of at most 4000 characters."))
        else:
            db.session.commit()
            flash(_("Comment sent: the student will see it."), "success")
            return _back(attempt, "comments")
    return render_review(attempt, comment_form=form, status=400)


@bp.route("/attempts/<int:attempt_id>/override", methods=["POST"])
def override_attempt(attempt_id: int):
    attempt = _reviewable(attempt_id)
    form = OverrideForm()
    if form.validate_on_submit():
        try:
            override_result(attempt, current_user, form.passed.data == "yes", form.reason.data)
        except ReviewInvalid:
            form.reason.errors.append(_("This attempt cannot be changed now."))
        else:
            db.session.commit()
            _record_skills(attempt)
            flash(_("Result changed; the reason is kept in the record."), "success")
            return _back(attempt, "override")
    return render_review(attempt, override_form=form, status=400)


@bp.route("/attempts/<int:attempt_id>/score", methods=["POST"])
def score_attempt(attempt_id: int):
    attempt = _reviewable(attempt_id)
    rubric = activity_ref(_catalog(), attempt.activity_key).rubric
    if attempt.kind != "project" or rubric is None:
        abort(400)
    form = rubric_form(rubric, _lang())
    if form.validate_on_submit():
        try:
            score_project(attempt, current_user, rubric, form.levels(rubric), form.feedback.data or "")
        except ReviewInvalid:
            form.feedback.errors.append(_("This project cannot be scored now."))
        else:
            db.session.commit()
            _record_skills(attempt)
            flash(_("Project scored; the student sees the levels and your feedback."), "success")
            return _back(attempt, "rubric")
    return render_review(attempt, score_form=form, status=400)
