"""The student's home: their classes and teachers (modules and labs arrive with the catalog)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from app.authz import Action, requires
from app.models import ClassRole

bp = Blueprint("learn", __name__, url_prefix="/learn")


@bp.route("/")
@requires(Action.USE_LEARNING_AREA)
def home():
    rooms = [m.classroom for m in current_user.memberships if m.role is ClassRole.STUDENT and not m.classroom.archived]
    return render_template("learn/home.html", classrooms=rooms)
