"""Front door, language switch and health probe."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, session, url_for
from flask_login import current_user

from app.authz import home_endpoint
from app.extensions import db
from app.main.forms import LanguageForm
from app.security import safe_redirect_target

bp = Blueprint("main", __name__)


@bp.route("/")
def index():
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    return redirect(url_for("auth.login"))


@bp.route("/language", methods=["POST"])
def set_language():
    form = LanguageForm()
    if not form.validate_on_submit():
        abort(400)
    session["lang"] = form.language.data
    if current_user.is_authenticated:
        current_user.preferred_language = form.language.data
        db.session.commit()
    return redirect(safe_redirect_target(form.next.data) or url_for("main.index"))


@bp.route("/healthz")
def health():
    """A bare route: no database, no template. Load balancers and the latency benchmark use it."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}
