"""Routes of data protection: one student's data page, export (JSON, CSV) and deletion for their
teacher or an administrator (``MANAGE_STUDENT_DATA``), and ``/admin/audit`` for administrators
(``READ_AUDIT_LOG``). Every export and deletion is written to the audit log first."""

from __future__ import annotations

import json

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.authz import Action, get_or_404_for, home_endpoint, requires
from app.extensions import db
from app.models import User
from app.privacy import services
from app.program.exports import audit_page, record

privacy_bp = Blueprint("privacy", __name__, url_prefix="/privacy")
audit_bp = Blueprint("audit", __name__, url_prefix="/admin/audit")


def _student(student_id: int) -> User:
    return get_or_404_for(User, student_id, Action.MANAGE_STUDENT_DATA)


@privacy_bp.route("/students/<int:student_id>")
def student_page(student_id: int):
    student = _student(student_id)
    data = services.student_data(student)
    return render_template("privacy/student.html", student=student, data=data)


@privacy_bp.route("/students/<int:student_id>/export.<any(json, csv):fmt>")
def student_export(student_id: int, fmt: str):
    student = _student(student_id)
    data = services.student_data(student)
    record(current_user.id, "export_student", f"user:{student.id}", {"format": fmt})
    db.session.commit()
    if fmt == "json":
        body, mimetype = json.dumps(data, ensure_ascii=False, indent=2), "application/json"
    else:
        body, mimetype = services.student_csv(data), "text/csv"
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="officina-student-{student.id}.{fmt}"'})


@privacy_bp.route("/students/<int:student_id>/delete", methods=["POST"])
def student_delete(student_id: int):
    student = _student(student_id)
    if request.form.get("confirm_username", "").strip().lower() != student.username:
        flash(_("Type the student's username to confirm the deletion."), "error")
        return render_template("privacy/student.html", student=student, data=services.student_data(student)), 400
    from app.learn.projects import upload_folder

    services.delete_student(current_user, student, upload_folder())
    db.session.commit()
    flash(_("The student's personal data were deleted. Anonymous statistics are kept."), "success")
    return redirect(url_for(home_endpoint(current_user)))


@audit_bp.route("/")
@requires(Action.READ_AUDIT_LOG)
def audit_log():
    page = max(1, request.args.get("page", 1, type=int))
    entries, more = audit_page(page, action=request.args.get("action") or None)
    ids = {entry.actor_id for entry in entries if entry.actor_id}
    actors = dict(db.session.execute(select(User.id, User.username).where(User.id.in_(ids))).all()) if ids else {}
    return render_template("privacy/audit.html", entries=entries, page=page, more=more, actors=actors)
