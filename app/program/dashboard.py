"""Presentation helpers of the dashboards: the skills a page can be filtered by, with their names
in the active language, and the accessible chart of an outcome table."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup

from app.program.charts import stacked_bars
from app.program.outcomes import OutcomeTable


def skill_options() -> list[tuple[str, str]]:
    """(token, label) for every DigComp area, competence and technical skill of the catalog;
    just the areas by number when the catalog cannot be read."""
    from app.catalog.services import CatalogUnavailable, get_catalog

    language = str(get_locale() or "it")
    try:
        skills = get_catalog().skills
    except CatalogUnavailable:
        return [(f"area:{n}", _("DigComp area %(n)s", n=n)) for n in "12345"]
    options = []
    for area in skills.areas:
        options.append((f"area:{area.code}", f"DigComp {area.code} · {area.name.get(language)}"))
        for code in area.competences:
            competence = skills.competences.get(code)
            options.append((f"digcomp:{code}", f"— {code} {competence.name.get(language) if competence else ''}"))
    for code, skill in sorted(skills.technical.items()):
        options.append((f"technical:{code}", f"{_('Technical')} · {skill.name.get(language)}"))
    return options


def chart_for(outcome: OutcomeTable, chart_id: str, title: str) -> Markup:
    desc = _("Share of students at each level, one bar per group; hatched parts are hidden to protect small groups. "
             "The same numbers are in the table below.")
    return stacked_bars(chart_id, title, desc, outcome.row_labels,
                        [_("level %(n)s", n=label) for label in outcome.column_labels],
                        outcome.table.published_cells)
