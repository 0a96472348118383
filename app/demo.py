"""The demo world: two Milan schools in different municipi, three teachers, four classes at
different levels, sixty pseudonymous students, one programme officer and one administrator.

``load_demo`` is idempotent: rows are found by their natural keys (school code, username, class
identity) and created only when missing, so running it twice leaves the same world. Students
carry pseudonyms (animal + colour), never real names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.admin.services import ClassroomData, create_classroom
from app.auth.passwords import hash_password
from app.extensions import db
from app.models import ClassRole, Classroom, Membership, Role, School, SchoolLevel, User
from app.teach.accounts import ANIMALS as PSEUDONYM_ANIMALS
from app.teach.accounts import COLOURS as PSEUDONYM_COLOURS

DEMO_PASSWORD = "officina-demo"
DEMO_SCHOOL_YEAR = "2026/27"

SCHOOLS = [
    ("MIIC8DV001", "Istituto Comprensivo Leonardo da Vinci", "Milano", "Municipio 3",
     [SchoolLevel.PRIMARIA, SchoolLevel.SECONDARIA_PRIMO]),
    ("MIIS09200G", "IIS Galileo Galilei", "Milano", "Municipio 8", [SchoolLevel.SECONDARIA_SECONDO]),
]

STAFF = [
    ("admin", "Amministrazione Officina", Role.ADMIN, None),
    ("staff.comune", "Chiara Fontana (Ufficio programma)", Role.STAFF, None),
    ("prof.rossi", "Giulia Rossi", Role.TEACHER, "MIIC8DV001"),
    ("prof.bianchi", "Marco Bianchi", Role.TEACHER, "MIIC8DV001"),
    ("prof.esposito", "Anna Esposito", Role.TEACHER, "MIIS09200G"),
]

# (school code, level, year, section, teachers, number of students, students under 14)
CLASSES = [
    ("MIIC8DV001", SchoolLevel.PRIMARIA, 4, "A", ["prof.rossi"], 15, True),
    ("MIIC8DV001", SchoolLevel.SECONDARIA_PRIMO, 2, "B", ["prof.rossi", "prof.bianchi"], 15, True),
    ("MIIC8DV001", SchoolLevel.SECONDARIA_PRIMO, 3, "C", ["prof.bianchi"], 14, True),
    ("MIIS09200G", SchoolLevel.SECONDARIA_SECONDO, 3, "A", ["prof.esposito"], 16, False),
]

# The first words of the teachers' pseudonym generator (app.teach.accounts), so the demo's names
# are the kind a class really gets.
ANIMALS = PSEUDONYM_ANIMALS[:16]
COLOURS = PSEUDONYM_COLOURS[:4]  # invariable in Italian: agree with every animal
# Everyone has joined this class: its teacher locked the join code (the class page shows it so).
LOCKED_JOIN_CODE = ("MIIS09200G", SchoolLevel.SECONDARIA_SECONDO, 3, "A")


@dataclass
class DemoSummary:
    schools: int = 0
    classrooms: int = 0
    students: int = 0
    logins: list[tuple[str, str, str]] = field(default_factory=list)


def _school(code: str, name: str, city: str, district: str, levels: list[SchoolLevel]) -> School:
    school = db.session.scalar(select(School).where(School.code == code))
    if school is None:
        school = School(code=code, name=name, city=city, district=district)
        school.levels = levels
        db.session.add(school)
    return school


def _user(username: str, name: str, role: Role, school: School | None, password_hash: str, under_14: bool = False) -> User:
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        user = User(username=username, display_name=name, role=role, school=school, password_hash=password_hash,
                    under_14=under_14, preferred_language="it", active=True)
        db.session.add(user)
    return user


def _classroom(school: School, level: SchoolLevel, year: int, section: str, teachers: list[User]) -> Classroom:
    room = db.session.scalar(
        select(Classroom).where(
            Classroom.school_id == school.id, Classroom.level == level, Classroom.year == year,
            Classroom.section == section, Classroom.school_year == DEMO_SCHOOL_YEAR,
        )
    )
    if room is None:
        room = create_classroom(ClassroomData(school.id, level, year, section, DEMO_SCHOOL_YEAR, [t.id for t in teachers]))
    return room


def _member(user: User, room: Classroom, role: ClassRole) -> None:
    if not any(m.classroom_id == room.id for m in user.memberships):
        db.session.add(Membership(user=user, classroom=room, role=role))


def student_pseudonyms(count: int, offset: int) -> list[tuple[str, str]]:
    """Deterministic pseudonyms: ('lince.blu', 'Lince Blu'), unique across the demo."""
    names = []
    for index in range(offset, offset + count):
        animal = ANIMALS[index % len(ANIMALS)]
        colour = COLOURS[(index // len(ANIMALS)) % len(COLOURS)]
        names.append((f"{animal}.{colour}", f"{animal.capitalize()} {colour.capitalize()}"))
    return names


def load_demo() -> DemoSummary:
    """Create whatever part of the demo world is missing; flush, never commit."""
    password_hash = hash_password(DEMO_PASSWORD)  # one hash for the demo: it is public anyway
    summary = DemoSummary()
    schools = {code: _school(code, name, city, district, levels) for code, name, city, district, levels in SCHOOLS}
    db.session.flush()
    people = {}
    for username, name, role, school_code in STAFF:
        people[username] = _user(username, name, role, schools.get(school_code), password_hash)
        summary.logins.append((role.value, username, name))
    db.session.flush()
    offset = 0
    for code, level, year, section, teachers, size, under_14 in CLASSES:
        room = _classroom(schools[code], level, year, section, [people[t] for t in teachers])
        if (code, level, year, section) == LOCKED_JOIN_CODE:
            room.join_locked = True
        for teacher in teachers:
            _member(people[teacher], room, ClassRole.TEACHER)
        pseudonyms = student_pseudonyms(size, offset)
        for index, (username, name) in enumerate(pseudonyms):
            student = _user(username, name, Role.STUDENT, schools[code], password_hash, under_14=under_14)
            db.session.flush()
            _member(student, room, ClassRole.STUDENT)
            if index == 0:
                summary.logins.append(("student", username, f"{name} ({room.short_name})"))
        offset += size
        summary.classrooms += 1
        summary.students += size
    summary.schools = len(schools)
    db.session.flush()
    return summary
