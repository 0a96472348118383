"""A student's data exported and deleted by their teacher or an administrator, with an audit
record; deletion keeps the anonymous skills evidence; retention pseudonymises old classes."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import func, select

from app.extensions import db
from app.models import Attempt, AuditEntry, Draft, Evidence, User
from tests.factories import csrf_token


def give_evidence(world, n=1):
    for _ in range(n):
        db.session.add(Evidence(user_id=world.student.id, student_key="key-uno", attempt_id=world.attempt.id,
                                activity_key="lab:blink", skill_kind="digcomp", skill_code="3.4", level=2,
                                classroom_id=world.classroom.id, school_id=world.school.id,
                                school_level="secondaria_primo", district="Municipio 1", school_year="2026/27"))
    db.session.add(Draft(user_id=world.student.id, activity_key="lab:blink", code="print('ciao')"))
    db.session.commit()


def test_teacher_exports_student_data_as_json_and_csv(client, world, login):
    """Does the student's teacher get everything (code, comments, evidence) and is it audited?"""
    give_evidence(world)
    login(client, world.teacher)
    data = json.loads(client.get(f"/privacy/students/{world.student.id}/export.json").get_data(as_text=True))
    assert data["account"]["username"] == "studente.uno"
    assert data["attempts"][0]["code"] and data["attempts"][0]["comments"]
    assert data["skills_evidence"][0]["skill"] == "3.4" and data["drafts"][0]["code"] == "print('ciao')"
    body = client.get(f"/privacy/students/{world.student.id}/export.csv").get_data(as_text=True)
    assert body.startswith("section,when,what,detail") and "skill" in body
    actions = db.session.scalars(select(AuditEntry.action)).all()
    assert actions.count("export_student") == 2


def test_other_teacher_cannot_export(client, world, login):
    """Is a teacher of another school refused a student they do not teach?"""
    login(client, world.other_teacher)
    assert client.get(f"/privacy/students/{world.student.id}/export.json").status_code == 403


def test_deletion_removes_the_person_and_keeps_aggregates(client, world, login):
    """After deletion: no account, no attempts, no drafts; the evidence stays, anonymous."""
    give_evidence(world, 3)
    student_id = world.student.id
    login(client, world.teacher)
    token = csrf_token(client, f"/privacy/students/{student_id}")
    response = client.post(f"/privacy/students/{student_id}/delete",
                           data={"csrf_token": token, "confirm_username": "studente.uno"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, student_id) is None
    assert db.session.scalar(select(func.count(Attempt.id)).where(Attempt.user_id == student_id)) == 0
    assert db.session.scalar(select(func.count(Draft.id)).where(Draft.user_id == student_id)) == 0
    kept = db.session.scalars(select(Evidence)).all()
    assert len(kept) == 3 and all(e.user_id is None and e.student_key == "key-uno" for e in kept)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "delete_student"))
    assert entry.actor_id == world.teacher.id and "studente" not in json.dumps(entry.details)


def test_deletion_needs_the_username_typed(client, world, login):
    """Is a deletion without the confirmation refused with 400 and nothing deleted?"""
    login(client, world.admin)
    token = csrf_token(client, f"/privacy/students/{world.student.id}")
    response = client.post(f"/privacy/students/{world.student.id}/delete", data={"csrf_token": token})
    assert response.status_code == 400
    assert db.session.get(User, world.student.id) is not None


def test_pseudonymise_archived_classes_after_n_years(app, world):
    """Are students of a class archived and ended long ago pseudonymised, and only them?"""
    from app.privacy.services import pseudonymise_archived

    give_evidence(world)
    world.classroom.school_year = "2020/21"
    world.classroom.archived = True
    db.session.commit()
    now = datetime(2026, 11, 29, tzinfo=timezone.utc)
    assert pseudonymise_archived(10, None, now) == 0
    assert pseudonymise_archived(2, None, now) == 1
    db.session.commit()
    student = db.session.get(User, world.student.id)
    assert student.username.startswith("anon-") and student.display_name == "—" and not student.active
    assert db.session.get(Attempt, world.attempt.id).code is None
    assert db.session.scalar(select(func.count(Evidence.id)).where(Evidence.user_id == student.id)) == 1
    assert db.session.get(User, world.other_student.id).username == "studente.due"
    assert pseudonymise_archived(2, None, now) == 0  # idempotent


def test_pseudonymise_command(app, world):
    """Does ``officina privacy pseudonymise --years 0`` run from the command line?"""
    result = app.test_cli_runner().invoke(args=["privacy", "pseudonymise", "--years", "0"])
    assert result.exit_code == 0 and "Pseudonymised 0 students" in result.output
