"""Drafts: a student's work in progress on a lab, saved as they type so a reload, a closed tab
or a dropped connection loses nothing. One draft per student and activity; the latest save wins."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import Draft
from app.models.base import utcnow
from app.work.errors import SubmissionInvalid
from app.work.keys import lab_key

MAX_CODE_CHARS = 64_000

__all__ = ["MAX_CODE_CHARS", "lab_key", "load_draft", "save_draft"]


def load_draft(user_id: int, activity_key: str) -> Draft | None:
    return db.session.scalar(select(Draft).where(Draft.user_id == user_id, Draft.activity_key == activity_key))


def save_draft(user_id: int, activity_key: str, code: str, board: str | None) -> Draft:
    """Store the student's current code (and board) for ``activity_key``; commits, since a draft
    save is its own request, and writes nothing when they are what is already saved (its time
    stays that of the last change). Raises ``SubmissionInvalid`` for oversized code."""
    if len(code) > MAX_CODE_CHARS:
        raise SubmissionInvalid("code_too_long", "code")
    for _attempt in range(2):  # two tabs saving a first draft at once: the loser updates
        draft = load_draft(user_id, activity_key)
        if draft is not None and draft.code == code and draft.board == board:
            return draft  # unchanged (a run of the saved program): nothing to write
        if draft is None:
            draft = Draft(user_id=user_id, activity_key=activity_key)
            db.session.add(draft)
        draft.code, draft.board, draft.updated_at = code, board, utcnow()
        try:
            db.session.commit()
            return draft
        except IntegrityError:
            db.session.rollback()
    raise SubmissionInvalid("draft_conflict")
