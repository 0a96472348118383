"""Evidence: what a passed lab, quiz or project records, idempotently, with the class stamp and a
pseudonym; removed when the result no longer passes; rebuilt without losing deleted students."""

from __future__ import annotations

from sqlalchemy import select

from app.catalog.services import get_catalog
from app.extensions import db
from app.models import Attempt, AttemptStatus, Evidence
from app.sim import grade
from app.skills.evidence import rebuild_evidence, record_evidence, student_key
from app.skills.recording import record_attempt_evidence
from app.teach.review_services import override_result
from app.work.attempts import submit_lab, submit_quiz
from tests.factories import gen_lab_attempt

SECRET = "test-secret-key-that-is-long-enough-0123456789"


def _rows(attempt_id: int) -> dict[tuple[str, str], Evidence]:
    rows = db.session.scalars(select(Evidence).where(Evidence.attempt_id == attempt_id))
    return {(e.skill_kind, e.skill_code): e for e in rows}


def _passed_blink(world, key="skills-pass-1") -> Attempt:
    attempt = gen_lab_attempt(world.student, world.assignment, key, passed=True)
    db.session.commit()
    return attempt


def test_passed_lab_proves_its_skills_and_the_module_targets(world):
    """Does a passed blink record its technical skills at its difficulty and DigComp at the module's levels?"""
    catalog = get_catalog()
    attempt = _passed_blink(world)
    record_evidence(attempt, catalog, SECRET)
    rows = _rows(attempt.id)
    blink = catalog.labs["blink"]
    module = catalog.modules["led-uscite-digitali"]
    expected = {("technical", s): blink.difficulty for s in blink.skills}
    expected |= {("digcomp", t.competence): t.level for t in module.digcomp}
    assert {key: row.level for key, row in rows.items()} == expected
    row = rows[("technical", "digital-output")]
    assert (row.classroom_id, row.school_id, row.school_level, row.district, row.school_year) == (
        world.classroom.id, world.school.id, "secondaria_primo", "Municipio 1", "2026/27")
    assert row.source == "simulator" and row.activity_key == "lab:blink" and row.user_id == world.student.id
    assert row.student_key == student_key(world.student.id, SECRET) and str(world.student.id) not in row.student_key
    assert student_key(world.student.id, "another-key") != row.student_key


def test_recording_twice_replaces_instead_of_adding(world):
    """Is recording the same attempt twice idempotent?"""
    catalog = get_catalog()
    attempt = _passed_blink(world)
    first = len(record_evidence(attempt, catalog, SECRET))
    record_evidence(attempt, catalog, SECRET)
    db.session.commit()
    assert first > 0 and len(_rows(attempt.id)) == first


def test_failed_attempt_records_nothing(world):
    """Does the world's failed attempt leave no evidence?"""
    assert record_evidence(world.attempt, get_catalog(), SECRET) == []
    assert _rows(world.attempt.id) == {}


def test_override_to_failed_removes_the_evidence(world):
    """Does a teacher's override to "not passed" remove the evidence of a passed lab?"""
    catalog = get_catalog()
    attempt = _passed_blink(world)
    record_attempt_evidence(attempt, catalog)
    db.session.commit()
    assert _rows(attempt.id)
    override_result(attempt, world.teacher, False, "Copiato dal compagno.")
    record_attempt_evidence(attempt, catalog)
    db.session.commit()
    assert _rows(attempt.id) == {}


def test_override_to_passed_counts_and_is_marked(world):
    """Does a failed attempt overridden to "passed" count, marked as the teacher's decision?"""
    catalog = get_catalog()
    override_result(world.attempt, world.teacher, True, "Funziona sulla scheda vera.")
    rows = record_evidence(world.attempt, catalog, SECRET)
    assert rows and {row.source for row in rows} == {"teacher"}


def test_board_attempt_stays_marked(world):
    """Is a lab passed on a real board marked "board"?"""
    attempt = _passed_blink(world)
    attempt.source = "board"
    rows = record_evidence(attempt, get_catalog(), SECRET)
    assert {row.source for row in rows} == {"board"}


def test_reviewed_project_that_passed_proves_the_module_skills(world):
    """Does a reviewed project that passed record its module's skills, and one that failed nothing?"""
    catalog = get_catalog()
    module = catalog.modules[world.project_assignment.module_slug]
    project = Attempt(user=world.student, assignment=world.project_assignment, kind="project",
                      activity_key=f"project:{module.slug}/{world.project_assignment.activity_slug}",
                      idempotency_key="skills-project-1", status=AttemptStatus.REVIEWED, result={"passed": False})
    db.session.add(project)
    db.session.flush()
    assert record_evidence(project, catalog, SECRET) == []
    project.result = {"passed": True}
    rows = record_evidence(project, catalog, SECRET)
    technical = {row.skill_code for row in rows if row.skill_kind == "technical"}
    assert technical == set(module.skills) and {row.source for row in rows} == {"project"}
    assert {row.skill_code: row.level for row in rows if row.skill_kind == "digcomp"}.items() >= {
        (t.competence, t.level) for t in module.digcomp}


def test_submitted_quiz_records_evidence_through_the_real_submission(world):
    """Does submitting a right quiz through submit_quiz record evidence, and a wrong one none?"""
    catalog = get_catalog()
    module = catalog.modules["led-uscite-digitali"]
    quiz = module.activity("verifica-led")
    right = {q.id: (str(q.answer) if q.type == "numeric" else [str(i) for i, o in enumerate(q.options) if o.correct])
             for q in quiz.questions}
    wrong = {q.id: ("-1" if q.type == "numeric" else [str(i) for i, o in enumerate(q.options) if not o.correct][:1])
             for q in quiz.questions}
    failed = submit_quiz(world.student, module, quiz, wrong, "skills-quiz-wrong", catalog)
    passed = submit_quiz(world.student, module, quiz, right, "skills-quiz-right", catalog)
    assert not failed.passed and _rows(failed.id) == {}
    rows = _rows(passed.id)
    assert passed.passed and rows and {row.source for row in rows.values()} == {"quiz"}
    assert rows[("digcomp", "3.4")].level == 2 and rows[("digcomp", "3.4")].classroom_id == world.classroom.id


def test_submitted_lab_graded_by_the_simulator_records_evidence(world):
    """Does the solution of blink, graded for real through submit_lab, leave evidence?"""
    catalog = get_catalog()
    lab = catalog.labs["blink"]
    attempt = submit_lab(world.student, lab, lab.solution, lab.default_board, "skills-lab-real", catalog,
                         lambda: grade(lab.solution, lab.folder, board=lab.default_board, lang="it").to_wire())
    assert attempt.status is AttemptStatus.PASSED
    assert _rows(attempt.id)[("technical", "digital-output")].level == lab.difficulty


def test_attempt_without_assignment_uses_the_current_class(world):
    """Is practice outside an assignment stamped with the student's current class?"""
    attempt = gen_lab_attempt(world.student, None, "skills-practice", passed=True)
    db.session.flush()
    rows = record_evidence(attempt, get_catalog(), SECRET)
    assert rows and {row.classroom_id for row in rows} == {world.classroom.id}


def test_rebuild_recreates_rows_and_keeps_deleted_students_totals(world):
    """Does a rebuild restore every attempt's evidence and keep rows whose attempt was deleted?"""
    catalog = get_catalog()
    attempt = _passed_blink(world)
    count = len(record_evidence(attempt, catalog, SECRET))
    orphan = Evidence(user_id=None, student_key="x" * 40, attempt_id=None, activity_key="lab:blink",
                      skill_kind="technical", skill_code="digital-output", level=1, source="simulator",
                      school_level="primaria", district="Municipio 2", school_year="2025/26")
    db.session.add(orphan)
    db.session.execute(Evidence.__table__.update().where(Evidence.attempt_id == attempt.id).values(level=7))
    db.session.commit()
    assert rebuild_evidence(catalog, SECRET) == count
    db.session.commit()
    assert max(row.level for row in _rows(attempt.id).values()) < 7
    assert db.session.get(Evidence, orphan.id) is not None


def test_only_students_earn_evidence(world):
    """Does a passed attempt by an administrator (trying a lab) stay out of the skills record?"""
    attempt = gen_lab_attempt(world.admin, None, "skills-admin", passed=True)
    db.session.flush()
    assert record_evidence(attempt, get_catalog(), SECRET) == []
