"""Teaching area routes for the daily work: assign a module or one of its activities, withdraw an
assignment, the class progress grid (students × assigned activities) and its CSV export.

Thin views over ``app.work`` (assignments, progress) and ``app.teach.export``; every route loads
its class or assignment through ``app.authz``. The class page lists the assignments through the
``assignments_of`` helper this module gives the teaching area's templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.authz import Action, get_or_404_for
from app.content import Catalog
from app.extensions import db
from app.models import Assignment, Classroom
from app.teach import export
from app.teach.assign_forms import (KIND_LABELS, AssignmentForm, activity_choices, activity_label, assign_message,
                                    module_choices, school_now, student_choices)
from app.teach.blueprint import bp
from app.teach.forms import ConfirmForm
from app.work.assignments import class_assignments, create_assignment, delete_assignment
from app.work.class_catalog import modules_for_class
from app.work.errors import AssignmentInvalid
from app.work.progress import CellStatus, Grid, class_grid
from app.catalog.pages import catalog_or_503 as _catalog, page_lang as _lang

# How a grid cell shows its status: a word, an icon (decorative: the word is always there) and a
# colour class of progress.css.
STATUS_LABELS = {
    CellStatus.NOT_STARTED: _l("not started"),
    CellStatus.IN_PROGRESS: _l("in progress"),
    CellStatus.SUBMITTED: _l("submitted"),
    CellStatus.PASSED: _l("passed"),
    CellStatus.NEEDS_REVIEW: _l("needs review"),
    CellStatus.LATE: _l("late"),
}
STATUS_ICONS = {
    CellStatus.NOT_STARTED: "○", CellStatus.IN_PROGRESS: "◐", CellStatus.SUBMITTED: "●",
    CellStatus.PASSED: "✓", CellStatus.NEEDS_REVIEW: "?", CellStatus.LATE: "!",
}
DATE_PATTERN = "d MMM y, HH:mm"  # Babel pattern: "30 nov 2026, 08:00" in the school's time
# AssignmentInvalid.field -> the form field its message goes under
FORM_FIELDS = {"module": "module", "activity": "activity", "due_at": "due_at", "max_attempts": "max_attempts",
               "students": "student_ids"}
FILTERS = {"overdue": CellStatus.LATE, "review": CellStatus.NEEDS_REVIEW}


@dataclass(frozen=True)
class AssignmentSummary:
    """What the class page says about one assignment."""

    assignment: Assignment
    module_title: str
    activity_title: str | None  # "Lab: Blink"; None: the whole module
    student_names: list[str]  # empty: the whole class
    starts: str  # dates in the school's time, to the minute
    due: str | None


def summarise(assignment: Assignment, catalog: Catalog, lang: str) -> AssignmentSummary:
    module = catalog.modules.get(assignment.module_slug)
    activity = module.activity(assignment.activity_slug) if module and assignment.activity_slug else None
    return AssignmentSummary(
        assignment, module.title.get(lang) if module else assignment.module_slug,
        activity_label(activity, lang) if activity else assignment.activity_slug,
        sorted((s.display_name for s in assignment.students), key=str.lower),
        format_datetime(assignment.starts_at, DATE_PATTERN),
        format_datetime(assignment.due_at, DATE_PATTERN) if assignment.due_at else None)


@bp.context_processor
def assignment_helpers() -> dict[str, object]:
    def assignments_of(room: Classroom) -> list[AssignmentSummary]:
        catalog, lang = _catalog(), _lang()
        return [summarise(a, catalog, lang) for a in class_assignments(room)]

    return {"assignments_of": assignments_of}


def _form_for(room: Classroom, catalog: Catalog) -> AssignmentForm:
    lang = _lang()
    suiting, others = modules_for_class(room, catalog, lang)
    form = AssignmentForm()
    form.module.choices = module_choices(suiting, others, lang)
    form.activity.choices = activity_choices(suiting + others, lang)
    form.student_ids.choices = student_choices(room.students)
    if request.method == "GET":
        form.starts_at.data = school_now()
        form.module.data = request.args.get("module", "")
    return form


@bp.route("/classes/<int:classroom_id>/assignments/new", methods=["GET", "POST"])
def assignment_new(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_ASSIGNMENT)
    catalog = _catalog()
    form = _form_for(room, catalog)
    if form.validate_on_submit():
        try:
            create_assignment(room, catalog, module_slug=form.module.data, activity_slug=form.activity_slug,
                              starts_at=form.starts_at.data, due_at=form.due_at.data, test_mode=form.test_mode.data,
                              max_attempts=form.max_attempts.data, student_ids=form.chosen_student_ids,
                              created_by=current_user)
        except AssignmentInvalid as exc:
            db.session.rollback()
            field_name = FORM_FIELDS.get(exc.field or "", "module")
            getattr(form, field_name).errors.append(assign_message(exc.message))
        else:
            db.session.commit()
            flash(_("Work assigned. Its progress is in the grid."), "success")
            return redirect(url_for("teach.classroom", classroom_id=room.id) + "#assignments")
    return render_template("teach/assign.html", classroom=room, form=form), (400 if form.errors else 200)


@bp.route("/assignments/<int:assignment_id>/delete", methods=["POST"])
def assignment_delete(assignment_id: int):
    assignment = get_or_404_for(Assignment, assignment_id, Action.MANAGE_ASSIGNMENT)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    room_id = assignment.classroom_id
    delete_assignment(assignment)
    db.session.commit()
    flash(_("Assignment withdrawn. The students' attempts stay in the record."), "success")
    return redirect(url_for("teach.classroom", classroom_id=room_id) + "#assignments")


def attempt_href(attempt_id: int) -> str:
    """The attempt review page (its route lives in the review module; a plain path until then)."""
    if "teach.review_attempt" in current_app.view_functions:
        return url_for("teach.review_attempt", attempt_id=attempt_id)
    return f"{request.script_root}/teach/attempts/{attempt_id}"


def _rows(grid: Grid, show: str | None) -> list:
    wanted = FILTERS.get(show or "")
    if wanted is None:
        return grid.students
    return [s for s in grid.students
            if any(grid.cells.get((s.id, i)) and grid.cells[(s.id, i)].status is wanted
                   for i in range(len(grid.columns)))]


@bp.route("/classes/<int:classroom_id>/progress")
def progress(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.VIEW_CLASSROOM)
    catalog, lang = _catalog(), _lang()
    grid = class_grid(room, catalog)
    show = request.args.get("show") if request.args.get("show") in FILTERS else None
    groups = [(summarise(assignment, catalog, lang), len(list(columns)))
              for assignment, columns in groupby(grid.columns, key=lambda c: c.assignment)]
    return render_template("teach/progress.html", classroom=room, grid=grid, rows=_rows(grid, show), show=show,
                           groups=groups, lang=lang, statuses=list(CellStatus),
                           status_labels={status: str(label) for status, label in STATUS_LABELS.items()},
                           status_icons=STATUS_ICONS, attempt_href=attempt_href,
                           kind_labels={kind: str(label) for kind, label in KIND_LABELS.items()},
                           filter_counts={name: len(_rows(grid, name)) for name in FILTERS})


@bp.route("/classes/<int:classroom_id>/export.csv")
def export_csv(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.VIEW_CLASSROOM)
    grid = class_grid(room, _catalog())
    body = export.csv_bytes(export.export_rows(grid, _lang()))
    return body, 200, {"Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store",
                       "Content-Disposition": f'attachment; filename="{export.export_filename(room)}"'}
