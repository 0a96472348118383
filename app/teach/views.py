"""Teaching area routes for classes: the class list, a new class, co-teachers, archiving and the
join code. Thin views over ``app.teach.services``; the roster routes (class lists, generated
accounts, login cards) are in ``app.teach.roster_views``, the students' join page in
``app.teach.join``."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from app.authz import Action, authorize, get_or_404_for, requires
from app.extensions import db
from app.models import Classroom, School, SchoolLevel
from app.teach import roster_views  # noqa: F401  (its routes are on the same blueprint)
from app.teach import services
from app.teach.blueprint import bp
from app.teach.accounts import qr_svg
from app.teach.forms import ConfirmForm, CoTeacherForm, NewClassroomForm
from app.teach.messages import message



@bp.route("/")
@requires(Action.USE_TEACHING_AREA)
def home():
    rooms = services.classrooms_taught(current_user, include_archived=True)
    return render_template("teach/home.html", classrooms=[r for r in rooms if not r.archived],
                           archived=[r for r in rooms if r.archived])


@bp.route("/classes/new", methods=["GET", "POST"])
@requires(Action.CREATE_CLASSROOM)
def classroom_new():
    form = NewClassroomForm()
    schools = services.schools_for_teacher(current_user)
    form.school_id.choices = [SelectChoice(s.id, f"{s.name} ({s.code})") for s in schools]
    if form.validate_on_submit():
        school = db.session.get(School, form.school_id.data)
        authorize(Action.CREATE_CLASSROOM, school)
        try:
            room = services.create_own_classroom(current_user, school, SchoolLevel(form.level.data), form.year.data,
                                                 form.section.data, form.school_year.data.strip())
        except services.TeachError as exc:
            db.session.rollback()
            getattr(form, exc.field or "section").errors.append(message(exc.message_id))
        else:
            db.session.commit()
            flash(_("Class %(name)s created. Now add the students.", name=room.short_name), "success")
            return redirect(url_for("teach.classroom", classroom_id=room.id))
    return render_template("teach/classroom_form.html", form=form), (400 if form.errors else 200)


@bp.route("/classes/<int:classroom_id>")
def classroom(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.VIEW_CLASSROOM)
    join_link = url_for("join.with_code", code=room.join_code, _external=True)
    co_teacher_form = CoTeacherForm()
    co_teacher_form.teacher_id.choices = [SelectChoice(t.id, t.display_name) for t in services.colleagues_for(room)]
    return render_template("teach/classroom.html", classroom=room, join_link=join_link, confirm=ConfirmForm(),
                           join_qr=qr_svg(join_link, _("Link to join class %(name)s", name=room.short_name)),
                           co_teacher_form=co_teacher_form)


def _managed_classroom(classroom_id: int) -> Classroom:
    """Load a class the current user may change, for a POST with a valid CSRF token."""
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_CLASSROOM)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return room


@bp.route("/classes/<int:classroom_id>/co-teachers", methods=["POST"])
def add_co_teacher(classroom_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_CLASSROOM)
    form = CoTeacherForm()
    form.teacher_id.choices = [SelectChoice(t.id, t.display_name) for t in services.colleagues_for(room)]
    if not form.validate_on_submit():
        abort(400)
    try:
        colleague = services.add_co_teacher(room, form.teacher_id.data)
    except services.TeachError as exc:
        db.session.rollback()
        flash(message(exc.message_id), "error")
    else:
        db.session.commit()
        flash(_("%(name)s now teaches this class too.", name=colleague.display_name), "success")
    return redirect(url_for("teach.classroom", classroom_id=classroom_id))


@bp.route("/classes/<int:classroom_id>/co-teachers/<int:teacher_id>/remove", methods=["POST"])
def remove_co_teacher(classroom_id: int, teacher_id: int):
    room = get_or_404_for(Classroom, classroom_id, Action.MANAGE_CLASSROOM)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        teacher = services.remove_co_teacher(room, teacher_id)
    except services.TeachError as exc:
        db.session.rollback()
        flash(message(exc.message_id), "error")
        return redirect(url_for("teach.classroom", classroom_id=classroom_id))
    db.session.commit()
    flash(_("%(name)s no longer teaches this class.", name=teacher.display_name), "success")
    if teacher.id == current_user.id:
        return redirect(url_for("teach.home"))
    return redirect(url_for("teach.classroom", classroom_id=classroom_id))


@bp.route("/classes/<int:classroom_id>/archive", methods=["POST"])
def archive(classroom_id: int):
    room = _managed_classroom(classroom_id)
    services.archive_classroom(room)
    db.session.commit()
    flash(_("Class %(name)s archived: it is kept read-only.", name=room.short_name), "success")
    return redirect(url_for("teach.home"))


@bp.route("/classes/<int:classroom_id>/join-code/lock", methods=["POST"])
def toggle_join_lock(classroom_id: int):
    room = _managed_classroom(classroom_id)
    services.set_join_locked(room, not room.join_locked)
    db.session.commit()
    flash(_("The join code is locked: nobody can join with it.") if room.join_locked
          else _("The join code is open: students can join with it."), "success")
    return redirect(url_for("teach.classroom", classroom_id=classroom_id))


@bp.route("/classes/<int:classroom_id>/join-code/new", methods=["POST"])
def regenerate_join_code(classroom_id: int):
    room = _managed_classroom(classroom_id)
    try:
        code = services.regenerate_join_code(room)
    except services.TeachError as exc:
        db.session.rollback()
        flash(message(exc.message_id), "error")
    else:
        db.session.commit()
        flash(_("New join code: %(code)s. The old one no longer works.", code=code), "success")
    return redirect(url_for("teach.classroom", classroom_id=classroom_id))
