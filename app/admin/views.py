"""Administration routes: thin views over ``app.admin.services``."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from app.admin import services
from app.admin.forms import ClassroomForm, ConfirmForm, SchoolForm, UserForm
from app.admin.messages import ADMIN_MESSAGES
from app.authz import Action, get_or_404_for, requires
from app.extensions import db
from app.models import Classroom, Membership, Role, School, SchoolLevel, User

bp = Blueprint("admin", __name__, url_prefix="/admin")

USERS_PER_PAGE = 50


def _school_choices() -> list[SelectChoice]:
    schools = db.session.scalars(select(School).order_by(School.name))
    return [SelectChoice(0, _("— none —"))] + [SelectChoice(school.id, f"{school.name} ({school.code})") for school in schools]


def _school_data(form: SchoolForm) -> services.SchoolData:
    return services.SchoolData(
        name=form.name.data, code=form.code.data, city=form.city.data, district=form.district.data,
        levels=[SchoolLevel(value) for value in form.levels.data],
    )


@bp.route("/")
@requires(Action.ADMINISTER)
def home():
    counts = {role: db.session.scalar(select(func.count(User.id)).where(User.role == role)) for role in Role}
    schools = db.session.scalar(select(func.count(School.id)))
    classes = db.session.scalar(select(func.count(Classroom.id)).where(Classroom.archived.is_(False)))
    return render_template("admin/home.html", counts=counts, schools=schools, classes=classes)


@bp.route("/schools")
@requires(Action.MANAGE_SCHOOL)
def schools():
    rows = db.session.scalars(select(School).order_by(School.city, School.name)).all()
    return render_template("admin/schools.html", schools=rows)


@bp.route("/schools/new", methods=["GET", "POST"])
@bp.route("/schools/<int:school_id>/edit", methods=["GET", "POST"])
@requires(Action.MANAGE_SCHOOL)
def school_form(school_id: int | None = None):
    school = get_or_404_for(School, school_id, Action.MANAGE_SCHOOL) if school_id else None
    form = SchoolForm(obj=school) if request.method == "GET" and school else SchoolForm()
    if request.method == "GET" and school:
        form.levels.data = [level.value for level in school.levels]
    if form.validate_on_submit():
        try:
            saved = services.save_school(_school_data(form), school)
        except services.AdminError as exc:
            db.session.rollback()
            getattr(form, exc.field).errors.append(ADMIN_MESSAGES[exc.message_id]())
        else:
            db.session.commit()
            flash(_("School %(name)s saved.", name=saved.name), "success")
            return redirect(url_for("admin.schools"))
    return render_template("admin/school_form.html", form=form, school=school), (400 if form.errors else 200)


@bp.route("/users")
@requires(Action.MANAGE_USER)
def users():
    role = request.args.get("role", "")
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    query = select(User).order_by(User.role, User.username)
    if role in {r.value for r in Role}:
        query = query.where(User.role == Role(role))
    pagination = db.paginate(query, page=page, per_page=USERS_PER_PAGE, error_out=False)
    return render_template("admin/users.html", pagination=pagination, role=role, roles=list(Role), confirm=ConfirmForm())


@bp.route("/users/new", methods=["GET", "POST"])
@requires(Action.MANAGE_USER)
def user_new():
    form = UserForm()
    form.school_id.choices = _school_choices()
    if form.validate_on_submit():
        data = services.NewUserData(
            username=form.username.data, display_name=form.display_name.data, role=Role(form.role.data),
            school_id=form.school_id.data or None, email=form.email.data,
            preferred_language=form.preferred_language.data, under_14=form.under_14.data,
        )
        try:
            user, password = services.create_user(data)
        except services.AdminError as exc:
            db.session.rollback()
            getattr(form, exc.field).errors.append(ADMIN_MESSAGES[exc.message_id]())
        else:
            db.session.commit()
            return render_template("admin/password_shown.html", user=user, password=password, created=True)
    return render_template("admin/user_form.html", form=form), (400 if form.errors else 200)


@bp.route("/users/<int:user_id>/reset-password", methods=["POST"])
@requires(Action.MANAGE_USER)
def user_reset_password(user_id: int):
    user = get_or_404_for(User, user_id, Action.MANAGE_USER)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    password = services.reset_password(user)
    db.session.commit()
    return render_template("admin/password_shown.html", user=user, password=password, created=False)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@requires(Action.MANAGE_USER)
def user_set_active(user_id: int):
    user = get_or_404_for(User, user_id, Action.MANAGE_USER)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.set_active(current_user, user, not user.active)
    except services.AdminError as exc:
        db.session.rollback()
        flash(ADMIN_MESSAGES[exc.message_id](), "error")
    else:
        db.session.commit()
        if user.active:
            flash(_("%(name)s can sign in again.", name=user.display_name), "success")
        else:
            flash(_("%(name)s has been deactivated.", name=user.display_name), "success")
    return redirect(url_for("admin.users"))


@bp.route("/classes")
@requires(Action.MANAGE_SCHOOL)
def classrooms():
    rows = db.session.scalars(
        select(Classroom).options(selectinload(Classroom.school), selectinload(Classroom.memberships).selectinload(Membership.user))
        .order_by(Classroom.school_year.desc(), Classroom.school_id, Classroom.level, Classroom.year, Classroom.section)
    ).all()
    return render_template("admin/classrooms.html", classrooms=rows)


@bp.route("/classes/new", methods=["GET", "POST"])
@requires(Action.MANAGE_SCHOOL)
def classroom_new():
    form = ClassroomForm()
    form.school_id.choices = _school_choices()
    teachers = db.session.scalars(select(User).options(selectinload(User.school)).where(User.role == Role.TEACHER).order_by(User.display_name))
    form.teacher_ids.choices = [SelectChoice(t.id, f"{t.display_name} ({t.school.name if t.school else '—'})") for t in teachers]
    if form.validate_on_submit():
        data = services.ClassroomData(
            school_id=form.school_id.data, level=SchoolLevel(form.level.data), year=form.year.data,
            section=form.section.data, school_year=form.school_year.data.strip(), teacher_ids=form.teacher_ids.data or [],
        )
        try:
            room = services.create_classroom(data)
        except services.AdminError as exc:
            db.session.rollback()
            getattr(form, exc.field).errors.append(ADMIN_MESSAGES[exc.message_id]())
        else:
            db.session.commit()
            flash(_("Class %(name)s created. Join code: %(code)s", name=room.short_name, code=room.join_code), "success")
            return redirect(url_for("admin.classrooms"))
    return render_template("admin/classroom_form.html", form=form), (400 if form.errors else 200)
