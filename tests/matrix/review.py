"""Route × role entries of the attempt review (``app.teach.review``) and the making projects with
their evidence files (``app.learn.projects``).

The world's attempt is the student's lab attempt in the teacher's class: the teacher (and the
administrator) read the review page; empty forms answer 400 (a lab attempt has no rubric to
score). The shared ``<module_slug>/<activity_slug>`` sample is the world's quiz, not a project,
so the project page answers 404 to the roles allowed to do class work. ``sample_values`` adds a
real stored photo handed in with the world's attempt, for the upload routes.
"""

from __future__ import annotations

import io

from PIL import Image


def expect(anonymous, student, teacher, staff, admin):
    return {"anonymous": anonymous, "student": student, "teacher": teacher, "staff": staff, "admin": admin}


REVIEW = {
    ("/teach/attempts/<int:attempt_id>", "GET"): expect(302, 403, 200, 403, 200),
    ("/teach/attempts/<int:attempt_id>/comments", "POST"): expect(302, 403, 400, 403, 400),
    ("/teach/attempts/<int:attempt_id>/override", "POST"): expect(302, 403, 400, 403, 400),
    ("/teach/attempts/<int:attempt_id>/score", "POST"): expect(302, 403, 400, 403, 400),
}

PROJECTS = {
    ("/learn/projects/<module_slug>/<activity_slug>", "GET"): expect(302, 404, 403, 403, 404),
    ("/learn/projects/<module_slug>/<activity_slug>", "POST"): expect(302, 404, 403, 403, 404),
    ("/uploads/<int:upload_id>", "GET"): expect(302, 200, 200, 403, 200),
    ("/uploads/<int:upload_id>/thumbnail", "GET"): expect(302, 200, 200, 403, 200),
}


EXPECTED = {**REVIEW, **PROJECTS}


def sample_values(world) -> dict[str, str]:
    """A photo stored through the real upload service and handed in with the world's attempt.
    Committed (not only flushed): each request of the matrix runs with its own session."""
    from app.extensions import db
    from app.learn import uploads
    from app.learn.projects import upload_folder
    from app.models import Upload

    folder = upload_folder()
    picture = io.BytesIO()
    Image.new("RGB", (16, 12), (20, 120, 60)).save(picture, "PNG")
    stored = uploads.store(picture.getvalue(), folder)
    upload = Upload(attempt=world.attempt, user_id=world.student.id, activity_key=world.attempt.activity_key,
                    original_name="foto.png", file_type=stored.file_type, size=stored.size,
                    storage_name=stored.storage_name, thumbnail_name=stored.thumbnail_name)
    db.session.add(upload)
    db.session.commit()
    return {"<int:upload_id>": str(upload.id)}
