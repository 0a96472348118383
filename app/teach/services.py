"""The teaching area's operations: the teacher's class list, creating a class, co-teachers,
archiving, the join code (lock, regenerate, join with it) and importing a class list.

Plain functions with explicit arguments that raise ``TeachError`` subclasses (a message id and
the form field it concerns) and flush without committing: the view commits once, or rolls back.
Who may call them is decided by ``app.authz.can`` before they run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import aliased

from app.admin.services import AdminError, ClassroomData, create_classroom
from app.authz import Action, can
from app.extensions import db
from app.models import ClassRole, Classroom, Membership, Role, School, SchoolLevel, User
from app.models.classroom import new_join_code
from app.teach.accounts import AccountError, Credential, NewStudent, create_students
from app.teach.roster import ClassListTable, StudentRow, build_rows, mapping_problems


@dataclass(frozen=True)
class TaughtClass:
    """One row of the teacher's class list: what the page shows, read in a single query."""

    id: int
    level: SchoolLevel
    year: int
    section: str
    school_year: str
    join_code: str
    school_name: str
    student_count: int
    archived: bool
    join_locked: bool

    @property
    def short_name(self) -> str:
        return f"{self.year}{self.section}"


def _taught_query():
    students = aliased(Membership)
    student_count = (
        select(func.count(students.id))
        .where(students.classroom_id == Classroom.id, students.role == ClassRole.STUDENT)
        .correlate(Classroom)
        .scalar_subquery()
    )
    return (
        select(Classroom.id, Classroom.level, Classroom.year, Classroom.section, Classroom.school_year,
               Classroom.join_code, School.name, student_count, Classroom.archived, Classroom.join_locked)
        .join(Membership, Membership.classroom_id == Classroom.id)
        .join(School, School.id == Classroom.school_id)
        .where(Membership.user_id == bindparam("teacher_id"), Membership.role == ClassRole.TEACHER,
               or_(Classroom.archived.is_(False), bindparam("include_archived")))
        .order_by(Classroom.school_year.desc(), Classroom.level, Classroom.year, Classroom.section)
    )


# Built once: this is every teacher's home page, and building the statement cost more than running it.
_TAUGHT = _taught_query()


def classrooms_taught(teacher: User, include_archived: bool = False) -> list[TaughtClass]:
    """The classes ``teacher`` teaches with their student counts, current school year first.

    One query whatever the number of classes (this is the teacher's home page: keep it cheap).
    """
    rows = db.session.execute(_TAUGHT, {"teacher_id": teacher.id, "include_archived": include_archived})
    return [TaughtClass(*row) for row in rows]


class TeachError(Exception):
    """A teaching request that cannot be carried out; ``field`` names the form field, if any."""

    field: str = ""

    def __init__(self, message_id: str, field: str = "") -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.field = field or self.field


def schools_for_teacher(teacher: User) -> list[School]:
    """The schools where ``teacher`` may open a class (their own; all of them for an administrator)."""
    query = select(School).order_by(School.name)
    if teacher.role is not Role.ADMIN:
        query = query.where(School.id == teacher.school_id)
    return list(db.session.scalars(query))


def create_own_classroom(teacher: User, school: School, level: SchoolLevel, year: int, section: str,
                         school_year: str) -> Classroom:
    """Create a class taught by ``teacher``. Raises TeachError with the offending field."""
    data = ClassroomData(school.id, level, year, section, school_year,
                         [teacher.id] if teacher.role is Role.TEACHER else [])
    try:
        return create_classroom(data)
    except AdminError as exc:
        raise TeachError(exc.message_id, exc.field) from exc


def colleagues_for(room: Classroom) -> list[User]:
    """Teachers of the class's school who do not teach it yet: the co-teachers one may add."""
    present = {m.user_id for m in room.memberships}
    query = (select(User).where(User.role == Role.TEACHER, User.school_id == room.school_id, User.active.is_(True))
             .order_by(User.display_name))
    return [user for user in db.session.scalars(query) if user.id not in present]


def add_co_teacher(room: Classroom, teacher_id: int) -> User:
    """Add another teacher of the same school to the class. Raises TeachError."""
    colleague = db.session.get(User, teacher_id)
    if colleague is None or colleague.role is not Role.TEACHER or colleague.school_id != room.school_id:
        raise TeachError("teacher_other_school", "teacher_id")
    if room.has_member(colleague):
        raise TeachError("already_teaches", "teacher_id")
    db.session.add(Membership(user=colleague, classroom=room, role=ClassRole.TEACHER))
    db.session.flush()
    return colleague


def remove_co_teacher(room: Classroom, teacher_id: int) -> User:
    """Take a teacher off the class (a co-teacher leaving, or oneself); the class keeps at least
    one teacher. Their comments and reviews stay in the record. Raises TeachError."""
    membership = next((m for m in room.memberships if m.user_id == teacher_id and m.role is ClassRole.TEACHER), None)
    if membership is None:
        raise TeachError("not_a_teacher_of_class")
    if len(room.teachers) <= 1:
        raise TeachError("last_teacher")
    teacher = membership.user
    room.memberships.remove(membership)
    db.session.flush()
    return teacher


def archive_classroom(room: Classroom) -> None:
    """End of the year: the class becomes read-only and its join code stops working."""
    room.archived = True
    room.join_locked = True
    db.session.flush()


def set_join_locked(room: Classroom, locked: bool) -> None:
    room.join_locked = locked
    db.session.flush()


def regenerate_join_code(room: Classroom) -> str:
    """A new join code (the old one stops working at once)."""
    for _ in range(10):
        code = new_join_code()
        if db.session.scalar(select(Classroom.id).where(Classroom.join_code == code)) is None:
            room.join_code = code
            db.session.flush()
            return code
    raise TeachError("no_free_code")


def normalise_join_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:16]


def classroom_for_code(code: str) -> Classroom:
    """The class with this join code. Raises TeachError('unknown_code')."""
    room = db.session.scalar(select(Classroom).where(Classroom.join_code == normalise_join_code(code)))
    if room is None:
        raise TeachError("unknown_code", "code")
    return room


def join_with_code(student: User, code: str) -> Classroom:
    """Enrol ``student`` in the class with this code.

    Raises TeachError: 'unknown_code' (also for a class the student may not join, such as another
    school's: the answer reveals nothing), 'code_locked', 'already_member'.
    """
    room = classroom_for_code(code)
    if room.join_locked and not room.archived and room.school_id == student.school_id:
        raise TeachError("code_locked", "code")
    if not can(student, Action.JOIN_CLASSROOM, room):
        raise TeachError("unknown_code", "code")
    if room.has_member(student):
        raise TeachError("already_member", "code")
    db.session.add(Membership(user=student, classroom=room, role=ClassRole.STUDENT))
    db.session.flush()
    return room


def existing_student_names(room: Classroom) -> set[str]:
    return {student.display_name.lower() for student in room.students}


def import_class_list(room: Classroom, table: ClassListTable, mapping: list[str], default_under_14: bool,
                      username_style: str, today: date) -> tuple[list[StudentRow], list[Credential]]:
    """Validate every row of the list, then create all the accounts, or none.

    Returns the rows (with their errors) and the credentials; when any row or the mapping is wrong
    no account is created and the credentials list is empty. Raises TeachError for a mapping that
    cannot work as a whole.
    """
    problems = mapping_problems(mapping)
    if problems:
        raise TeachError(problems[0])
    rows = build_rows(table, mapping, today, existing_student_names(room))
    if not rows:
        raise TeachError("no_rows")
    if any(row.errors for row in rows):
        return rows, []
    students = [NewStudent(row.display_name, default_under_14 if row.under_14 is None else row.under_14,
                           row.first_name, row.surname) for row in rows]
    try:
        return rows, create_students(room, students, username_style)
    except AccountError as exc:
        raise TeachError(exc.message_id) from exc
