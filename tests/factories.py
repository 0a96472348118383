"""Factory functions for tests: small builders plus one canned world.

Users get one shared, precomputed Argon2 hash of ``PASSWORD`` so tests stay fast while still
signing in through the real password check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.auth.passwords import hash_password
from app.extensions import db
from app.models import (Assignment, Attempt, AttemptStatus, ClassRole, Classroom, Comment, Membership, Role, School,
                        SchoolLevel, User)

PASSWORD = "correct horse battery"


@lru_cache(maxsize=1)
def password_hash() -> str:
    return hash_password(PASSWORD)


def gen_school(code: str = "MIIC8AB001", name: str = "IC Test", district: str = "Municipio 1",
               levels: tuple[SchoolLevel, ...] = tuple(SchoolLevel)) -> School:
    school = School(code=code, name=name, city="Milano", district=district)
    school.levels = list(levels)
    db.session.add(school)
    db.session.flush()
    return school


def gen_user(username: str, role: Role, school: School | None = None, **fields) -> User:
    user = User(username=username, display_name=fields.pop("display_name", username.title()), role=role,
                school=school, password_hash=password_hash(), **fields)
    db.session.add(user)
    db.session.flush()
    return user


def gen_classroom(school: School, level: SchoolLevel = SchoolLevel.SECONDARIA_PRIMO, year: int = 2,
                  section: str = "B", school_year: str = "2026/27") -> Classroom:
    room = Classroom(school=school, level=level, year=year, section=section, school_year=school_year)
    db.session.add(room)
    db.session.flush()
    return room


def enrol(user: User, room: Classroom, role: ClassRole) -> Membership:
    membership = Membership(user=user, classroom=room, role=role)
    db.session.add(membership)
    db.session.flush()
    return membership


@dataclass
class World:
    school: School
    other_school: School
    classroom: Classroom
    other_classroom: Classroom
    student: User
    other_student: User
    teacher: User
    other_teacher: User
    staff: User
    admin: User
    target: User  # an extra account for admin actions (reset, deactivate)
    assignment: Assignment  # classroom: WORLD_MODULE (a quiz and two labs)
    project_assignment: Assignment  # classroom: WORLD_PROJECT_MODULE's project
    attempt: Attempt  # the student's failed attempt at WORLD_LAB, with one comment
    other_attempt: Attempt  # other_student's attempt at WORLD_LAB
    lab_slug: str = "blink"
    quiz_slug: str = "verifica-led"

    def by_role(self, role: str) -> User | None:
        return {"anonymous": None, "student": self.student, "teacher": self.teacher,
                "staff": self.staff, "admin": self.admin}[role]


def make_world() -> World:
    school = gen_school()
    other_school = gen_school("MIIS09200G", "IIS Altro", "Municipio 8", (SchoolLevel.SECONDARIA_SECONDO,))
    room = gen_classroom(school)
    other_room = gen_classroom(other_school, SchoolLevel.SECONDARIA_SECONDO, 3, "A")
    student = gen_user("studente.uno", Role.STUDENT, school, under_14=True)
    other_student = gen_user("studente.due", Role.STUDENT, other_school)
    teacher = gen_user("prof.uno", Role.TEACHER, school)
    other_teacher = gen_user("prof.due", Role.TEACHER, other_school)
    staff = gen_user("staff.uno", Role.STAFF)
    admin = gen_user("admin.uno", Role.ADMIN)
    target = gen_user("bersaglio", Role.TEACHER, school)
    enrol(student, room, ClassRole.STUDENT)
    enrol(teacher, room, ClassRole.TEACHER)
    enrol(other_student, other_room, ClassRole.STUDENT)
    enrol(other_teacher, other_room, ClassRole.TEACHER)
    assignment = Assignment(classroom=room, module_slug=WORLD_MODULE, created_by_id=teacher.id)
    project_assignment = Assignment(classroom=room, module_slug=WORLD_PROJECT_MODULE,
                                    activity_slug=WORLD_PROJECT, created_by_id=teacher.id)
    other_assignment = Assignment(classroom=other_room, module_slug=WORLD_MODULE, created_by_id=other_teacher.id)
    attempt = gen_lab_attempt(student, assignment, "world-attempt-1")
    other_attempt = gen_lab_attempt(other_student, other_assignment, "world-attempt-2")
    db.session.add_all([assignment, project_assignment, other_assignment])
    db.session.add(Comment(attempt=attempt, author_id=teacher.id, body="Controlla il tempo di attesa."))
    db.session.commit()
    return World(school, other_school, room, other_room, student, other_student, teacher, other_teacher, staff, admin,
                 target, assignment, project_assignment, attempt, other_attempt)


WORLD_MODULE = "led-uscite-digitali"
WORLD_PROJECT_MODULE, WORLD_PROJECT = "design-thinking", "prototipo-e-test"
WORLD_LAB_CODE = "from machine import Pin\nimport time\nled = Pin(25, Pin.OUT)\nled.on()\n"


def gen_lab_attempt(student: User, assignment: Assignment | None, key: str, passed: bool = False) -> Attempt:
    """A graded blink attempt as the server would have stored it (one check)."""
    check = {"id": "blinks", "passed": passed, "message": {"it": "Il LED lampeggia", "en": "The LED blinks"},
             "hint": {}, "detail": "", "measured": {"it": "0 cambi", "en": "0 changes"}, "cause": None, "line": 4}
    attempt = Attempt(user=student, assignment=assignment, activity_key="lab:blink", kind="lab", board="pico",
                      code=WORLD_LAB_CODE, idempotency_key=key, score=int(passed), max_score=1,
                      status=AttemptStatus.PASSED if passed else AttemptStatus.FAILED,
                      result={"lab": "blink", "lang": "it", "checks": [check], "worlds": [],
                              "run": {"board": "pico", "error": None, "stdout": "", "sim_time_us": 1000, "events": [],
                                      "outcome": "done", "notice": {}}})
    db.session.add(attempt)
    return attempt


CSRF_PATTERN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str) -> str:
    """Fetch ``path`` and return the CSRF token from its first form."""
    html = client.get(path).get_data(as_text=True)
    match = CSRF_PATTERN.search(html)
    assert match, f"no CSRF token on {path}: {html[:1500]}"
    return match.group(1) or match.group(2)
