"""Teaching area routes."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from app.authz import Action, get_or_404_for, requires
from app.models import Classroom
from app.teach.services import classrooms_taught

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.route("/")
@requires(Action.USE_TEACHING_AREA)
def home():
    return render_template("teach/home.html", classrooms=classrooms_taught(current_user))


@bp.route("/classes/<int:classroom_id>")
def classroom(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.VIEW_CLASSROOM)
    return render_template("teach/classroom.html", classroom=room)
