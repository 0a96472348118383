"""Loader and validation: every error kind names the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.content import ContentErrors, LabActivity, Quiz, load_catalog

from tests.content.factories import BODY, T, Tree, lab_data, line_of, module_data, where


def test_valid_tree_loads(tree: Tree) -> None:
    """Does a correct module load into frozen values with hashes and both languages?"""
    tree.write_module(module_data())
    catalog = tree.catalog()
    module = catalog.modules["modulo-uno"]
    assert module.title.en == "Title" and module.title["it"] == "Titolo"
    assert [a.kind for a in module.activities] == ["lesson", "quiz"]
    assert module.activities[0].body.en.strip() == "Hello, *world*."
    assert module.content_hash.startswith("sha256:")
    assert isinstance(module.activities[1], Quiz) and module.question_count == 1
    with pytest.raises(AttributeError):
        module.slug = "x"  # type: ignore[misc]


def test_unknown_key(tree: Tree) -> None:
    """Is an unknown key reported at its line with a suggestion?"""
    path = tree.write_module(module_data(sumary=T()))
    errors = tree.check()
    assert errors == [where(path, line_of(path, "sumary:"))
                      + "unknown key 'sumary' in the module (did you mean 'summary'?)"]


def test_missing_translation(tree: Tree) -> None:
    """Is a text without English reported at the line of that text?"""
    path = tree.write_module(module_data(title={"it": "Solo italiano"}))
    errors = tree.check()
    assert len(errors) == 1
    assert errors[0].startswith(where(path, line_of(path, "Solo italiano")))
    assert "missing the English (en) translation" in errors[0]


def test_missing_body_section_language(tree: Tree) -> None:
    """Is a lesson without its English section reported?"""
    path = tree.write_module(module_data(), body="=== lezione [it] ===\n\nSolo italiano.\n")
    errors = tree.check()
    assert len(errors) == 1 and "'=== lezione [en] ==='" in errors[0]
    assert errors[0].startswith(where(path, line_of(path, "slug: lezione")))


def test_unknown_skill_code(tree: Tree) -> None:
    """Is an unknown technical skill code reported at its list item?"""
    path = tree.write_module(module_data(skills=["digital-output", "telepathy"]))
    assert tree.check() == [where(path, line_of(path, "- telepathy"))
                            + "unknown skill code 'telepathy' (see curricula/skills.yaml)"]


def test_unknown_digcomp_competence(tree: Tree) -> None:
    """Is a DigComp code that does not exist (6.1) reported?"""
    path = tree.write_module(module_data(digcomp={"6.1": 2}))
    errors = tree.check()
    assert errors == [where(path, line_of(path, "'6.1'"))
                      + "unknown DigComp competence '6.1' (codes go from '1.1' to '5.4')"]


def test_duplicate_module_slug(tree: Tree) -> None:
    """Are two modules with one slug in different tracks reported at the second one?"""
    tree.write_module(module_data(slug="doppio", track="digitale"))
    second = tree.write_module(module_data(slug="doppio", track="robotica"))
    errors = tree.check()
    assert errors == [where(second, line_of(second, "slug: doppio"))
                      + "duplicate module slug 'doppio' (also used by digitale/doppio.md)"]


def test_missing_lab(tree: Tree) -> None:
    """Is a reference to a lab folder that does not exist reported at the 'lab' line?"""
    acts = module_data()["activities"] + [
        {"slug": "lab-uno", "kind": "lab", "minutes": 30, "title": T(), "lab": "blink"}]
    path = tree.write_module(module_data(activities=acts))
    errors = tree.check()
    assert len(errors) == 1
    assert errors[0].startswith(where(path, line_of(path, "lab: blink")))
    assert "lab 'blink' not found in labs/" in errors[0]


def test_coming_lab_accepted_only_when_absent(tree: Tree) -> None:
    """Is a 'coming' lab accepted while its folder is missing, and refused once it exists?"""
    acts = module_data()["activities"] + [
        {"slug": "robot", "kind": "lab", "minutes": 30, "title": T(),
         "lab": {"slug": "line-follower-2", "status": "coming"}}]
    path = tree.write_module(module_data(activities=acts))
    catalog = tree.catalog()
    activity = catalog.modules["modulo-uno"].activity("robot")
    assert isinstance(activity, LabActivity) and activity.coming
    assert catalog.coming_labs == ("line-follower-2",)
    tree.write_lab(lab_data("line-follower-2"))
    errors = tree.check()
    assert errors == [where(path, line_of(path, "lab:", line_of(path, "slug: robot")))
                      + "lab 'line-follower-2' exists in labs/; remove 'status: coming'"]


def test_missing_image(tree: Tree) -> None:
    """Is an image that is not in the module folder reported at its Markdown line?"""
    body = BODY.replace("Ciao, *mondo*.", "Guarda:\n\n![Il circuito](images/circuito.png)")
    path = tree.write_module(module_data(), body=body, folder=True)
    errors = tree.check()
    assert errors == [where(path, line_of(path, "![Il circuito]"))
                      + "image 'images/circuito.png' not found in modulo-uno/"]
    (path.parent / "images").mkdir()
    (path.parent / "images" / "circuito.png").write_bytes(b"\x89PNG fake")
    module = tree.catalog().modules["modulo-uno"]
    assert module.images == ("images/circuito.png",)


def test_image_changes_module_hash(tree: Tree) -> None:
    """Does editing a referenced image give the module a new content hash?"""
    body = BODY.replace("Ciao, *mondo*.", "![x](foto.png)")
    path = tree.write_module(module_data(), body=body, folder=True)
    (path.parent / "foto.png").write_bytes(b"one")
    first = tree.catalog().modules["modulo-uno"].content_hash
    assert tree.catalog().modules["modulo-uno"].content_hash == first
    (path.parent / "foto.png").write_bytes(b"two")
    assert tree.catalog().modules["modulo-uno"].content_hash != first


def test_prerequisite_cycle(tree: Tree) -> None:
    """Is a prerequisite cycle a → b → a reported with the cycle spelled out?"""
    tree.write_module(module_data(slug="modulo-a", prerequisites=["modulo-b"]))
    b = tree.write_module(module_data(slug="modulo-b", prerequisites=["modulo-a"]))
    errors = tree.check()
    assert errors == [where(b, line_of(b, "- modulo-a"))
                      + "prerequisite cycle: modulo-a → modulo-b → modulo-a"]


def test_unknown_prerequisite(tree: Tree) -> None:
    """Is a prerequisite naming no module reported?"""
    path = tree.write_module(module_data(prerequisites=["fantasma"]))
    assert tree.check() == [where(path, line_of(path, "- fantasma"))
                            + "unknown prerequisite module 'fantasma'"]


@pytest.mark.parametrize("level,year,top", [("primaria", 6, 5), ("secondaria-1", 4, 3),
                                            ("secondaria-2", 0, 5)])
def test_year_that_does_not_exist(tree: Tree, level: str, year: int, top: int) -> None:
    """Is a year outside the school level (e.g. 4ª of secondaria di primo grado) refused?"""
    path = tree.write_module(module_data(school={level: [1, year]}))
    assert tree.check() == [where(path, line_of(path, f"- {year}", line_of(path, "school:")))
                            + f"year {year} does not exist in {level} (years 1 to {top})"]


def test_yaml_syntax_error_has_line(tree: Tree) -> None:
    """Is broken YAML (an unquoted ': ') reported at its line, not as a traceback?"""
    path = tree.write_module(module_data())
    text = path.read_text().replace("it: Obiettivo", "it: Obiettivo: capire")
    path.write_text(text)
    errors = tree.check()
    assert len(errors) == 1
    assert errors[0].startswith(where(path, line_of(path, "Obiettivo: capire")))
    assert "YAML syntax error" in errors[0]


def test_single_choice_needs_one_correct(tree: Tree) -> None:
    """Is a single-choice question with two correct options refused?"""
    data = module_data()
    for option in data["activities"][1]["questions"][0]["options"]:
        option["correct"] = True
    path = tree.write_module(data)
    assert tree.check() == [where(path, line_of(path, "options:"))
                            + "a single-choice question needs exactly one option with "
                              "'correct: true' (found 2)"]


def test_rubric_needs_a_descriptor_per_level(tree: Tree) -> None:
    """Is a rubric criterion with fewer descriptors than levels refused?"""
    project = {"slug": "progetto", "kind": "project", "minutes": 60, "title": T(),
               "deliverables": [T("Prototipo", "Prototype")],
               "rubric": {"levels": [T("Base", "Basic"), T("Avanzato", "Advanced")],
                          "criteria": [{"name": T("Cura", "Care"),
                                        "descriptors": [T("Poco", "Little")]}]}}
    data = module_data(activities=[project])
    path = tree.write_module(data, body=BODY.replace("lezione", "progetto"))
    assert tree.check() == [where(path, line_of(path, "descriptors:"))
                            + "criterion needs one descriptor per level: 2 levels, "
                              "1 descriptors"]


def test_activities_longer_than_module(tree: Tree) -> None:
    """Are activities that add up to more than the module's duration refused?"""
    data = module_data(duration=1)
    data["activities"][0]["minutes"] = 55
    path = tree.write_module(data)
    assert tree.check() == [where(path, line_of(path, "duration:"))
                            + "activities take 65 minutes, more than the module's 1 h "
                              "(60 minutes)"]


def test_lab_metadata_errors(tree: Tree) -> None:
    """Are a wrong lab slug, unknown board and missing file reported in lab.yaml?"""
    folder = tree.write_lab({**lab_data("blink"), "slug": "blinky", "boards": ["arduino"]},
                            folder_name="blink")
    (folder / "solution.py").unlink()
    lab_yaml = folder / "lab.yaml"
    assert tree.check() == [
        where(lab_yaml, 1) + "missing file solution.py",
        where(lab_yaml, line_of(lab_yaml, "slug:"))
        + "slug 'blinky' must equal the folder name 'blink'",
        where(lab_yaml, line_of(lab_yaml, "- arduino"))
        + "unknown board 'arduino' (known: pico, pico_w, pico2, pico2_w, esp32, esp32s3, "
          "microbit)",
    ]


def test_lab_programs_are_counted_and_validated(tree: Tree) -> None:
    """Are too few alternatives/wrong programs, a missing comment and a syntax error reported?"""
    folder = tree.write_lab(lab_data("blink"), {"alternatives/alt1.py": "# broken\nif x\n",
                                                "wrong/w0.py": "import machine\n"})
    (folder / "wrong" / "w3.py").unlink()
    (folder / "alternatives" / "alt0.py").unlink()
    errors = tree.check()
    assert "labs/blink/lab.yaml:1: wrong/ has 3 programs, at least 4 are needed" in errors
    assert "labs/blink/lab.yaml:1: alternatives/ has 1 programs, at least 2 are needed" in errors
    assert "labs/blink/alternatives/alt1.py:2: syntax error: expected ':'" in errors
    assert any(e.startswith("labs/blink/wrong/w0.py:1: start with a comment") for e in errors)


def test_lab_engine_keys_pass_through(tree: Tree) -> None:
    """Are the lab engine's 'scenario' and 'checks' kept as written, unvalidated?"""
    tree.write_lab(lab_data("blink", checks=[{"kind": "anything", "x": [1, 2]}]))
    lab = tree.catalog().labs["blink"]
    assert lab.engine["checks"] == [{"kind": "anything", "x": [1, 2]}]
    assert lab.engine["scenario"]["run_ms"] == 3000
    assert lab.default_board == "pico" and lab.hints[0].en == "Use toggle"


def test_all_errors_at_once(tree: Tree) -> None:
    """Are problems in several files all reported in one run, sorted by file and line?"""
    tree.write_module(module_data(slug="primo", skills=["nope"]))
    tree.write_module(module_data(slug="secondo", duration=9, school={"asilo": [1]}))
    with pytest.raises(ContentErrors) as caught:
        load_catalog(tree.content_dir, tree.labs_dir)
    messages = [e.message for e in caught.value.errors]
    assert len(messages) == 3
    assert any("unknown skill code 'nope'" in m for m in messages)
    assert any("'duration' of the module must be a whole number from 1 to 6" in m
               for m in messages)
    assert any("unknown school level 'asilo'" in m for m in messages)
    paths = [e.path for e in caught.value.errors]
    assert paths == sorted(paths)


def test_missing_front_matter(tree: Tree) -> None:
    """Is a module without front matter reported at line 1?"""
    path = Path("curricula/robotica/vuoto.md")
    path.write_text("# Solo Markdown\n")
    assert tree.check() == [where(path, 1) + "the file must start with a line '---' "
                                             "opening the front matter"]


def test_image_path_serves_only_referenced_images(tree: Tree) -> None:
    """Does image_path resolve referenced images only (never module.md or ../ paths)?"""
    body = BODY.replace("Ciao, *mondo*.", "![x](images/foto.png)")
    path = tree.write_module(module_data(), body=body, folder=True)
    (path.parent / "images").mkdir()
    (path.parent / "images" / "foto.png").write_bytes(b"png")
    (path.parent / "images" / "segreto.png").write_bytes(b"png")
    catalog = tree.catalog()
    assert catalog.image_path("module", "modulo-uno", "images/foto.png") is not None
    assert catalog.image_path("module", "modulo-uno", "images/segreto.png") is None
    assert catalog.image_path("module", "modulo-uno", "module.md") is None
    assert catalog.image_path("module", "modulo-uno", "../modulo-uno/images/foto.png") is None
    assert catalog.image_path("lab", "modulo-uno", "images/foto.png") is None


def test_questions_grade_responses(tree: Tree) -> None:
    """Do single, multiple and numeric questions grade responses as documented?"""
    data = module_data()
    data["activities"][1]["questions"] += [
        {"id": "q2", "type": "multiple", "prompt": T(), "options": [
            {"text": T(), "correct": True, "feedback": T()},
            {"text": T(), "correct": True, "feedback": T()},
            {"text": T(), "feedback": T()}]},
        {"id": "q3", "type": "numeric", "prompt": T(), "answer": 220, "tolerance": 5,
         "feedback": {"correct": T(), "wrong": T()}}]
    tree.write_module(data)
    single, multiple, numeric = tree.catalog().modules["modulo-uno"].activities[1].questions
    assert single.is_correct(0) and not single.is_correct(1)
    assert multiple.is_correct({0, 1}) and not multiple.is_correct({0})
    assert numeric.is_correct("224") and not numeric.is_correct(226)
    assert not numeric.is_correct("nan") and not numeric.is_correct(None)
