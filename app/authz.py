"""THE access policy. Every view asks ``can(user, action, obj)`` (or one of the helpers below,
which ask it); nothing else in Officina decides who may do what, and templates only ask it too.

Roles land on their own areas: students learn, teachers teach, programme staff follow the
programme, administrators administer. Object rules (a teacher sees only classes they teach) live
here beside the role rules, so the route × role test in ``tests/test_authz_matrix.py`` exercises
one function.
"""

from __future__ import annotations

import enum
from functools import wraps
from typing import Any, Callable, TypeVar

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from app.models import Assignment, Attempt, ClassRole, Classroom, Membership, Role, School, Upload, User


class Action(enum.Enum):
    CHANGE_OWN_PASSWORD = "change_own_password"
    USE_LEARNING_AREA = "use_learning_area"
    USE_TEACHING_AREA = "use_teaching_area"
    VIEW_CLASSROOM = "view_classroom"
    CREATE_CLASSROOM = "create_classroom"
    MANAGE_CLASSROOM = "manage_classroom"
    MANAGE_STUDENT = "manage_student"
    JOIN_CLASSROOM = "join_classroom"
    USE_PROGRAMME_AREA = "use_programme_area"
    BROWSE_CATALOG = "browse_catalog"
    VIEW_TEACHER_MATERIAL = "view_teacher_material"
    ADMINISTER = "administer"
    MANAGE_SCHOOL = "manage_school"
    MANAGE_USER = "manage_user"
    # Class work (assignments, drafts, attempts, comments, uploads)
    DO_CLASSWORK = "do_classwork"
    VIEW_ASSIGNMENT = "view_assignment"
    MANAGE_ASSIGNMENT = "manage_assignment"
    VIEW_ATTEMPT = "view_attempt"
    REVIEW_ATTEMPT = "review_attempt"
    VIEW_UPLOAD = "view_upload"
    # Skills record, dashboards, data protection
    VIEW_OWN_SKILLS = "view_own_skills"
    VIEW_DASHBOARDS = "view_dashboards"
    MANAGE_STUDENT_DATA = "manage_student_data"  # export or delete one student's data
    READ_AUDIT_LOG = "read_audit_log"


# Role-level permissions: which roles may take each action at all (before object rules).
ROLE_ACTIONS: dict[Action, frozenset[Role]] = {
    Action.CHANGE_OWN_PASSWORD: frozenset(Role),
    Action.USE_LEARNING_AREA: frozenset({Role.STUDENT}),
    Action.USE_TEACHING_AREA: frozenset({Role.TEACHER}),
    Action.VIEW_CLASSROOM: frozenset({Role.TEACHER}),
    Action.CREATE_CLASSROOM: frozenset({Role.TEACHER}),
    Action.MANAGE_CLASSROOM: frozenset({Role.TEACHER}),
    Action.MANAGE_STUDENT: frozenset({Role.TEACHER}),
    Action.JOIN_CLASSROOM: frozenset({Role.STUDENT}),
    Action.USE_PROGRAMME_AREA: frozenset({Role.STAFF}),
    Action.BROWSE_CATALOG: frozenset(Role),
    # Teacher notes, lab solutions and quiz answers: never students.
    Action.VIEW_TEACHER_MATERIAL: frozenset({Role.TEACHER, Role.STAFF}),
    Action.ADMINISTER: frozenset(),
    Action.MANAGE_SCHOOL: frozenset(),
    Action.MANAGE_USER: frozenset(),
    Action.DO_CLASSWORK: frozenset({Role.STUDENT}),
    Action.VIEW_ASSIGNMENT: frozenset({Role.STUDENT, Role.TEACHER}),
    Action.MANAGE_ASSIGNMENT: frozenset({Role.TEACHER}),
    Action.VIEW_ATTEMPT: frozenset({Role.STUDENT, Role.TEACHER}),
    Action.REVIEW_ATTEMPT: frozenset({Role.TEACHER}),
    Action.VIEW_UPLOAD: frozenset({Role.STUDENT, Role.TEACHER}),
    Action.VIEW_OWN_SKILLS: frozenset({Role.STUDENT}),
    Action.VIEW_DASHBOARDS: frozenset({Role.STAFF}),
    # Teachers of a class the student is in (object rule below); administrators always.
    Action.MANAGE_STUDENT_DATA: frozenset({Role.TEACHER}),
    Action.READ_AUDIT_LOG: frozenset(),
}

HOME_ENDPOINTS: dict[Role, str] = {
    Role.STUDENT: "learn.home",
    Role.TEACHER: "teach.home",
    Role.STAFF: "program.home",
    Role.ADMIN: "admin.home",
}


def can(user: Any, action: Action, obj: object | None = None) -> bool:
    """May ``user`` take ``action`` on ``obj``? Without ``obj``: may their role take it at all.

    Anonymous and inactive users may do nothing; administrators may do everything.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "active", False):
        return False
    if user.role is Role.ADMIN:
        return True
    if user.role not in ROLE_ACTIONS[action]:
        return False
    match action, obj:
        case Action.VIEW_CLASSROOM, Classroom() as room:
            return room.has_member(user, ClassRole.TEACHER)
        case Action.CREATE_CLASSROOM, School() as school:
            return user.school_id == school.id
        case Action.MANAGE_CLASSROOM, Classroom() as room:
            # Every teacher of the class (co-teachers too) manages it; an archived class is read-only.
            return not room.archived and room.has_member(user, ClassRole.TEACHER)
        case Action.MANAGE_STUDENT, Membership() as membership:
            return membership.role is ClassRole.STUDENT and can(user, Action.MANAGE_CLASSROOM, membership.classroom)
        case Action.JOIN_CLASSROOM, Classroom() as room:
            return not room.archived and not room.join_locked and room.school_id == user.school_id
        case Action.VIEW_ASSIGNMENT, Assignment() as assignment:
            if user.role is Role.TEACHER:
                return assignment.classroom.has_member(user, ClassRole.TEACHER)
            return not assignment.classroom.archived and assignment.is_for(user)
        case Action.MANAGE_ASSIGNMENT, Classroom() as room:
            return can(user, Action.MANAGE_CLASSROOM, room)
        case Action.MANAGE_ASSIGNMENT, Assignment() as assignment:
            return can(user, Action.MANAGE_CLASSROOM, assignment.classroom)
        case Action.VIEW_ATTEMPT, Attempt() as attempt:
            if user.role is Role.STUDENT:
                return attempt.user_id == user.id
            return teaches_student(user, attempt.user)
        case Action.REVIEW_ATTEMPT, Attempt() as attempt:
            return teaches_student(user, attempt.user, active_only=True)
        case Action.VIEW_UPLOAD, Upload() as upload:
            if user.role is Role.STUDENT:
                return upload.user_id == user.id
            return teaches_student(user, upload.attempt.user if upload.attempt else None)
        case Action.MANAGE_STUDENT_DATA, User() as student:
            return student.role is Role.STUDENT and teaches_student(user, student, active_only=True)
        case (Action.CREATE_CLASSROOM | Action.MANAGE_CLASSROOM | Action.MANAGE_STUDENT | Action.JOIN_CLASSROOM
              | Action.VIEW_ASSIGNMENT | Action.MANAGE_ASSIGNMENT | Action.VIEW_ATTEMPT | Action.REVIEW_ATTEMPT
              | Action.VIEW_UPLOAD | Action.MANAGE_STUDENT_DATA, _) if obj is not None:
            return False
    return True


def teaches_student(teacher: Any, student: User | None, active_only: bool = False) -> bool:
    """Does ``teacher`` teach a class ``student`` is a student of (a class not archived, when
    ``active_only``)? A teacher's view of a student's work stops at their own classes."""
    if student is None:
        return False
    return any(m.role is ClassRole.STUDENT and m.classroom.has_member(teacher, ClassRole.TEACHER)
               and not (active_only and m.classroom.archived) for m in student.memberships)


def has_own_classwork(user: Any) -> bool:
    """Are drafts, Submit and "my work" offered to ``user``? Students only: administrators may
    take any action, but they have no class work of their own."""
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) is Role.STUDENT \
        and can(user, Action.DO_CLASSWORK)


def home_endpoint(user: User) -> str:
    """The endpoint each role lands on after signing in."""
    return HOME_ENDPOINTS[user.role]


def authorize(action: Action, obj: object | None = None) -> None:
    """Abort the request unless the current user may take ``action``: 401 flow for anonymous
    users (redirect to sign-in), 403 for everyone else."""
    if not current_user.is_authenticated:
        from app.extensions import login_manager

        abort(login_manager.unauthorized())
    if not can(current_user, action, obj):
        abort(403)


ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])


def requires(action: Action) -> Callable[[ViewFunc], ViewFunc]:
    """Decorate a view that needs a role-level permission."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            authorize(action)
            return view(*args, **kwargs)

        wrapped.required_action = action  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


ModelT = TypeVar("ModelT", Assignment, Attempt, Classroom, School, Upload, User)


def get_or_404_for(model: type[ModelT], ident: int, action: Action) -> ModelT:
    """Load one row and enforce ``action`` on it: 404 if missing, 403 if not allowed."""
    authorize(action)
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    authorize(action, obj)
    return obj


def get_student_membership_or_404(classroom_id: int, student_id: int, action: Action) -> Membership:
    """A student's place in a class, with ``action`` enforced on it: 404 when that student is not
    in that class (a guessed pair of ids reveals nothing), 403 when the class is not the user's."""
    authorize(action)
    membership = db.session.scalar(
        select(Membership).where(Membership.classroom_id == classroom_id, Membership.user_id == student_id,
                                 Membership.role == ClassRole.STUDENT)
    )
    if membership is None:
        abort(404)
    authorize(action, membership)
    return membership
