"""Administrative operations as plain functions.

They validate what forms cannot (uniqueness, consistency), raise ``AdminError`` subclasses that
name the offending field, and flush without committing. Uniqueness is checked before the insert
for a friendly message and enforced again by the database's unique indexes; an ``IntegrityError``
from a concurrent insert is translated into the same domain error.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.auth.passwords import generate_password, hash_password
from app.extensions import db
from app.models import ClassRole, Classroom, Membership, Role, School, SchoolLevel, User
from app.models.classroom import SECTION_PATTERN, is_valid_school_year, is_valid_year_for_level
from app.models.school import is_valid_school_code, normalise_school_code
from app.models.user import new_session_token, normalise_username

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


class AdminError(Exception):
    """An administrative request that cannot be carried out; ``field`` names the form field."""

    field: str = ""

    def __init__(self, message_id: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id


class DuplicateSchoolCode(AdminError):
    field = "code"


class InvalidSchoolCode(AdminError):
    field = "code"


class DuplicateUsername(AdminError):
    field = "username"


class InvalidUsername(AdminError):
    field = "username"


class SchoolRequired(AdminError):
    field = "school_id"


@dataclass(frozen=True)
class SchoolData:
    name: str
    code: str
    city: str
    district: str
    levels: list[SchoolLevel]


@dataclass(frozen=True)
class NewUserData:
    username: str
    display_name: str
    role: Role
    school_id: int | None
    email: str | None
    preferred_language: str = "it"
    under_14: bool = False


def _flush_unique(error: AdminError) -> None:
    """Flush; a unique index violated by a concurrent insert becomes ``error`` (caller rolls back)."""
    try:
        db.session.flush()
    except IntegrityError as exc:
        raise error from exc


def save_school(data: SchoolData, school: School | None = None) -> School:
    """Create a school (or update ``school``). Raises InvalidSchoolCode, DuplicateSchoolCode."""
    code = normalise_school_code(data.code)
    if not is_valid_school_code(code):
        raise InvalidSchoolCode("invalid_school_code")
    clash = db.session.scalar(select(School).where(School.code == code))
    if clash is not None and clash is not school:
        raise DuplicateSchoolCode("duplicate_school_code")
    if school is None:
        school = School()
        db.session.add(school)
    school.name = data.name.strip()
    school.code = code
    school.city = data.city.strip()
    school.district = data.district.strip()
    school.levels = list(data.levels)
    _flush_unique(DuplicateSchoolCode("duplicate_school_code"))
    return school


def create_user(data: NewUserData) -> tuple[User, str]:
    """Create an account with a generated password; return the user and that password (shown once).

    Students and teachers must belong to a school. Raises InvalidUsername, DuplicateUsername,
    SchoolRequired.
    """
    username = normalise_username(data.username)
    if not (3 <= len(username) <= 64) or not set(username) <= USERNAME_CHARS:
        raise InvalidUsername("invalid_username")
    if db.session.scalar(select(func.count(User.id)).where(User.username == username)):
        raise DuplicateUsername("duplicate_username")
    if data.role in (Role.STUDENT, Role.TEACHER) and data.school_id is None:
        raise SchoolRequired("school_required")
    password = generate_password()
    user = User(
        username=username,
        display_name=data.display_name.strip(),
        role=data.role,
        school_id=data.school_id,
        email=(data.email or "").strip() or None,
        preferred_language=data.preferred_language,
        under_14=data.under_14 if data.role is Role.STUDENT else False,
        password_hash=hash_password(password),
        active=True,
    )
    db.session.add(user)
    _flush_unique(DuplicateUsername("duplicate_username"))
    return user, password


def reset_password(user: User) -> str:
    """Give ``user`` a new random password, end their sessions and return it (shown once)."""
    password = generate_password()
    user.password_hash = hash_password(password)
    user.session_token = new_session_token()
    db.session.flush()
    return password


def set_active(actor: User, user: User, active: bool) -> None:
    """Activate or deactivate an account; deactivation ends its sessions. Nobody deactivates themselves."""
    if actor.id == user.id and not active:
        raise AdminError("cannot_deactivate_self")
    user.active = active
    if not active:
        user.session_token = new_session_token()
    db.session.flush()


class InvalidClassroom(AdminError):
    """``field`` is set per instance: the level/year/section/school-year problem it names."""

    def __init__(self, message_id: str, field: str) -> None:
        super().__init__(message_id)
        self.field = field


class DuplicateClassroom(AdminError):
    field = "section"


@dataclass(frozen=True)
class ClassroomData:
    school_id: int
    level: SchoolLevel
    year: int
    section: str
    school_year: str
    teacher_ids: list[int]


def create_classroom(data: ClassroomData) -> Classroom:
    """Create a class and enrol its teachers.

    Raises InvalidClassroom (a level the school does not offer, a year that does not exist at that
    level, a malformed section or school year, a teacher from another school) or DuplicateClassroom.
    """
    school = db.session.get(School, data.school_id)
    if school is None:
        raise InvalidClassroom("unknown_school", "school_id")
    if data.level not in school.levels:
        raise InvalidClassroom("level_not_offered", "level")
    if not is_valid_year_for_level(data.level, data.year):
        raise InvalidClassroom("year_not_in_level", "year")
    section = data.section.strip().upper()
    if not SECTION_PATTERN.match(section):
        raise InvalidClassroom("invalid_section", "section")
    if not is_valid_school_year(data.school_year):
        raise InvalidClassroom("invalid_school_year", "school_year")
    teachers = list(db.session.scalars(select(User).where(User.id.in_(data.teacher_ids)))) if data.teacher_ids else []
    if any(t.role is not Role.TEACHER or t.school_id != school.id for t in teachers):
        raise InvalidClassroom("teacher_other_school", "teacher_ids")
    clash = db.session.scalar(
        select(func.count(Classroom.id)).where(
            Classroom.school_id == school.id, Classroom.level == data.level, Classroom.year == data.year,
            Classroom.section == section, Classroom.school_year == data.school_year,
        )
    )
    if clash:
        raise DuplicateClassroom("duplicate_classroom")
    room = Classroom(school=school, level=data.level, year=data.year, section=section, school_year=data.school_year)
    db.session.add(room)
    for teacher in teachers:
        db.session.add(Membership(user=teacher, classroom=room, role=ClassRole.TEACHER))
    _flush_unique(DuplicateClassroom("duplicate_classroom"))
    return room
