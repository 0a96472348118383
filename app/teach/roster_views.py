"""Teaching area routes for students: import a class list (upload or paste, preview with column
mapping, import all or nothing), generate pseudonymous accounts, reset a password. Each of them
ends on the printable login cards, the only place a one-time password is ever shown."""

from __future__ import annotations

import json
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.authz import Action, get_or_404_for, get_student_membership_or_404
from app.extensions import db
from app.models import Classroom
from app.teach import accounts, roster, services
from app.teach.blueprint import bp
from app.teach.forms import ClassListForm, ClassListPreviewForm, ConfirmForm, GenerateForm
from app.teach.messages import message


def _cards(room: Classroom, credentials: list[accounts.Credential]):
    """The login cards page for freshly made passwords (never cached, never stored)."""
    cards = []
    for credential in credentials:
        address = url_for("auth.login", username=credential.user.username, _external=True)
        title = _("Sign-in link for %(username)s", username=credential.user.username)
        cards.append({"user": credential.user, "password": credential.password, "qr": accounts.qr_svg(address, title)})
    response = render_template("teach/cards.html", classroom=room, cards=cards,
                               login_address=url_for("auth.login", _external=True))
    return response, 200, {"Cache-Control": "no-store"}


def _preview(room: Classroom, table: roster.ClassListTable, mapping: list[str], under_14: str, username_style: str,
             rows: list[roster.StudentRow] | None = None, problems: list[str] | None = None, status: int = 200):
    form = ClassListPreviewForm(formdata=None, table=json.dumps({"headers": table.headers, "rows": table.rows}),
                                under_14=under_14, username_style=username_style)
    if rows is None:
        rows = roster.build_rows(table, mapping, date.today(), services.existing_student_names(room))
    return render_template("teach/import_preview.html", classroom=room, form=form, table=table, mapping=mapping,
                           rows=rows, problems=problems or [], fields=roster.FIELDS, message=message), status


@bp.route("/classes/<int:classroom_id>/import", methods=["GET", "POST"])
def import_list(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_CLASSROOM)
    form = ClassListForm()
    if form.validate_on_submit():
        upload = form.upload.data
        try:
            if upload and getattr(upload, "filename", ""):
                table = roster.read_upload(upload.filename, upload.read(roster.MAX_UPLOAD_BYTES + 1))
            else:
                table = roster.read_delimited(form.pasted.data or "")
        except roster.ClassListError as exc:
            form.form_errors.append(message(exc.message_id))
        else:
            return _preview(room, table, roster.guess_mapping(table.headers), form.under_14.data, form.username_style.data)
    return render_template("teach/import.html", classroom=room, form=form), (400 if form.errors or form.form_errors else 200)


def _table_from_preview(form: ClassListPreviewForm) -> roster.ClassListTable:
    try:
        carried = json.loads(form.table.data or "")
        return roster.table_from_form(list(carried["headers"]), [list(row) for row in carried["rows"]])
    except (ValueError, KeyError, TypeError, roster.ClassListError):
        abort(400)


@bp.route("/classes/<int:classroom_id>/import/confirm", methods=["POST"])
def import_confirm(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_CLASSROOM)
    form = ClassListPreviewForm()
    if not form.validate_on_submit() or form.under_14.data not in ("yes", "no"):
        abort(400)
    table = _table_from_preview(form)
    mapping = [value if (value := request.form.get(f"map-{i}", "ignore")) in roster.FIELDS else "ignore"
               for i in range(len(table.headers))]
    if request.form.get("action") != "import":
        return _preview(room, table, mapping, form.under_14.data, form.username_style.data)
    try:
        rows, credentials = services.import_class_list(room, table, mapping, form.under_14.data == "yes",
                                                      form.username_style.data, date.today())
    except services.TeachError as exc:
        db.session.rollback()
        return _preview(room, table, mapping, form.under_14.data, form.username_style.data,
                        problems=[exc.message_id], status=400)
    if not credentials:
        db.session.rollback()
        return _preview(room, table, mapping, form.under_14.data, form.username_style.data, rows=rows, status=400)
    db.session.commit()
    return _cards(room, credentials)


@bp.route("/classes/<int:classroom_id>/generate", methods=["GET", "POST"])
def generate(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_CLASSROOM)
    form = GenerateForm()
    if form.validate_on_submit():
        try:
            credentials = accounts.generate_students(room, form.count.data, form.under_14.data == "yes")
        except accounts.AccountError as exc:
            db.session.rollback()
            form.count.errors.append(message(exc.message_id))
        else:
            db.session.commit()
            return _cards(room, credentials)
    return render_template("teach/generate.html", classroom=room, form=form), (400 if form.errors else 200)


@bp.route("/classes/<int:classroom_id>/students/<int:student_id>/reset-password", methods=["POST"])
def reset_password(classroom_id: int, student_id: int):
    membership = get_student_membership_or_404(classroom_id, student_id, Action.MANAGE_STUDENT)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    credential = accounts.reset_student_password(membership)
    db.session.commit()
    return _cards(membership.classroom, [credential])


@bp.route("/classes/<int:classroom_id>/cards", methods=["POST"])
def renew_unused_cards(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_CLASSROOM)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    credentials = accounts.renew_unused_cards(room)
    if not credentials:
        flash(_("Every student has already signed in with their card."), "info")
        return redirect(url_for("teach.classroom", classroom_id=classroom_id))
    db.session.commit()
    return _cards(room, credentials)


@bp.route("/classes/<int:classroom_id>/students/<int:student_id>/under-14", methods=["POST"])
def toggle_under_14(classroom_id: int, student_id: int):
    membership = get_student_membership_or_404(classroom_id, student_id, Action.MANAGE_STUDENT)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    accounts.set_under_14(membership, not membership.user.under_14)
    db.session.commit()
    flash(_("%(name)s is recorded as under 14.", name=membership.user.display_name) if membership.user.under_14
          else _("%(name)s is recorded as 14 or older.", name=membership.user.display_name), "success")
    return redirect(url_for("teach.classroom", classroom_id=classroom_id))
