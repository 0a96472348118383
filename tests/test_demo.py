"""The demo command: a realistic, idempotent demo world and its printed logins."""

from __future__ import annotations

from sqlalchemy import func, select

from app.demo import DEMO_PASSWORD
from app.extensions import db
from app.models import ClassRole, Classroom, Membership, Role, School, User
from tests.factories import csrf_token


def _counts():
    return (
        db.session.scalar(select(func.count(School.id))),
        db.session.scalar(select(func.count(Classroom.id))),
        db.session.scalar(select(func.count(User.id)).where(User.role == Role.STUDENT)),
        db.session.scalar(select(func.count(Membership.id))),
    )


def test_demo_is_realistic_and_idempotent(app):
    """Does `officina demo` create the described world, print the logins, and change nothing when run again?"""
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "prof.rossi" in first.output and DEMO_PASSWORD in first.output and "staff.comune" in first.output
    counts = _counts()
    assert counts[:3] == (2, 4, 60)
    districts = set(db.session.scalars(select(School.district)))
    assert len(districts) == 2
    levels = set(db.session.scalars(select(Classroom.level)))
    assert len(levels) == 3
    teachers = db.session.scalar(select(func.count(User.id)).where(User.role == Role.TEACHER))
    assert teachers == 3
    second = runner.invoke(args=["demo", "--quiet"])
    assert second.exit_code == 0, second.output
    db.session.expire_all()
    assert _counts() == counts


def test_demo_logins_work_for_every_role(app):
    """Can each printed demo login sign in and reach its own home?"""
    runner = app.test_cli_runner()
    output = runner.invoke(args=["demo"]).output
    homes = {"admin": "/admin/", "staff": "/program/", "teacher": "/teach/", "student": "/learn/"}
    seen = set()
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in homes and parts[0] not in seen:
            seen.add(parts[0])
            client = app.test_client()
            token = csrf_token(client, "/auth/login")
            response = client.post("/auth/login", data={"username": parts[1], "password": DEMO_PASSWORD, "csrf_token": token})
            assert response.headers["Location"].endswith(homes[parts[0]])
            assert client.get(homes[parts[0]]).status_code == 200
    assert seen == set(homes)


def test_every_demo_class_has_students_and_a_teacher(app):
    """Does every demo class have at least one teacher and a dozen students?"""
    app.test_cli_runner().invoke(args=["demo", "--quiet"])
    for room in db.session.scalars(select(Classroom)):
        assert room.teachers and len(room.members_with_role(ClassRole.STUDENT)) >= 12


def test_demo_classroom_has_work_at_every_status(app):
    """Does the demo give the teacher's grid every status (passed, submitted, in progress, late,
    needs review, not started), real grades, comments and a making project, once only?"""
    from app.catalog.services import get_catalog
    from app.models import Assignment, Attempt, AttemptStatus, Comment
    from app.work.progress import CellStatus, class_grid

    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo", "--quiet"]).exit_code == 0
    attempts = db.session.scalar(select(func.count(Attempt.id)))
    assert attempts > 30 and db.session.scalar(select(func.count(Comment.id))) >= 2
    statuses = set(db.session.scalars(select(Attempt.status)))
    assert {AttemptStatus.PASSED, AttemptStatus.FAILED, AttemptStatus.NEEDS_REVIEW} <= statuses
    lab_attempt = db.session.scalars(select(Attempt).where(Attempt.kind == "lab", Attempt.status == AttemptStatus.PASSED)).first()
    assert lab_attempt.result["checks"] and all(c["passed"] for c in lab_attempt.result["checks"])
    from app.models import Upload

    photo = db.session.scalars(select(Upload)).one()  # the project waiting for review has its photo
    assert photo.attempt.status is AttemptStatus.NEEDS_REVIEW and photo.thumbnail_name
    from app.models import Evidence

    assert db.session.scalar(select(func.count(Evidence.id))) > 100  # the skills record has something to show
    seen = set()
    for room in db.session.scalars(select(Classroom)):
        grid = class_grid(room, get_catalog())
        seen |= {cell.status for cell in grid.cells.values()}
    assert seen == set(CellStatus)
    assert runner.invoke(args=["demo", "--quiet"]).exit_code == 0
    assert db.session.scalar(select(func.count(Attempt.id))) == attempts
    assert db.session.scalar(select(func.count(Assignment.id))) == 5
