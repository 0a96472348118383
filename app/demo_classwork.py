"""The demo's classroom state, so every page has something to show: in 2B (lower secondary) a
module assigned a week ago with the first labs passed by most, failed or in progress by others,
quizzes answered, a lab overdue and comments from the teacher; a robot lab in test mode in 3A
(upper secondary); a making project waiting for review.

Lab attempts carry real grades: each distinct program (the lab's solution and its known-wrong
variants) is graded once by the simulator and its result reused for every student who "sent" it.
Runs once per database: nothing is added when the demo classes already have assignments.
"""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from app.content import Catalog
from app.extensions import db
from app.learn import uploads
from app.models import Assignment, Attempt, AttemptStatus, Classroom, Comment, Draft, SchoolLevel, Upload, User
from app.models.base import utcnow
from app.sim import grade
from app.work.attempts import lab_result_record
from app.work.keys import lab_key, project_key, quiz_key
from app.work.quizzes import grade_quiz

# (level, year, section) -> assignments: (module, activity or None, days since start, days to due, test mode)
PLAN = {
    (SchoolLevel.SECONDARIA_PRIMO, 2, "B"): [("led-uscite-digitali", None, 7, -1, False),
                                             ("pulsanti-ingressi-digitali", None, 2, 6, False),
                                             ("design-thinking", "prototipo-e-test", 10, 3, False)],
    (SchoolLevel.SECONDARIA_SECONDO, 3, "A"): [("robot-segui-linea", None, 3, 4, True),
                                               ("led-uscite-digitali", "lab-blink", 5, 2, False)],
}
COMMENTS = ["Bene! Prova ora a cambiare il ritmo senza toccare il resto del programma.",
            "Controlla le attese: il LED resta acceso troppo poco per vederlo.",
            "Ottimo lavoro sulle foto del prototipo: descrivi anche il test che hai fatto."]


def _grade_wire(catalog: Catalog, lab_slug: str, code: str, cache: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    key = (lab_slug, code)
    if key not in cache:
        lab = catalog.labs[lab_slug]
        cache[key] = lab_result_record(grade(code, lab.folder, board=lab.default_board, lang="it").to_wire())
    return cache[key]


def _as_a_student_wrote_it(code: str) -> str:
    """A known-wrong program without the leading comment that says what is wrong with it."""
    lines = code.splitlines()
    while lines and lines[0].lstrip().startswith("#"):
        lines.pop(0)
    return "\n".join(lines).lstrip("\n") + "\n"


def _lab_attempt(student: User, assignment: Assignment, catalog: Catalog, lab_slug: str, right: bool, n: int,
                 when, cache) -> Attempt:
    lab = catalog.labs[lab_slug]
    code = lab.solution if right else _as_a_student_wrote_it(sorted(lab.wrong.items())[n % len(lab.wrong)][1])
    wire = _grade_wire(catalog, lab_slug, code, cache)
    checks = wire["checks"]
    score = sum(1 for c in checks if c["passed"])
    return Attempt(user_id=student.id, assignment_id=assignment.id, activity_key=lab_key(lab_slug), kind="lab",
                   content_hash=lab.content_hash, board=lab.default_board, code=code, result=wire, score=score,
                   max_score=len(checks), status=AttemptStatus.PASSED if score == len(checks) else AttemptStatus.FAILED,
                   idempotency_key=f"demo-{student.id}-{lab_slug}-{n}", created_at=when, graded_at=when)


def _quiz_attempt(student: User, assignment: Assignment, module, quiz, right: bool, when) -> Attempt:
    answers = {}
    for index, question in enumerate(quiz.questions):
        good = right or index % 2 == 0
        options = [str(i) for i, option in enumerate(question.options) if option.correct == good]
        answers[question.id] = str(question.answer) if question.type == "numeric" else options[:1 if question.type == "single" else None]
    graded = grade_quiz(quiz, answers)
    return Attempt(user_id=student.id, assignment_id=assignment.id, activity_key=quiz_key(module.slug, quiz.slug),
                   kind="quiz", content_hash=quiz.content_hash, answers=graded.answers, result=graded.record,
                   score=graded.right, max_score=graded.total,
                   status=AttemptStatus.PASSED if graded.passed else AttemptStatus.FAILED,
                   idempotency_key=f"demo-{student.id}-{quiz.slug}", created_at=when, graded_at=when)


def load_demo_classwork(catalog: Catalog, upload_folder: str | None = None) -> int:
    """Add the demo's assignments and work; return how many attempts were added (0 if present).
    With ``upload_folder``, the first project hand-in carries a photo stored there."""
    now = utcnow()
    cache: dict[tuple[str, str], dict[str, Any]] = {}
    added = 0
    for (level, year, section), plan in PLAN.items():
        room = db.session.scalar(select(Classroom).where(Classroom.level == level, Classroom.year == year,
                                                         Classroom.section == section))
        if room is None or db.session.scalar(select(Assignment.id).where(Assignment.classroom_id == room.id)):
            continue
        teacher = room.teachers[0]
        for module_slug, activity_slug, since, due, test_mode in plan:
            module = catalog.modules.get(module_slug)
            if module is None:
                continue
            assignment = Assignment(classroom=room, module_slug=module_slug, activity_slug=activity_slug,
                                    starts_at=now - timedelta(days=since), due_at=now + timedelta(days=due),
                                    test_mode=test_mode, max_attempts=3 if test_mode else None,
                                    created_by_id=teacher.id, created_at=now - timedelta(days=since))
            db.session.add(assignment)
            db.session.flush()
            added += _student_work(room, assignment, module, activity_slug, catalog, teacher,
                                   now - timedelta(days=since), cache, upload_folder)
    db.session.flush()
    if added:
        from app.skills.recording import load_demo_evidence

        load_demo_evidence(catalog)
    return added


def _prototype_photo() -> bytes:
    """A drawn 'photo' of the prototype (no real child's picture in a demo)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), (236, 229, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 140, 440, 420), fill=(70, 120, 180), outline=(30, 40, 60), width=6)
    draw.ellipse((290, 70, 350, 130), fill=(250, 210, 60), outline=(30, 40, 60), width=4)
    draw.line((320, 130, 320, 140), fill=(30, 40, 60), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _attach_photo(attempt: Attempt, student: User, folder: str) -> None:
    stored = uploads.store(_prototype_photo(), folder)
    attempt.uploads.append(Upload(user_id=student.id, activity_key=attempt.activity_key, file_type=stored.file_type,
                                  size=stored.size, original_name="prototipo.jpg", storage_name=stored.storage_name,
                                  thumbnail_name=stored.thumbnail_name))


def _student_work(room, assignment, module, activity_slug, catalog, teacher, start, cache, upload_folder) -> int:
    """A realistic spread: most students ahead, some behind, a few not started."""
    added = 0
    for index, student in enumerate(room.students):
        progress = index % 6  # 0-2 passed everything, 3 failed then in progress, 4 draft only, 5 nothing
        when = start + timedelta(hours=20 + index)
        for activity in module.activities:
            if activity_slug is not None and activity.slug != activity_slug:
                continue
            if activity.kind == "lab" and not getattr(activity, "coming", False) and activity.lab in catalog.labs:
                if progress <= 3:
                    attempts = [_lab_attempt(student, assignment, catalog, activity.lab, False, index, when, cache)]
                    if progress <= 2:
                        attempts.append(_lab_attempt(student, assignment, catalog, activity.lab, True, index + 1,
                                                     when + timedelta(minutes=12), cache))
                    db.session.add_all(attempts)
                    added += len(attempts)
                    if index in (0, 3):
                        db.session.flush()
                        db.session.add(Comment(attempt=attempts[-1], author_id=teacher.id, body=COMMENTS[index % 2],
                                               created_at=when + timedelta(hours=2)))
                if progress in (3, 4):
                    db.session.add(Draft(user_id=student.id, activity_key=lab_key(activity.lab),
                                         code=catalog.labs[activity.lab].starter + "\n# sto provando...\n",
                                         board=catalog.labs[activity.lab].default_board, updated_at=when))
                if index != 0:  # the first student does every lab (a completed module, a certificate)
                    break  # one lab for the others keeps the grid varied: later labs not started
        for activity in module.activities:
            if activity_slug is None and activity.kind == "quiz" and progress <= 4:
                db.session.add(_quiz_attempt(student, assignment, module, activity, progress != 4, when))
                added += 1
            if activity.kind == "project" and (activity_slug in (None, activity.slug)) and progress <= 1:
                attempt = Attempt(user_id=student.id, assignment_id=assignment.id, kind="project",
                                  activity_key=project_key(module.slug, activity.slug), content_hash=activity.content_hash,
                                  status=AttemptStatus.NEEDS_REVIEW, idempotency_key=f"demo-{student.id}-{activity.slug}",
                                  result={"note": "Il nostro prototipo: un portapenne con sensore di luce."},
                                  created_at=when, graded_at=when)
                db.session.add(attempt)
                if upload_folder and index == 0:
                    _attach_photo(attempt, student, upload_folder)
                added += 1
    return added
