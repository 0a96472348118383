"""Catalog pages: browse and search modules and labs, read a module or a lab, print a module
sheet, and serve the images the content references. Teachers (and programme staff) also see
teacher notes, quiz answers and lab solutions; students never do — ``can()`` decides."""

from __future__ import annotations

import functools
import re

from flask import Blueprint, abort, current_app, render_template, request, send_file
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice

from app.authz import Action, authorize, can, requires
from app.catalog import services
from app.catalog.forms import LabRunForm
from app.catalog.services import BOARD_NAMES, CatalogUnavailable
from app.catalog.tryout import TryoutRejected, is_robot_lab, run_tryout, world_pictures
from app.content import SCHOOL_LEVELS, pygments_css, render_markdown
from app.content.queries import find_labs, find_modules
from app.runs import RunInFlight, RunRefused, SimulatorBusy
from app.sim.robot.replay import static_files as replay_static_files

bp = Blueprint("catalog", __name__)


def _lang() -> str:
    return str(get_locale() or "it")


def _catalog():
    try:
        return services.get_catalog()
    except CatalogUnavailable as exc:
        current_app.logger.error("content has errors: %s", exc.errors[:5])
        abort(503)


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
    if filters["level"] not in (None, *SCHOOL_LEVELS):
        filters["level"] = None
    if filters["board"] not in (None, *BOARD_NAMES):
        filters["board"] = None
    modules = find_modules(catalog, lang=lang, **filters)
    return render_template("catalog/index.html", catalog=catalog, modules=modules, filters=filters,
                           skills=services.skill_options(catalog, lang), levels=SCHOOL_LEVELS)


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


def _refusal_message(refused: RunRefused) -> str:
    """What the student reads when a run is refused (the form keeps their code)."""
    if isinstance(refused, RunInFlight):
        return _("Your previous program is still running. Wait for it to finish, then run it again.")
    if isinstance(refused, SimulatorBusy):
        return _("The simulator is busy, try again in %(n)d s.", n=refused.retry_after)
    return _("You ran many programs in a short time. Read your code calmly and try again in %(n)d s.",
             n=refused.retry_after)


@bp.route("/catalog/labs/<slug>", methods=["GET", "POST"])
@requires(Action.BROWSE_CATALOG)
def lab(slug: str):
    """The lab page; POST runs the submitted program in the sandbox and shows the checks. A run
    refused by the fair-sharing rules answers 429 (this user) or 503 (server busy) with
    ``Retry-After``, and the page keeps the submitted code."""
    catalog, found = _catalog_item("lab", slug)
    form, result, status, headers, refusal = _lab_form(found), None, 200, {}, None
    if form.validate_on_submit():
        alt_texts = {"timeline": _("Timeline of the pins your program used"),
                     "board": _("The board with its pins at the end of the run"),
                     "display": _("The micro:bit display frames during the run")}
        try:
            result = run_tryout(current_user.id, found, form.code.data, form.board.data, _lang(), alt_texts)
        except TryoutRejected:
            form.board.errors.append(_("This lab cannot run on that board."))
        except RunRefused as refused:
            status, refusal = (503 if isinstance(refused, SimulatorBusy) else 429), _refusal_message(refused)
            headers["Retry-After"] = str(refused.retry_after)
    if form.errors:
        status = 400
    return render_template("catalog/lab.html", catalog=catalog, lab=found, used_by=catalog.modules_using_lab(slug),
                           teacher_view=can(current_user, Action.VIEW_TEACHER_MATERIAL), form=form, result=result,
                           refusal=refusal, robot_lab=is_robot_lab(found),
                           worlds=world_pictures(found, _lang(), _("World"))), status, headers


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
