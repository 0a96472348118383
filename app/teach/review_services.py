"""What a teacher changes on an attempt: a comment the student will see (marked new until they
read it), an override of the result with its reason (every change kept as an
``AttemptOverride``; the attempt carries the latest), and the rubric scoring of a making project
(a level per criterion and a feedback comment; the project passes when no criterion is at the
lowest level). Services flush; the view commits once.
"""

from __future__ import annotations

from app.content import Rubric
from app.extensions import db
from app.models import Attempt, AttemptOverride, AttemptStatus, Comment, User
from app.models.base import utcnow
from app.work.errors import WorkError

MAX_COMMENT_CHARS = 4000
MAX_REASON_CHARS = 1000


class ReviewInvalid(WorkError):
    """A review action that cannot be taken on this attempt (still grading, not a project …)."""


def add_comment(attempt: Attempt, author: User, body: str) -> Comment:
    """A comment on ``attempt``; unseen by the student until they open it. Raises ``ReviewInvalid``."""
    body = (body or "").strip()
    if not body or len(body) > MAX_COMMENT_CHARS:
        raise ReviewInvalid("bad_comment", "body")
    comment = Comment(attempt=attempt, author_id=author.id, body=body, seen_at=None)
    db.session.add(comment)
    db.session.flush()
    return comment


def override_result(attempt: Attempt, author: User, passed: bool, reason: str) -> AttemptOverride:
    """Set the result that counts to ``passed`` for ``reason`` (required); the change is kept
    in the record beside every earlier one. Raises ``ReviewInvalid``."""
    reason = (reason or "").strip()
    if not reason or len(reason) > MAX_REASON_CHARS:
        raise ReviewInvalid("reason_required", "reason")
    if attempt.status is AttemptStatus.GRADING:
        raise ReviewInvalid("still_grading")
    change = AttemptOverride(attempt=attempt, author_id=author.id, passed=passed, reason=reason, created_at=utcnow())
    db.session.add(change)
    attempt.override_passed = passed
    db.session.flush()
    return change


def score_project(attempt: Attempt, author: User, rubric: Rubric, levels: list[int], feedback: str) -> None:
    """Record the teacher's rubric levels (``levels[i]`` for criterion ``i``, 0 the lowest) and
    their feedback; the project becomes REVIEWED and passes when no criterion is at the lowest
    level. Scoring again replaces the levels (the earlier feedback stays as a comment).
    Raises ``ReviewInvalid``."""
    if attempt.kind != "project" or attempt.status is AttemptStatus.GRADING:
        raise ReviewInvalid("not_a_project")
    top = len(rubric.levels) - 1
    if len(levels) != len(rubric.criteria) or any(not 0 <= level <= top for level in levels):
        raise ReviewInvalid("bad_levels")
    if (feedback or "").strip():
        add_comment(attempt, author, feedback)
    attempt.rubric_levels = {str(index): level for index, level in enumerate(levels)}
    passed = all(level > 0 for level in levels)
    attempt.result = {**(attempt.result or {}), "passed": passed, "rubric": rubric.slug,
                      "levels": list(levels), "reviewed_by": author.id}
    attempt.score, attempt.max_score = sum(levels), top * len(levels)
    attempt.status = AttemptStatus.REVIEWED
    attempt.graded_at = utcnow()
    db.session.flush()
