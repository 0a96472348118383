"""The lab worksheet page, ``/catalog/labs/<slug>/worksheet``: a printable sheet (A4) a class can
follow on its own, for every signed-in user (students included). The sheet is built by
``app.catalog.worksheet`` from the lab engine's checks and the reference kit; it never shows a
solution. Robot worlds are drawn as ``data:`` images, so they can never run script in the page.
"""

from __future__ import annotations

import base64

from flask import Blueprint, render_template
from markupsafe import Markup

from app.authz import Action, requires
from app.catalog.worksheet import build_worksheet
from app.content import default_dirs
from app.catalog.pages import lab_or_404, page_lang

bp = Blueprint("worksheet", __name__)


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@bp.route("/catalog/labs/<slug>/worksheet")
@requires(Action.BROWSE_CATALOG)
def lab_worksheet(slug: str):
    """The worksheet of one lab in the page's language; 404 for an unknown lab."""
    _catalog, lab = lab_or_404(slug)
    lang = "en" if page_lang() == "en" else "it"
    sheet = build_worksheet(lab, default_dirs()[0], lang)
    worlds = [(world, _data_uri(world.svg)) for world in sheet.worlds]
    # the wiring SVG is built by app.catalog.wiring_svg with every text escaped and no script
    return render_template("catalog/worksheet.html", lab=lab, sheet=sheet, worlds=worlds,
                           wiring=Markup(sheet.wiring_svg))  # noqa: S704
