"""Real boards in the lab workspace: the route that records a lab checked on a connected board.

``POST /learn/labs/<lab_slug>/board-attempt`` takes JSON ``{code, board, output,
idempotency_key}`` (CSRF token in the ``X-CSRFToken`` header, as the workspace's other requests):
``output`` is what the board printed while running ``code`` inside the harness. The server grades
that trace itself (:mod:`app.boards.services`) and answers like the workspace's submit route
(``passed``, ``html`` of the result, ``history_html``, ``message``). The blueprint also gives the
lab page's board panel (``catalog/_board_panel.html``) what it needs: :func:`board_panel_info`.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from app.authz import Action, requires
from app.boards.harness import board_grading, harness_source
from app.boards.services import (BoardRunIncomplete, NotGradedOnBoard, WrongBoardConnected,
                                 submit_board_attempt)
from app.catalog.workspace import attempt_result, student_workspace
from app.sim.labs import load_lab
from app.work.attempts import hide_details
from app.work.errors import AttemptsExhausted, SubmissionInvalid
from app.catalog.pages import lab_or_404, page_lang as _lang

bp = Blueprint("boards", __name__)


@bp.app_context_processor
def _panel_helpers() -> dict[str, Any]:
    return {"board_panel_info": board_panel_info}


def board_panel_info(lab) -> dict[str, Any]:
    """What the board panel shows for a catalog lab: graded on a board or not (and why), the
    lab's duration and the harness source the page wraps the program in."""
    engine_lab = load_lab(lab.folder)
    decision = board_grading(engine_lab)
    return {"graded": decision.graded, "reason": decision.reason,
            "seconds": engine_lab.scenario().seconds, "harness": harness_source()}


def _refused(message: str, status: int):
    return jsonify(passed=False, html=None, message=message), status


@bp.route("/learn/labs/<lab_slug>/board-attempt", methods=["POST"])
@requires(Action.DO_CLASSWORK)
def board_attempt(lab_slug: str):
    """Grade a board's run of a lab and record it as a "real board" attempt."""
    catalog, lab = lab_or_404(lab_slug)
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in
                                             ("code", "board", "output", "idempotency_key")):
        return _refused(_("The request could not be understood."), 400)
    try:
        attempt = submit_board_attempt(current_user, lab, data["code"], data["board"], data["output"],
                                       data["idempotency_key"], catalog, _lang())
    except NotGradedOnBoard:
        return _refused(_("On the board this lab runs without a grade: check it in the simulator."), 400)
    except BoardRunIncomplete:
        return _refused(_("The run on the board did not finish, so it cannot be checked. Keep the board "
                          "connected until the end and try again."), 400)
    except WrongBoardConnected:
        return _refused(_("The board connected is not the one chosen for this lab: choose the right "
                          "board in the list and try again."), 400)
    except AttemptsExhausted:
        return _refused(_("You have used all the attempts your teacher allowed for this test."), 409)
    except SubmissionInvalid:
        return _refused(_("The request could not be understood."), 400)
    result = attempt_result(attempt, _lang())
    hidden = hide_details(attempt)
    fragment = render_template("catalog/_workspace_result.html", result=result, details_hidden=hidden,
                               heading=_("Checked on the real board")) if result else None
    history = render_template("catalog/_workspace_attempts.html", lab=lab,
                              workspace=student_workspace(current_user, lab))
    message = _("Checked on the real board and sent to your teacher.")
    return jsonify(passed=attempt.passed, attempt_id=attempt.id, html=fragment, history_html=history,
                   message=message)
