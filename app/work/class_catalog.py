"""Which catalogue modules suit a class: the class's school level (a database enum) mapped to the
content's level codes, and the catalogue split into the modules that suit the class and the rest,
so a teacher sees the right ones first and can still reach the others."""

from __future__ import annotations

from app.content import Catalog, Module
from app.models import Classroom, SchoolLevel

CONTENT_LEVELS: dict[SchoolLevel, str] = {
    SchoolLevel.PRIMARIA: "primaria",
    SchoolLevel.SECONDARIA_PRIMO: "secondaria-1",
    SchoolLevel.SECONDARIA_SECONDO: "secondaria-2",
}


def content_level(level: SchoolLevel) -> str:
    """The content files' code ("secondaria-1") of a class's school level."""
    return CONTENT_LEVELS[level]


def modules_for_class(room: Classroom, catalog: Catalog, lang: str = "it") -> tuple[list[Module], list[Module]]:
    """``(suiting, others)``: the modules written for the class's level (those for its year
    first), then every other module; each group in title order."""
    level = content_level(room.level)

    def by_title(module: Module) -> str:
        return module.title.get(lang).casefold()

    suiting = [m for m in catalog.modules.values() if m.suits(level)]
    others = [m for m in catalog.modules.values() if not m.suits(level)]
    suiting.sort(key=lambda m: (not m.suits(level, room.year), by_title(m)))
    return suiting, sorted(others, key=by_title)
