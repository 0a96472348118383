"""The playground page: GET shows the editor (with a starter program for the board asked in
``?board=``); POST runs the program on the chosen board with the chosen devices and shows its
output, pictures and trace. No lab, no grade, nothing saved. A run refused by the fair-sharing
rules answers 429 (this user) or 503 (server busy) with ``Retry-After``, keeping the code."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from app.authz import Action, requires
from app.playground.forms import BOARD_TITLES, PlaygroundForm
from app.playground.services import PlaygroundRejected, run_program, starter_code, stdin_lines
from app.playground.wiring import BOARD_KEYS, DEVICE_OPTIONS, MICROBIT_WORLD_OPTIONS
from app.catalog.tryout import refusal_message, refusal_status
from app.runs import RunRefused
from app.sim.fidelity import lab_fidelity

bp = Blueprint("playground", __name__)


@bp.app_template_filter("fidelity_badge")
def fidelity_badge_filter(lab) -> dict[str, object]:
    """A lab's fidelity badge in the page's language, for ``catalog/_fidelity_badge.html``."""
    badge = lab_fidelity(lab.boards, lab.engine)
    title, notes = badge.text(str(get_locale() or "it"))
    return {"level": badge.level, "title": title, "notes": notes}


def _alt_texts() -> dict[str, str]:
    return {"timeline": _("Timeline of the pins your program used"),
            "board": _("The board and its devices at the end of the run"),
            "display": _("The micro:bit display frames during the run")}


@bp.route("/playground/", methods=["GET", "POST"])
@requires(Action.BROWSE_CATALOG)
def index():
    """Write a program, choose a board and devices, run it and look at what happened."""
    form = PlaygroundForm()
    if request.method == "GET":
        board = request.args.get("board") if request.args.get("board") in BOARD_KEYS else "pico"
        form.board.data, form.code.data = board, starter_code(board)
    result, status, headers, refusal = None, 200, {}, None
    if form.validate_on_submit():
        try:
            result = run_program(current_user.id, form.code.data, form.board.data, form.devices.data or [],
                                 form.seconds.data, stdin_lines(form.stdin.data), str(get_locale() or "it"),
                                 _alt_texts())
        except PlaygroundRejected:
            form.devices.errors.append(_("The simulator cannot run this combination: check the board and devices."))
        except RunRefused as refused:
            status, refusal = refusal_status(refused), refusal_message(refused)
            headers["Retry-After"] = str(refused.retry_after)
    if form.errors:
        status = 400
    return render_template("playground/index.html", form=form, result=result, refusal=refusal,
                           devices=DEVICE_OPTIONS, world_options=MICROBIT_WORLD_OPTIONS, boards=BOARD_KEYS,
                           board_titles=BOARD_TITLES), status, headers
