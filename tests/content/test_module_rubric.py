"""A module's rubric: four Italian levels, lab results plus an observed or oral part."""

from __future__ import annotations

from typing import Any

from app.content import check_content

from tests.content.factories import REPO, T, Tree, lab_data, line_of, module_data, where

LEVEL_KEYS = ("avanzato", "intermedio", "base", "in-via-di-prima-acquisizione")


def criterion(name: str, evidence: str, activities: list[str] | None = None,
              **over: Any) -> dict:
    data: dict[str, Any] = {"criterion": T(name, name), "evidence": evidence}
    if activities is not None:
        data["activities"] = activities
    data.update({key: T(f"{name} {key}", f"{name} {key} en") for key in LEVEL_KEYS})
    data.update(over)
    return data


def with_lab(rubric: list[dict]) -> dict:
    lab = {"slug": "lab-led", "kind": "lab", "minutes": 20, "title": T("Lab", "Lab"),
           "lab": "blink"}
    data = module_data(rubric=rubric)
    data["activities"] = data["activities"] + [lab]
    return data


def test_valid_rubric_loads_lowest_level_first(tree: Tree) -> None:
    """Does a lab + oral rubric load with the four levels in order, lowest first?"""
    tree.write_lab(lab_data("blink"))
    tree.write_module(with_lab([criterion("Lab", "lab", ["lab-led"]),
                                criterion("Spiega", "oral")]))
    rubric = tree.catalog().modules["modulo-uno"].rubric
    assert rubric is not None
    assert [level.it for level in rubric.levels] == [
        "In via di prima acquisizione", "Base", "Intermedio", "Avanzato"]
    lab, oral = rubric.criteria
    assert (lab.evidence, lab.activities, oral.evidence) == ("lab", ("lab-led",), "oral")
    assert lab.descriptors[0].it == "Lab in-via-di-prima-acquisizione"
    assert lab.descriptors[3].en == "Lab avanzato en"


def test_missing_level_is_named(tree: Tree) -> None:
    """Is a criterion without 'base' reported at the criterion's line, naming the level?"""
    bad = criterion("Spiega", "oral")
    del bad["base"]
    path = tree.write_module(module_data(rubric=[criterion("Quiz", "quiz", ["verifica"]), bad]))
    assert tree.check() == [where(path, line_of(path, "criterion:", line_of(path, "Spiega")
                                                - 2))
                            + "rubric criterion is missing the level 'base' (Base); every "
                              "criterion describes all four levels"]


def test_unknown_level_key_gets_a_suggestion(tree: Tree) -> None:
    """Is a misspelt level key reported at its own line with a 'did you mean'?"""
    bad = criterion("Spiega", "oral")
    bad["intermedia"] = bad.pop("intermedio")
    path = tree.write_module(module_data(rubric=[criterion("Quiz", "quiz", ["verifica"]), bad]))
    errors = tree.check()
    assert where(path, line_of(path, "intermedia:")) + (
        "unknown key 'intermedia' in a rubric criterion (did you mean 'intermedio'?)") in errors


def test_lab_module_needs_a_lab_criterion(tree: Tree) -> None:
    """Is a rubric without a lab criterion refused when the module has a lab?"""
    tree.write_lab(lab_data("blink"))
    path = tree.write_module(with_lab([criterion("Quiz", "quiz", ["verifica"]),
                                       criterion("Spiega", "oral")]))
    assert tree.check() == [where(path, line_of(path, "rubric:"))
                            + "the rubric needs a criterion with 'evidence: lab' naming the "
                              "module's lab activities: the module has labs"]


def test_results_alone_are_refused(tree: Tree) -> None:
    """Is a rubric with only results (no observed or oral part) refused?"""
    tree.write_lab(lab_data("blink"))
    path = tree.write_module(with_lab([criterion("Lab", "lab", ["lab-led"]),
                                       criterion("Quiz", "quiz", ["verifica"])]))
    assert tree.check() == [where(path, line_of(path, "rubric:"))
                            + "the rubric needs at least one criterion the teacher observes or "
                              "hears ('evidence: observed' or 'oral'), beside the results"]


def test_evidence_must_match_the_activity(tree: Tree) -> None:
    """Are a lab criterion pointing at a lesson and an unknown activity both reported?"""
    path = tree.write_module(module_data(rubric=[
        criterion("Lab", "lab", ["lezione", "fantasma"]), criterion("Visto", "observed")]))
    errors = tree.check()
    assert where(path, line_of(path, "- lezione")) + (
        "activity 'lezione' is a lesson, not a lab: the evidence must match its kind") in errors
    assert where(path, line_of(path, "- fantasma")) + (
        "unknown activity 'fantasma' in the rubric (activities of this module: lezione, "
        "verifica)") in errors


def test_unknown_evidence_and_missing_translation(tree: Tree) -> None:
    """Are an unknown evidence kind and a level without English reported at their lines?"""
    bad = criterion("Visto", "guardato", avanzato={"it": "Solo italiano"})
    path = tree.write_module(module_data(rubric=[criterion("Quiz", "quiz", ["verifica"]), bad]))
    errors = tree.check()
    assert where(path, line_of(path, "evidence: guardato")) + (
        "unknown evidence 'guardato' (use lab, project, quiz, observed, oral)") in errors
    assert where(path, line_of(path, "Solo italiano")) + (
        "level 'avanzato' of the criterion is missing the English (en) translation") in errors


def test_rubric_must_be_a_list_of_two(tree: Tree) -> None:
    """Is a one-criterion rubric refused at the 'rubric' line?"""
    path = tree.write_module(module_data(rubric=[criterion("Visto", "observed")]))
    errors = tree.check()
    assert where(path, line_of(path, "rubric:")) + (
        "'rubric' of the module needs at least 2 items") in errors


def test_every_shipped_module_has_a_valid_rubric() -> None:
    """Does every shipped module carry a four-level rubric mixing results and observation?"""
    catalog, errors = check_content(REPO / "curricula", REPO / "labs")
    assert [str(e) for e in errors if "curricula" in e.path] == []
    missing = [m.slug for m in catalog.modules.values() if m.rubric is None]
    assert missing == []
    for module in catalog.modules.values():
        assert module.rubric is not None
        kinds = {c.evidence for c in module.rubric.criteria}
        assert kinds & {"observed", "oral"}, module.slug
        if module.lab_slugs:
            assert "lab" in kinds, module.slug
