"""The student's workspace on a lab page: their saved draft (shown instead of the starter), a
fresh idempotency key for the no-script Submit button, and their attempts at the lab. Only
students have one; everyone else sees the lab page without drafts or Submit. During a test
(test mode, before the due date) a Run hides check details as a submission does. Also the grading
callback a submission hands to ``app.work.attempts.submit_lab`` and the conversion of a stored
attempt back into what the page shows, so a run, a submission and an old attempt all render
with the same partial.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from app.authz import has_own_classwork
from app.catalog.tryout import TryoutResult, grade_fairly, picture_alts, tryout_result
from app.content import Catalog, Lab
from app.models import Attempt, Draft
from app.models.base import utcnow
from app.sim import GradeResult
from app.work.assignments import covering_assignment
from app.work.attempts import attempts_for
from app.work.drafts import load_draft
from app.work.keys import lab_key


@dataclass
class Workspace:
    """What a student's lab page adds: the draft (or None), the key and the attempts."""

    draft: Draft | None
    idempotency_key: str
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def draft_saved_at(self) -> str:
        return self.draft.updated_at.isoformat() if self.draft else ""


def student_workspace(user: Any, lab: Lab) -> Workspace | None:
    """The workspace of ``user`` on ``lab``, or None when the user is not a student."""
    if not has_own_classwork(user):
        return None
    key = lab_key(lab.slug)
    return Workspace(load_draft(user.id, key), new_idempotency_key(), attempts_for(user.id, key))


def run_details_hidden(user: Any, lab: Lab, catalog: Catalog) -> bool:
    """Test mode: while a student's test on this lab runs, a Run shows only how many checks
    passed, as a submission does (otherwise Run would reveal what Submit hides)."""
    if not has_own_classwork(user):
        return False
    assignment = covering_assignment(user, lab_key(lab.slug), catalog)
    return bool(assignment and assignment.details_hidden(utcnow()))


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


@dataclass
class SubmissionGrader:
    """The ``grade`` callback of ``submit_lab``: runs the program fairly, keeps the grade so the
    page can show its pictures without reading it back from the attempt."""

    user_id: int
    lab: Lab
    code: str
    board: str
    lang: str
    graded: GradeResult | None = None

    def __call__(self) -> dict[str, Any]:
        self.graded = grade_fairly(self.user_id, self.lab, self.code, self.board, self.lang)
        return self.graded.to_wire()


def attempt_result(attempt: Attempt, lang: str, graded: GradeResult | None = None) -> TryoutResult | None:
    """What the page shows of ``attempt`` (None when it has no stored grade)."""
    if graded is None:
        if not attempt.result:
            return None
        graded = GradeResult.from_wire(attempt.result)
    return tryout_result(graded, attempt.board or "", lang, picture_alts())
