"""Programme area routes: the staff home, adoption, outcomes from city to class, CSV exports.

Thin views over ``app.program.adoption``, ``app.program.outcomes`` and ``app.program.exports``;
every page and export asks ``VIEW_DASHBOARDS`` (staff, administrators) and every export is
recorded in the audit log before it is sent.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.authz import Action, requires
from app.extensions import db
from app.i18n import LEVEL_LABELS, classroom_label
from app.models import Classroom, School
from app.program import adoption, exports, outcomes
from app.program.charts import lines
from app.program.dashboard import chart_for, skill_options
from app.program.services import programme_overview
from app.program.suppression import effective_minimum

bp = Blueprint("program", __name__, url_prefix="/program")


def _minimum() -> int:
    return effective_minimum(current_app.config.get("SUPPRESSION_MIN"))


def _filters() -> tuple[outcomes.SkillFilter, str, list[str]]:
    years = outcomes.school_years()
    try:
        skill = outcomes.SkillFilter.parse(request.args.get("skill") or "area:3")
    except ValueError:
        abort(404)
    year = request.args.get("year") or (years[0] if years else "")
    return skill, year, years


def _names(district: str | None, school_id: int | None) -> dict:
    names: dict = {("school_level", level.value): str(label) for level, label in LEVEL_LABELS.items()}
    if district is not None:
        for school in db.session.scalars(select(School).where(School.district == district)):
            names[("school", school.id)] = f"{school.name} ({school.code})"
    if school_id is not None:
        for room in db.session.scalars(select(Classroom).where(Classroom.school_id == school_id)):
            names[("class", room.id)] = classroom_label(room)
    return names


@bp.route("/")
@requires(Action.USE_PROGRAMME_AREA)
def home():
    return render_template("program/home.html", rows=programme_overview(_minimum()), min_group=_minimum())


@bp.route("/adoption")
@requires(Action.VIEW_DASHBOARDS)
def adoption_page():
    weeks = adoption.weekly_activity(request.args.get("weeks", 12, type=int), _minimum())
    modules = adoption.module_uptake(_minimum(), str(get_locale() or "it"))
    chart = lines("chart-weekly", _("Active students and classes per week"),
                  _("Hidden weeks break the line. The same numbers are in the table below."),
                  [w.start for w in weeks], {_("Students"): [w.students for w in weeks],
                                             _("Classes"): [w.classes for w in weeks]})
    return render_template("program/adoption.html", weeks=weeks, modules=modules, min_group=_minimum(),
                           weekly_chart=chart)


def _drilldown(district: str | None = None, school_id: int | None = None):
    skill, year, years = _filters()
    counts = outcomes.pair_counts(skill, year, district, school_id)
    result = outcomes.drilldown(counts, _minimum(), _names(district, school_id), district, school_id)
    return skill, year, years, result, counts


@bp.route("/outcomes")
@requires(Action.VIEW_DASHBOARDS)
def outcomes_page():
    skill, year, years, result, counts = _drilldown()
    trend = outcomes.trend(counts, result.city.table, _minimum())
    chart = lines("chart-trend", _("Students showing the skill for the first time, by month"),
                  _("One line per municipio; hidden months break the line. The same numbers are in the table below."),
                  trend.column_labels, dict(zip(trend.row_labels, trend.table.published_cells)))
    return render_template("program/outcomes.html", skill=skill, year=year, years=years, result=result,
                           trend=trend, trend_chart=chart, options=skill_options(), chart_for=chart_for,
                           min_group=_minimum())


@bp.route("/outcomes/municipio/<district>")
@requires(Action.VIEW_DASHBOARDS)
def municipio_page(district: str):
    skill, year, years, result, _counts = _drilldown(district)
    if not result.municipio or not result.municipio.table.row_keys:
        abort(404)
    return render_template("program/drilldown.html", skill=skill, year=year, years=years, result=result,
                           outcome=result.municipio, district=district, school=None, options=skill_options(),
                           chart_for=chart_for, min_group=_minimum())


@bp.route("/outcomes/school/<int:school_id>")
@requires(Action.VIEW_DASHBOARDS)
def school_page(school_id: int):
    school = db.session.get(School, school_id) or abort(404)
    skill, year, years, result, _counts = _drilldown(school.district, school_id)
    return render_template("program/drilldown.html", skill=skill, year=year, years=years, result=result,
                           outcome=result.school, district=school.district, school=school,
                           options=skill_options(), chart_for=chart_for, min_group=_minimum())


def _csv_response(body: str, filename: str) -> Response:
    return Response(body, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/outcomes.csv")
@requires(Action.VIEW_DASHBOARDS)
def outcomes_csv():
    scope = request.args.get("scope", "city")
    district = request.args.get("district") if scope in {"municipio", "school"} else None
    school_id = request.args.get("school_id", type=int) if scope == "school" else None
    if scope not in {"city", "school_level", "trend", "municipio", "school"} or (scope == "school" and not school_id):
        abort(404)
    if scope == "school":
        district = (db.session.get(School, school_id) or abort(404)).district
    skill, year, _years, result, counts = _drilldown(district, school_id)
    if scope == "trend":
        outcome = outcomes.trend(counts, result.city.table, _minimum())
    else:
        outcome = {"city": result.city, "school_level": result.by_school_level,
                   "municipio": result.municipio, "school": result.school}[scope]
    if outcome is None:
        abort(404)
    meta = {"skill": skill.token, "school_year": year, "scope": scope, "threshold": str(_minimum())}
    body = exports.outcome_csv(outcome, current_app.config["SECRET_KEY"], meta)
    exports.record(current_user.id, "export_dashboard_csv", f"outcomes:{scope}",
                   {**meta, "district": district, "school_id": school_id, "rows": len(outcome.row_labels),
                    "suppressed": outcome.suppressed})
    db.session.commit()
    return _csv_response(body, f"officina-outcomes-{scope}-{year.replace('/', '-')}.csv")


@bp.route("/adoption.csv")
@requires(Action.VIEW_DASHBOARDS)
def adoption_csv():
    weeks = adoption.weekly_activity(request.args.get("weeks", 12, type=int), _minimum())
    body = exports.rows_csv(["week_start", "schools", "classes", "teachers", "students"],
                            [[w.start, w.schools, w.classes, w.teachers, w.students] for w in weeks])
    exports.record(current_user.id, "export_dashboard_csv", "adoption:weekly",
                   {"rows": len(weeks), "threshold": _minimum()})
    db.session.commit()
    return _csv_response(body, "officina-adoption.csv")
