"""Recording a lab checked on a real board as an attempt with ``source="board"``.

:func:`submit_board_attempt` is the board's counterpart of ``app.work.attempts.submit_lab``: it
validates the request, grades the board's printed trace with the lab's checks
(:func:`app.boards.grading.grade_board_output`, untrusted input), claims the idempotency key
(``claim_attempt``), stores the verdict and records the skills evidence
(``record_attempt_evidence``, which marks board attempts as "real board" evidence). Grading comes
before the claim because it is quick, local and cannot be refused by the run queue, so a request
that cannot be graded leaves nothing behind. It commits like ``submit_lab`` does (the claim must
be visible to a concurrent request with the same key).
"""

from __future__ import annotations

from typing import Any

from app.boards.grading import NotGradedOnBoard, grade_board_output
from app.boards.harness import MAX_OUTPUT_CHARS
from app.content import Catalog, Lab
from app.models import Attempt, User
from app.sim.boards import get_board
from app.sim.labs import load_lab
from app.work.attempts import claim_attempt, record_lab_verdict
from app.work.drafts import MAX_CODE_CHARS
from app.work.errors import SubmissionInvalid
from app.work.keys import lab_key


class BoardRunIncomplete(SubmissionInvalid):
    """The board's output has no end line: the run was stopped or the board unplugged."""


class WrongBoardConnected(SubmissionInvalid):
    """The connected board is not the kind chosen for the lab (e.g. an ESP32 for "Pico")."""


def submit_board_attempt(user: User, lab: Lab, code: str, board: str, output: str,
                         idempotency_key: str, catalog: Catalog, lang: str = "it") -> Attempt:
    """Grade ``output`` (what the board printed running ``code`` in the harness) and record it.

    The same idempotency key returns the attempt already made. Raises ``SubmissionInvalid``
    (bad board, empty or oversized code/output), :class:`NotGradedOnBoard`,
    :class:`BoardRunIncomplete`, :class:`WrongBoardConnected` and ``AttemptsExhausted``."""
    if board not in lab.boards:
        raise SubmissionInvalid("bad_board", "board")
    if not isinstance(code, str) or not code.strip() or len(code) > MAX_CODE_CHARS:
        raise SubmissionInvalid("bad_code", "code")
    if not isinstance(output, str) or len(output) > MAX_OUTPUT_CHARS:
        raise SubmissionInvalid("bad_output", "output")
    grade, run = grade_board_output(load_lab(lab.folder), board, output, lang)
    if not run.complete:
        raise BoardRunIncomplete("incomplete", "output")
    if run.platform is not None and run.platform != get_board(board).family:
        raise WrongBoardConnected("wrong_board", "board")
    attempt, created = claim_attempt(user, lab_key(lab.slug), idempotency_key, catalog, kind="lab",
                                     content_hash=lab.content_hash, board=board, code=code,
                                     source="board")
    if not created:
        return attempt
    wire: dict[str, Any] = grade.to_wire()
    wire["board_run"] = {"ended": run.ended, "platform": run.platform,
                         "problems": list(run.problems)}
    return record_lab_verdict(attempt, wire, catalog)


__all__ = ["BoardRunIncomplete", "NotGradedOnBoard", "WrongBoardConnected", "submit_board_attempt"]
