"""Catalog pages: browse and search modules and labs, read a module or a lab, print a module
sheet, and serve the images the content references. Teachers (and programme staff) also see
teacher notes, quiz answers and lab solutions; students never do — ``can()`` decides."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from flask import Blueprint, abort, current_app, jsonify, render_template, request, send_file
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice

from app.authz import Action, authorize, can, has_own_classwork, requires
from app.catalog import services
from app.catalog.forms import LabRunForm
from app.catalog.services import BOARD_NAMES
from app.catalog.tryout import (TryoutRejected, TryoutResult, is_robot_lab, picture_alts, refusal_message,
                                 refusal_status, result_summary, run_tryout, world_pictures)
from app.catalog.workspace import run_details_hidden, student_workspace
from app.content import SCHOOL_LEVELS, pygments_css, render_markdown
from app.content.queries import find_labs, find_modules
from app.runs import RunRefused
from app.sim.robot.replay import static_files as replay_static_files
from app.work.drafts import lab_key, save_draft
from app.catalog.pages import catalog_or_503 as _catalog, page_lang as _lang

bp = Blueprint("catalog", __name__)


def _catalog_item(kind: str, slug: str):
    """The catalog and its module or lab called ``slug``; 404 if there is none."""
    catalog = _catalog()
    item = (catalog.modules if kind == "module" else catalog.labs).get(slug)
    if item is None:
        abort(404)
    return catalog, item


@functools.lru_cache(maxsize=512)
def _rendered(source: str, lang: str, owner: tuple[str, str] | None) -> str:
    # Content changes only with a new deploy or sync, and the renderer is a pure function of its
    # arguments: caching it makes every lab and module page (and a refused run) cheaper.
    return render_markdown(source, lang=lang, owner=owner)


@bp.app_template_filter("md")
def markdown_filter(source: str, owner_kind: str = "", slug: str = "") -> Markup:
    owner = (owner_kind, slug) if owner_kind and slug else None
    return Markup(_rendered(source or "", _lang(), owner))  # noqa: S704 - sanitised renderer


@bp.app_template_filter("code_block")
def code_block_filter(code: str, language: str = "python") -> Markup:
    """Highlighted, escaped code: a fence longer than any backtick run inside the code."""
    longest = max((len(run) for run in re.findall(r"`+", code or "")), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(_rendered(f"{fence}{language}\n{code}\n{fence}\n", _lang(), None))  # noqa: S704


@bp.app_template_filter("board_list")
def board_list_filter(boards) -> str:
    return ", ".join(BOARD_NAMES.get(board, board) for board in boards)


@bp.app_context_processor
def catalog_context() -> dict[str, object]:
    return {"tr": lambda value: services.text(value, _lang()), "level_name": lambda code: services.level_name(code, _lang()),
            "board_names": BOARD_NAMES}


@bp.route("/catalog/")
@requires(Action.BROWSE_CATALOG)
def index():
    catalog = _catalog()
    lang = _lang()
    filters = {
        "track": request.args.get("track") or None,
        "level": request.args.get("level") or None,
        "skill": request.args.get("skill") or None,
        "board": request.args.get("board") or None,
        "text": (request.args.get("q") or "").strip()[:100] or None,
    }
    if filters["track"] not in (None, *catalog.tracks):
        filters["track"] = None
    # A student sees only the modules that suit their classes' levels; everyone else sees all.
    student_levels = services.student_levels(current_user)
    levels = student_levels or tuple(SCHOOL_LEVELS)
    if filters["level"] not in (None, *levels):
        filters["level"] = None
    if filters["board"] not in (None, *BOARD_NAMES):
        filters["board"] = None
    modules = services.within_levels(find_modules(catalog, lang=lang, **filters), student_levels)
    return render_template("catalog/index.html", catalog=catalog, modules=modules, filters=filters,
                           skills=services.skill_options(catalog, lang), levels=levels)


@bp.route("/catalog/modules/<slug>")
@requires(Action.BROWSE_CATALOG)
def module(slug: str):
    catalog, found = _catalog_item("module", slug)
    return render_template("catalog/module.html", catalog=catalog, module=found,
                           teacher_view=can(current_user, Action.VIEW_TEACHER_MATERIAL))


@bp.route("/catalog/modules/<slug>/sheet")
def module_sheet(slug: str):
    authorize(Action.VIEW_TEACHER_MATERIAL)
    catalog, found = _catalog_item("module", slug)
    return render_template("catalog/sheet.html", catalog=catalog, module=found, teacher_view=True)


@bp.route("/catalog/labs/")
@requires(Action.BROWSE_CATALOG)
def labs():
    catalog = _catalog()
    board = request.args.get("board") if request.args.get("board") in BOARD_NAMES else None
    skill = request.args.get("skill") or None
    labs_found = find_labs(catalog, board=board, skill=skill, text=(request.args.get("q") or "").strip()[:100] or None,
                           lang=_lang())
    return render_template("catalog/labs.html", catalog=catalog, labs=labs_found, board=board, skill=skill,
                           skills=services.skill_options(catalog, _lang()))


def _lab_form(found) -> LabRunForm:
    form = LabRunForm()
    form.board.choices = [SelectChoice(board, BOARD_NAMES.get(board, board)) for board in found.boards]
    if request.method == "GET":
        form.code.data = found.starter
    return form


@dataclass
class _RunOutcome:
    """What running a lab form gave: a result, or a refusal (status, headers, message)."""

    result: TryoutResult | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    refusal: str | None = None


def _run_submitted(found, form: LabRunForm) -> _RunOutcome:
    """Run the validated form's program against ``found``; a rejected board becomes a form error."""
    try:
        return _RunOutcome(run_tryout(current_user.id, found, form.code.data, form.board.data, _lang(), picture_alts()))
    except TryoutRejected:
        form.board.errors.append(_("This lab cannot run on that board."))
        return _RunOutcome(status=400)
    except RunRefused as refused:
        return _RunOutcome(status=refusal_status(refused), refusal=refusal_message(refused),
                           headers={"Retry-After": str(refused.retry_after)})


@bp.route("/catalog/labs/<slug>", methods=["GET", "POST"])
@requires(Action.BROWSE_CATALOG)
def lab(slug: str):
    """The lab page; POST runs the submitted program in the sandbox and shows the checks. A run
    refused by the fair-sharing rules answers 429 (this user) or 503 (server busy) with
    ``Retry-After``, and the page keeps the submitted code. Students also get their saved draft
    (instead of the starter), the Submit button and their attempts (``app.catalog.workspace``)."""
    catalog, found = _catalog_item("lab", slug)
    form, outcome = _lab_form(found), _RunOutcome()
    if form.validate_on_submit():
        if has_own_classwork(current_user):  # without scripts, a run keeps the student's work too
            save_draft(current_user.id, lab_key(slug), form.code.data, form.board.data)
        outcome = _run_submitted(found, form)
    workspace = student_workspace(current_user, found)
    if workspace and workspace.draft and request.method == "GET":
        form.code.data = workspace.draft.code
        form.board.data = workspace.draft.board if workspace.draft.board in found.boards else form.board.data
    return render_template(
        "catalog/lab.html", catalog=catalog, lab=found, used_by=catalog.modules_using_lab(slug),
        teacher_view=can(current_user, Action.VIEW_TEACHER_MATERIAL), form=form, result=outcome.result,
        refusal=outcome.refusal, robot_lab=is_robot_lab(found), worlds=world_pictures(found, _lang(), _("World")),
        workspace=workspace, details_hidden=run_details_hidden(current_user, found, catalog),
    ), 400 if form.errors else outcome.status, outcome.headers


@bp.route("/catalog/labs/<slug>/run", methods=["POST"])
@requires(Action.BROWSE_CATALOG)
def lab_run(slug: str):
    """Run without reloading: the page's form fields (and CSRF token) in, JSON out: ``passed``,
    ``html`` (the results fragment the page shows), ``error_line`` and ``message``. Refusals are
    429/503 with ``Retry-After``; invalid input is 400. Nothing is recorded but the run itself."""
    catalog, found = _catalog_item("lab", slug)
    form = _lab_form(found)
    outcome = _run_submitted(found, form) if form.validate_on_submit() else _RunOutcome(status=400)
    if outcome.result is None:
        problems = [message for name, messages in form.errors.items() if name != "csrf_token" for message in messages]
        message = outcome.refusal or (problems[0] if problems else _("The request could not be understood."))
        return jsonify(passed=False, html=None, error_line=None, message=message), outcome.status, outcome.headers
    result, hidden = outcome.result, run_details_hidden(current_user, found, catalog)
    return jsonify(passed=result.passed, error_line=None if hidden else result.error_line,
                   html=render_template("catalog/_workspace_result.html", result=result, details_hidden=hidden),
                   message=result_summary(result, with_line=not hidden))


@bp.route("/catalog/replay/<any('replay.js', 'replay.css'):name>")
def replay_asset(name: str):
    """The robot replay player (a static, dependency-free script and its stylesheet)."""
    return send_file(replay_static_files()[name], max_age=86400)


@bp.route("/catalog/skills")
@requires(Action.BROWSE_CATALOG)
def skills():
    return render_template("catalog/skills.html", catalog=_catalog())


@bp.route("/content/<any(module, lab):owner_kind>/<slug>/<path:filename>")
@requires(Action.BROWSE_CATALOG)
def content_image(owner_kind: str, slug: str, filename: str):
    """Only images the owner's Markdown references are served (never solutions or notes)."""
    path = _catalog().image_path(owner_kind, slug, filename)
    if path is None:
        abort(404)
    return send_file(path, max_age=3600)


@bp.route("/catalog/highlight.css")
def highlight_css():
    """Pygments colours for code blocks, generated once per process."""
    return current_app.response_class(_HIGHLIGHT_CSS, mimetype="text/css", headers={"Cache-Control": "public, max-age=86400"})


_HIGHLIGHT_CSS = pygments_css(".md pre")
