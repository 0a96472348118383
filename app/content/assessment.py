"""A module's assessment rubric, in the four levels of Italian descriptive assessment.

A module's front matter has a ``rubric:`` (every shipped module has one; a test holds it),
a list of criteria. Each criterion names what
is assessed, where the evidence comes from (``evidence``) and describes the four levels of
the Italian descriptive assessment (OM 172/2020): ``avanzato``, ``intermedio``, ``base``,
``in-via-di-prima-acquisizione``. Evidence is either a result (``lab``, ``project``,
``quiz``: ``activities`` then names the module's activities of that kind it comes from) or
what the teacher sees and hears (``observed``, ``oral``). A rubric must combine both: at
least one result criterion (a lab one when the module has labs) and at least one observed
or oral criterion. Problems are reported as ``path:line: message``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.content.model import Activity, Criterion, Rubric, Text
from app.content.schema import Fields, read_text

# lowest first, like every Rubric; the YAML keys are the Italian level names
LEVELS: tuple[tuple[str, Text], ...] = (
    ("in-via-di-prima-acquisizione", Text("In via di prima acquisizione", "Beginning")),
    ("base", Text("Base", "Basic")),
    ("intermedio", Text("Intermedio", "Intermediate")),
    ("avanzato", Text("Avanzato", "Advanced")),
)
RESULT_EVIDENCE = ("lab", "project", "quiz")
SEEN_EVIDENCE = ("observed", "oral")
EVIDENCE = RESULT_EVIDENCE + SEEN_EVIDENCE
MODULE_RUBRIC_TITLE = Text("Rubrica di valutazione del modulo", "Module assessment rubric")


def _criterion(item: Any, line: int, f: Fields, activities: Sequence[Activity]
               ) -> Criterion | None:
    c = Fields(item, f.path, f.problems, "a rubric criterion", line)
    name = c.text("criterion")
    evidence = c.string("evidence")
    if evidence is not None and evidence not in EVIDENCE:
        c.add("evidence", f"unknown evidence '{evidence}' (use {', '.join(EVIDENCE)})")
        evidence = None
    sources: list[str] = []
    refs = c.strings("activities", required=evidence in RESULT_EVIDENCE)
    if evidence in SEEN_EVIDENCE and refs:
        c.add("activities", f"'activities' names where a result comes from; an '{evidence}' "
                            f"criterion has none (remove it)")
    kinds = {a.slug: a.kind for a in activities}
    for slug, ref_line in refs if evidence in RESULT_EVIDENCE else ():
        if slug not in kinds:
            f.problems.add(f.path, ref_line, f"unknown activity '{slug}' in the rubric "
                                             f"(activities of this module: "
                                             f"{', '.join(kinds) or 'none'})")
        elif kinds[slug] != evidence:
            f.problems.add(f.path, ref_line, f"activity '{slug}' is a {kinds[slug]}, not a "
                                             f"{evidence}: the evidence must match its kind")
        else:
            sources.append(slug)
    descriptors: list[Text] = []
    for key, label in LEVELS:
        if key not in c.data:
            if c.valid:
                c.add(None, f"rubric criterion is missing the level '{key}' "
                            f"({label.it}); every criterion describes all four levels")
            c.asked.add(key)
            continue
        text = read_text(c.raw(key), f.path, c.line_of(key), f"level '{key}' of the criterion",
                         f.problems)
        if text is not None:
            descriptors.append(text)
    c.done()
    if name is None or evidence is None or len(descriptors) != len(LEVELS):
        return None
    return Criterion(name, tuple(descriptors), evidence=evidence, activities=tuple(sources))


def read_module_rubric(f: Fields, activities: Sequence[Activity]) -> Rubric | None:
    """Read and check the module's ``rubric:``; None (with problems recorded) if broken."""
    before = len(f.problems)
    criteria = [_criterion(item, line, f, activities)
                for item, line in f.items("rubric", required=False, min_items=2)]
    if not f.has("rubric") or len(f.problems) > before:
        return None
    good = [c for c in criteria if c is not None]
    evidence = {c.evidence for c in good}
    has_labs = any(a.kind == "lab" for a in activities)
    if has_labs and "lab" not in evidence:
        f.add("rubric", "the rubric needs a criterion with 'evidence: lab' naming the "
                        "module's lab activities: the module has labs")
    elif not evidence & set(RESULT_EVIDENCE):
        f.add("rubric", "the rubric needs at least one result criterion ('evidence: lab', "
                        "'project' or 'quiz')")
    if not evidence & set(SEEN_EVIDENCE):
        f.add("rubric", "the rubric needs at least one criterion the teacher observes or "
                        "hears ('evidence: observed' or 'oral'), beside the results")
    if len(f.problems) > before:
        return None
    return Rubric(slug="", title=MODULE_RUBRIC_TITLE,
                  levels=tuple(label for _, label in LEVELS), criteria=tuple(good))
