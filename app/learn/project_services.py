"""Making projects, the student's side: evidence files waiting to be handed in, the hand-in itself
(an attempt of kind ``project`` that waits for the teacher's rubric) and the feedback read.

Files a student uploads stay *pending* (an ``Upload`` with no attempt) until they submit; a
submission claims its idempotency key like every attempt (a double click or a retried request
makes one attempt) and takes the pending files with it. Services flush; ``submit_project``
commits, since claiming a key is its own short transaction (``app.work.attempts.claim_attempt``).
"""

from __future__ import annotations

from sqlalchemy import select, update

from app.content import Catalog, Module, Project
from app.extensions import db
from app.learn import uploads
from app.models import Attempt, AttemptStatus, Upload, User
from app.models.base import utcnow
from app.work.attempts import claim_attempt
from app.work.errors import SubmissionInvalid
from app.work.keys import find_module_activity, project_key


def find_project(catalog: Catalog, module_slug: str, activity_slug: str) -> tuple[Module, Project] | None:
    """The module and its making project called ``activity_slug``, or None."""
    return find_module_activity(catalog, module_slug, activity_slug, Project)


def pending_uploads(user_id: int, activity_key: str) -> list[Upload]:
    """The student's files for ``activity_key`` not handed in yet, oldest first."""
    return list(db.session.scalars(select(Upload).where(
        Upload.user_id == user_id, Upload.activity_key == activity_key, Upload.attempt_id.is_(None))
        .order_by(Upload.id)))


def add_uploads(user: User, activity_key: str, files: list[tuple[str, bytes]], folder: str
                ) -> tuple[list[Upload], list[tuple[str, str]]]:
    """Check and store each ``(original name, content)``: ``(uploads added, [(name, reason)]
    refused)``. At most ``uploads.MAX_FILES`` files wait at once; the rest are refused with
    reason ``too_many``."""
    room = uploads.MAX_FILES - len(pending_uploads(user.id, activity_key))
    added: list[Upload] = []
    refused: list[tuple[str, str]] = []
    for original, content in files:
        if len(added) >= room:
            refused.append((original, "too_many"))
            continue
        try:
            stored = uploads.store(content, folder)
        except uploads.UploadRejected as exc:
            refused.append((original, exc.reason))
            continue
        upload = Upload(user_id=user.id, activity_key=activity_key, file_type=stored.file_type, size=stored.size,
                        original_name=uploads.display_name(original, stored.file_type),
                        storage_name=stored.storage_name, thumbnail_name=stored.thumbnail_name)
        db.session.add(upload)
        added.append(upload)
    db.session.flush()
    return added, refused


def remove_pending_upload(user: User, activity_key: str, upload_id: int, folder: str) -> bool:
    """Delete one of the student's pending files (a handed-in file stays in the record)."""
    upload = db.session.get(Upload, upload_id)
    if upload is None or upload.user_id != user.id or upload.activity_key != activity_key \
            or upload.attempt_id is not None:
        return False
    uploads.remove_stored(folder, upload.storage_name, upload.thumbnail_name)
    db.session.delete(upload)
    db.session.flush()
    return True


def submit_project(user: User, module: Module, project: Project, idempotency_key: str, catalog: Catalog) -> Attempt:
    """Hand in the pending files as an attempt waiting for review (committed). The same key
    returns the attempt already made. Raises ``SubmissionInvalid`` (no files) and
    ``AttemptsExhausted``."""
    key = project_key(module.slug, project.slug)
    pending = pending_uploads(user.id, key)
    if not pending:
        existing = db.session.scalar(select(Attempt).where(Attempt.user_id == user.id,
                                                           Attempt.idempotency_key == idempotency_key))
        if existing is not None:
            return existing
        raise SubmissionInvalid("no_files")
    attempt, created = claim_attempt(user, key, idempotency_key, catalog, kind="project",
                                     content_hash=project.content_hash)
    if not created:
        return attempt
    # Only files still pending move: two tabs handing in at once cannot share a file.
    linked = db.session.execute(update(Upload).where(Upload.id.in_([u.id for u in pending]),
                                                     Upload.attempt_id.is_(None)).values(attempt_id=attempt.id))
    if not linked.rowcount:
        db.session.delete(attempt)
        db.session.commit()
        raise SubmissionInvalid("no_files")
    attempt.status = AttemptStatus.NEEDS_REVIEW
    attempt.result = {"files": linked.rowcount, "passed": None}
    db.session.commit()
    db.session.refresh(attempt)
    return attempt


def mark_feedback_seen(attempts: list[Attempt]) -> int:
    """Record that the student has now seen their teachers' comments; returns how many were new."""
    now = utcnow()
    fresh = [c for a in attempts for c in a.comments if c.seen_at is None]
    for comment in fresh:
        comment.seen_at = now
    db.session.flush()
    return len(fresh)


def unseen_comment_ids(attempts: list[Attempt]) -> set[int]:
    return {c.id for a in attempts for c in a.comments if c.seen_at is None}

