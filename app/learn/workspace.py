"""The student's lab workspace routes: save a draft as they type (``PUT /learn/drafts/<lab>``,
JSON) and submit the program as a graded attempt (``POST /learn/labs/<lab>/submit``, the lab
form's fields plus an idempotency key; JSON for the page's script, a redirect to the attempt
(``learn.attempt``) without scripts). Only students have drafts and attempts; the page itself is
the catalog's lab page (``app.catalog.views.lab``), which shows the workspace to students.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from app.authz import Action, requires
from app.catalog.forms import LabSubmitForm
from app.catalog.services import BOARD_NAMES
from app.catalog.tryout import TryoutRejected, refusal_message, refusal_status, result_summary
from app.catalog.workspace import SubmissionGrader, attempt_result, student_workspace
from app.models import Attempt, AttemptStatus
from app.runs import RunRefused
from app.work.attempts import ServerBusy, hide_details, submit_lab
from app.work.drafts import MAX_CODE_CHARS, lab_key, save_draft
from app.work.errors import AttemptsExhausted, SubmissionInvalid
from app.catalog.pages import lab_or_404, page_lang as _lang

bp = Blueprint("workspace", __name__, url_prefix="/learn")



def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@bp.route("/drafts/<lab_slug>", methods=["PUT"])
@requires(Action.DO_CLASSWORK)
def save(lab_slug: str):
    """Autosave: JSON ``{code, board}`` in, ``{saved_at}`` out; 400 JSON when it cannot be kept."""
    lab = lab_or_404(lab_slug)[1]
    data = request.get_json(silent=True)
    code, board = (data.get("code"), data.get("board")) if isinstance(data, dict) else (None, None)
    if not isinstance(code, str) or not (board is None or board in lab.boards):
        return jsonify(message=_("The request could not be understood.")), 400
    if len(code) > MAX_CODE_CHARS:
        return jsonify(message=_("The program is too long to be saved (at most 64 KB).")), 400
    draft = save_draft(current_user.id, lab_key(lab.slug), code, board)
    return jsonify(saved_at=draft.updated_at.isoformat())


def _refused(message: str, status: int, headers: dict[str, str] | None = None, slug: str = ""):
    """A submission that made no attempt: JSON for the script, else back to the page with a message."""
    if _wants_json():
        return jsonify(passed=False, html=None, error_line=None, message=message), status, headers or {}
    flash(message, "error")
    return redirect(url_for("catalog.lab", slug=slug) + "#workspace")


@bp.route("/labs/<lab_slug>/submit", methods=["POST"])
@requires(Action.DO_CLASSWORK)
def submit(lab_slug: str):
    """Record a graded attempt of the posted program. The same idempotency key (a double click,
    two tabs, a retry) returns the attempt already made. Refusals: 429/503 with ``Retry-After``."""
    catalog, lab = lab_or_404(lab_slug)
    form = LabSubmitForm()
    form.board.choices = [SelectChoice(board, BOARD_NAMES.get(board, board)) for board in lab.boards]
    if not form.validate_on_submit():
        problems = [message for name, messages in form.errors.items() if name != "csrf_token" for message in messages]
        return _refused(problems[0] if problems else _("The request could not be understood."), 400, slug=lab.slug)
    save_draft(current_user.id, lab_key(lab.slug), form.code.data, form.board.data)
    grader = SubmissionGrader(current_user.id, lab, form.code.data, form.board.data, _lang())
    try:
        attempt = submit_lab(current_user, lab, form.code.data, form.board.data, form.idempotency_key.data, catalog,
                             grader)
    except RunRefused as refused:
        return _refused(refusal_message(refused), refusal_status(refused), {"Retry-After": str(refused.retry_after)},
                        lab.slug)
    except AttemptsExhausted:
        return _refused(_("You have used all the attempts your teacher allowed for this test."), 409, slug=lab.slug)
    except ServerBusy:
        return _refused(_("The server was too busy to finish your run. Try again in a moment: this does not count "
                          "as a mistake."), 503, {"Retry-After": "5"}, lab.slug)
    except (SubmissionInvalid, TryoutRejected):
        return _refused(_("This lab cannot run on that board."), 400, slug=lab.slug)
    return _submitted(lab, attempt, grader)


def _submitted(lab, attempt: Attempt, grader: SubmissionGrader):
    result = attempt_result(attempt, _lang(), grader.graded)
    hidden = hide_details(attempt)
    if attempt.status is AttemptStatus.GRADING:  # the same key is being graded by another request
        summary = _("Your submission is being checked: it will appear in the list in a moment.")
    else:
        summary = _("Submitted.") + " " + (result_summary(result, with_line=not hidden) if result else "")
    if not _wants_json():
        flash(summary.strip(), "success")
        if attempt.status is AttemptStatus.GRADING:
            return redirect(url_for("catalog.lab", slug=lab.slug, _anchor="workspace-attempts"))
        return redirect(url_for("learn.attempt", attempt_id=attempt.id))
    fragment = render_template("catalog/_workspace_result.html", result=result, details_hidden=hidden,
                               heading=_("Submitted to your teacher")) if result else None
    history = render_template("catalog/_workspace_attempts.html", lab=lab,
                              workspace=student_workspace(current_user, lab))
    payload: dict[str, Any] = {"passed": attempt.passed, "attempt_id": attempt.id, "html": fragment,
                               "history_html": history, "message": summary.strip(),
                               "error_line": None if hidden or result is None else result.error_line}
    return jsonify(payload)
