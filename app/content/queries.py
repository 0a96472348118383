"""Finding modules in a catalog: filters by track, school level and year, skill, board,
and a plain text search — what the catalog pages need, without Flask or a database."""

from __future__ import annotations

import unicodedata

from app.content.catalog import Catalog
from app.content.model import LANGS, Lab, Module, Text


def _fold(text: str) -> str:
    """Lowercase without accents, so "perche" finds "perché"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _module_texts(catalog: Catalog, module: Module, lang: str | None) -> list[str]:
    langs = LANGS if lang is None else (lang,)
    texts: list[Text] = [module.title, module.summary, *module.objectives, *module.materials]
    texts += [a.title for a in module.activities]
    out = [t.get(lg) for t in texts for lg in langs]
    out += [module.slug, *module.skills]
    for code in module.skills:
        skill = catalog.skills.technical.get(code)
        if skill:
            out += [skill.name.get(lg) for lg in langs]
    return out


def module_matches(catalog: Catalog, module: Module, *, track: str | None = None,
                   level: str | None = None, year: int | None = None,
                   skill: str | None = None, board: str | None = None,
                   text: str | None = None, lang: str | None = None) -> bool:
    """Does ``module`` pass every given filter? ``skill`` is a technical skill code (also
    matched through the module's labs) or a DigComp code like "3.4"; ``text`` searches
    titles, summaries, objectives, materials and skills in ``lang`` (None = all)."""
    if track and module.track != track:
        return False
    if level and not module.suits(level, year):
        return False
    if skill:
        lab_skills = {s for slug in module.lab_slugs if slug in catalog.labs
                      for s in catalog.labs[slug].skills}
        digcomp = {t.competence for t in module.digcomp}
        if skill not in module.skills and skill not in lab_skills and skill not in digcomp:
            return False
    if board and board not in catalog.boards_of(module):
        return False
    if text:
        haystack = _fold(" ".join(_module_texts(catalog, module, lang)))
        if not all(word in haystack for word in _fold(text).split()):
            return False
    return True


def find_modules(catalog: Catalog, **filters: object) -> list[Module]:
    """Modules passing ``module_matches(**filters)``, in teaching order."""
    return [m for m in catalog.modules.values()
            if module_matches(catalog, m, **filters)]  # type: ignore[arg-type]


def find_labs(catalog: Catalog, *, board: str | None = None, skill: str | None = None,
              text: str | None = None, lang: str | None = None) -> list[Lab]:
    """Labs by board, skill code and text (title, summary), ordered by difficulty."""
    langs = LANGS if lang is None else (lang,)
    out = []
    for lab in catalog.labs.values():
        if board and board not in lab.boards:
            continue
        if skill and skill not in lab.skills:
            continue
        if text:
            hay = _fold(" ".join([lab.slug] + [t.get(lg) for t in (lab.title, lab.summary)
                                               for lg in langs]))
            if not all(word in hay for word in _fold(text).split()):
                continue
        out.append(lab)
    return sorted(out, key=lambda lab: (lab.difficulty, lab.slug))
