"""The shipped curriculum and the ``content check`` command."""

from __future__ import annotations

import ast

from click.testing import CliRunner

from app.content import SCHOOL_LEVELS, check_content
from app.content.cli import content

from tests.content.factories import REPO, T, Tree, module_data


def test_shipped_curriculum_has_no_errors() -> None:
    """Does the repository's curriculum load with zero errors?"""
    catalog, errors = check_content(REPO / "curricula", REPO / "labs")
    assert [str(e) for e in errors] == []
    assert len(catalog.modules) >= 18


def test_shipped_curriculum_covers_tracks_and_levels() -> None:
    """Are all three tracks and all three school levels covered by shipped modules?"""
    catalog, _ = check_content(REPO / "curricula", REPO / "labs")
    assert {m.track for m in catalog.modules.values()} == {"digitale", "making", "robotica"}
    assert {lv for m in catalog.modules.values() for lv in m.levels} == set(SCHOOL_LEVELS)
    assert len(catalog.skills.competences) == 21 and len(catalog.skills.levels) == 8


def test_check_command_reports_errors_and_exit_code(tree: Tree) -> None:
    """Does 'content check' print every error as path:line and exit non-zero?"""
    tree.write_module(module_data(slug="uno", skills=["boh"]))
    tree.write_module(module_data(slug="due", title=T("x", "")))
    result = CliRunner().invoke(content, ["check", "--content-dir", str(tree.content_dir),
                                          "--labs-dir", str(tree.labs_dir)])
    assert result.exit_code == 1
    assert "curricula/robotica/uno.md:" in result.output
    assert "curricula/robotica/due.md:" in result.output
    assert "2 errors found." in result.output
    assert "Traceback" not in result.output


def test_check_command_prints_counts(tree: Tree) -> None:
    """Does 'content check' print the counts and exit 0 when all is well?"""
    tree.write_module(module_data())
    result = CliRunner().invoke(content, ["check"], env={
        "OFFICINA_CONTENT_DIR": str(tree.content_dir), "OFFICINA_LABS_DIR": str(tree.labs_dir)})
    assert result.exit_code == 0, result.output
    assert "1 modules, 2 activities, 1 quiz questions, 41 skills" in result.output


def test_content_package_imports_no_flask() -> None:
    """Does app/content stay free of Flask imports (usable from the CLI alone)?"""
    for path in (REPO / "app" / "content").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0].lower().startswith("flask") for n in names), path
            assert not any(n.startswith("app.") and not n.startswith("app.content")
                           for n in names), path


def test_documented_example_module_is_valid(tree: Tree) -> None:
    """Does the complete module example in docs/content.md pass the checker?"""
    from tests.content.factories import lab_data
    doc = (REPO / "docs" / "content.md").read_text(encoding="utf-8")
    start = doc.index("```markdown\n---\nslug: esempio-led") + len("```markdown\n")
    example = doc[start:doc.index("\n```\n", start)] + "\n"
    folder = tree.content_dir / "robotica" / "esempio-led"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "schema.png").write_bytes(b"\x89PNG example")
    (folder / "module.md").write_text(example, encoding="utf-8")
    tree.write_module(module_data(slug="led-uscite-digitali"))
    tree.write_lab(lab_data("button-debounce"))
    module = tree.catalog().modules["esempio-led"]
    assert [a.kind for a in module.activities] == ["lesson", "quiz", "lab", "lab", "project"]
    assert module.images == ("images/schema.png",)
