"""The skills pages: the student's "Le mie competenze" (``/learn/skills``) and certificate of
completed modules, and the teacher's class heat map with its summary and CSV export
(``/teach/classes/<id>/skills``). Thin views over ``app.skills.record`` and
``app.skills.classmap``; every route asks ``app.authz``. The ``flask skills rebuild`` command
(``officina skills rebuild``) lives on this blueprint's command group.
"""

from __future__ import annotations

import click
from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.authz import Action, get_or_404_for, requires
from app.extensions import db
from app.i18n import short_date
from app.models import Classroom
from app.models.base import utcnow
from app.skills import classmap, record
from app.skills.chart import line_chart
from app.skills.evidence import (SOURCE_BOARD, SOURCE_BOARD_TEACHER, SOURCE_PROJECT, SOURCE_QUIZ,
                                 SOURCE_SIMULATOR, SOURCE_TEACHER)
from app.teach.export import csv_bytes, export_filename
from app.catalog.pages import catalog_or_503 as _catalog, page_lang as _lang

bp = Blueprint("skills", __name__, cli_group="skills")

SOURCE_LABELS = {
    SOURCE_SIMULATOR: _l("simulator"),
    SOURCE_BOARD: _l("real board"),
    SOURCE_QUIZ: _l("quiz"),
    SOURCE_PROJECT: _l("project assessed by the teacher"),
    SOURCE_TEACHER: _l("result changed by the teacher"),
    SOURCE_BOARD_TEACHER: _l("real board, result changed by the teacher"),
}
KIND_LABELS = {"lab": _l("lab"), "quiz": _l("quiz"), "project": _l("project")}


@bp.route("/learn/skills")
@requires(Action.VIEW_OWN_SKILLS)
def my_skills():
    """The student's own skills record (only their evidence: the query is by their id)."""
    mine = record.student_record(current_user, _catalog())
    lang = _lang()
    chart = line_chart([p.skills for p in mine.progress], [short_date(p.day) for p in mine.progress])
    return render_template("skills/mine.html", record=mine, chart=chart, lang=lang,
                           source_labels=SOURCE_LABELS, kind_labels=KIND_LABELS)


@bp.route("/learn/skills/certificate")
@requires(Action.VIEW_OWN_SKILLS)
def certificate():
    catalog = _catalog()
    done = record.completed_modules(current_user, catalog)
    rooms = current_user.current_classes
    return render_template("skills/certificate.html", done=done, classrooms=rooms, lang=_lang(),
                           digcomp=catalog.skills.competences, today=utcnow())


@bp.route("/teach/classes/<int:classroom_id>/skills")
def class_skills(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.VIEW_CLASSROOM)
    grid = classmap.class_map(room, _catalog())
    return render_template("skills/class_map.html", classroom=room, grid=grid, lang=_lang(),
                           summary_levels=classmap.SUMMARY_LEVELS)


@bp.route("/teach/classes/<int:classroom_id>/skills.csv")
def class_skills_csv(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.VIEW_CLASSROOM)
    body = csv_bytes(classmap.map_csv_rows(classmap.class_map(room, _catalog()), _lang()))
    filename = export_filename(room).replace("officina-", "officina-competenze-", 1)
    return body, 200, {"Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store",
                       "Content-Disposition": f'attachment; filename="{filename}"'}


@bp.cli.command("rebuild")
def rebuild_command() -> None:
    """Record the skills evidence of every attempt again (after a content change)."""
    from app.content import ContentErrors, load_catalog
    from app.skills.recording import rebuild_all_evidence

    try:
        catalog = load_catalog()
    except ContentErrors as errors:
        raise click.ClickException(f"content has {len(errors.errors)} errors: run `officina content check`")
    rows = rebuild_all_evidence(catalog)
    db.session.commit()
    click.echo(f"Skills record rebuilt: {rows} pieces of evidence.")
