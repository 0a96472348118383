"""Programme area routes."""

from __future__ import annotations

from flask import Blueprint, render_template

from app.authz import Action, requires
from app.program.services import MIN_GROUP_SIZE, programme_overview

bp = Blueprint("program", __name__, url_prefix="/program")


@bp.route("/")
@requires(Action.USE_PROGRAMME_AREA)
def home():
    return render_template("program/home.html", rows=programme_overview(), min_group=MIN_GROUP_SIZE)
