"""What a piece of passed work proves, read from the content alone (no database, no Flask).

A lab proves its own technical skills at the lab's difficulty (1–5), the DigComp competences
those skills map to, and the DigComp targets of the module it was done in, at the levels the
module declares; a mapped competence the module does not target counts at the module's lowest
target level (a cautious reading). A quiz or a making project proves its module's technical
skills, each at the difficulty of the module's easiest lab that teaches it, and the same
DigComp competences. A lab done outside an assignment belongs to the first module (in teaching
order) that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.content import Catalog, Module
from app.work.keys import resolve_key

DIGCOMP, TECHNICAL = "digcomp", "technical"
DEFAULT_LEVEL = 1


@dataclass(frozen=True, order=True)
class Proof:
    """One skill shown at one level: ``kind`` is "digcomp" or "technical"."""

    kind: str
    code: str
    level: int


def module_for_lab(catalog: Catalog, lab_slug: str, module_hint: str | None = None) -> Module | None:
    """The module a lab attempt belongs to: the assigned module when it uses the lab, else the
    first module in teaching order that does, else None."""
    hinted = catalog.modules.get(module_hint or "")
    if hinted is not None and lab_slug in hinted.lab_slugs:
        return hinted
    using = catalog.modules_using_lab(lab_slug)
    return using[0] if using else None


def _module_technical_levels(catalog: Catalog, module: Module) -> dict[str, int]:
    labs = [catalog.labs[slug] for slug in module.lab_slugs if slug in catalog.labs]
    easiest = min((lab.difficulty for lab in labs), default=DEFAULT_LEVEL)
    levels = {}
    for skill in module.skills:
        teaching = [lab.difficulty for lab in labs if skill in lab.skills]
        levels[skill] = min(teaching, default=easiest)
    return levels


def _with_digcomp(catalog: Catalog, technical: dict[str, int], module: Module | None) -> list[Proof]:
    targets = {t.competence: t.level for t in module.digcomp} if module else {}
    floor = min(targets.values(), default=DEFAULT_LEVEL)
    digcomp = dict(targets)
    for skill in technical:
        framework_skill = catalog.skills.technical.get(skill)
        for competence in framework_skill.digcomp if framework_skill else ():
            digcomp.setdefault(competence, targets.get(competence, floor))
    proofs = [Proof(TECHNICAL, code, level) for code, level in technical.items()
              if code in catalog.skills.technical]
    proofs += [Proof(DIGCOMP, code, level) for code, level in digcomp.items() if code in catalog.skills.competences]
    return sorted(proofs)


def proofs_for(catalog: Catalog, activity_key: str, module_hint: str | None = None) -> list[Proof]:
    """The skills that passing the work ``activity_key`` proves (empty for unknown content).
    ``module_hint`` is the module of the assignment the work was done for, if any."""
    target = resolve_key(catalog, activity_key)
    if target.lab is not None:
        lab = target.lab
        module = module_for_lab(catalog, lab.slug, module_hint)
        return _with_digcomp(catalog, {skill: lab.difficulty for skill in lab.skills}, module)
    if target.kind in ("quiz", "project") and target.module is not None and target.activity is not None:
        return _with_digcomp(catalog, _module_technical_levels(catalog, target.module), target.module)
    return []
