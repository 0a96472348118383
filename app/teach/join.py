"""The students' side of the join code: a student who already has an account types the code
(or opens the class link, which fills it in) and is enrolled, unless the teacher locked it.
Registered at /join by ``app.teach.blueprint``."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.authz import Action, requires
from app.extensions import db
from app.teach import services
from app.teach.forms import JoinForm
from app.teach.messages import message

bp = Blueprint("join", __name__, url_prefix="/join")


@bp.route("/", methods=["GET", "POST"])
@requires(Action.JOIN_CLASSROOM)
def form():
    form = JoinForm()
    if form.validate_on_submit():
        try:
            room = services.join_with_code(current_user, form.code.data)
        except services.TeachError as exc:
            db.session.rollback()
            form.code.errors.append(message(exc.message_id))
        else:
            db.session.commit()
            flash(_("Welcome to class %(name)s!", name=room.short_name), "success")
            return redirect(url_for("learn.home"))
    return render_template("teach/join.html", form=form), (400 if form.errors else 200)


@bp.route("/<code>")
@requires(Action.JOIN_CLASSROOM)
def with_code(code: str):
    """The class link: the same form with the code filled in (joining still takes a click)."""
    form = JoinForm(formdata=None, code=services.normalise_join_code(code))
    return render_template("teach/join.html", form=form)
