"""Catalog pages over the shipped curriculum: browsing, filters, both languages, and what only
teachers see (teacher notes, quiz answers, lab solutions)."""

from __future__ import annotations

import pytest
from markupsafe import escape

from app.catalog.services import get_catalog
from app.content import LabActivity, Quiz
from tests.factories import csrf_token


@pytest.fixture
def catalog():
    return get_catalog()


def _signed_in(app, login, user):
    client = app.test_client()
    login(client, user)
    return client


def _module_with_notes(catalog):
    return next(m for m in catalog.modules.values() if m.teacher_notes.it.strip() and m.question_count)


def test_catalog_lists_every_module_in_both_languages(app, world, login, catalog):
    """Does the catalog list every module to a teacher, with Italian titles by default and English ones after switching?"""
    client = _signed_in(app, login, world.teacher)
    html = client.get("/catalog/").get_data(as_text=True)
    for module in catalog.modules.values():
        assert module.title.it in html.replace("&#39;", "'").replace("&amp;", "&")
    token = csrf_token(client, "/catalog/")
    client.post("/language", data={"language": "en", "next": "/catalog/", "csrf_token": token})
    english = client.get("/catalog/").get_data(as_text=True).replace("&#39;", "'").replace("&amp;", "&")
    for module in catalog.modules.values():
        assert module.title.en in english


def test_filters_narrow_the_list(app, world, login, catalog):
    """Do the track, level, board and text filters return exactly the matching modules?"""
    client = _signed_in(app, login, world.teacher)
    robotics = [m for m in catalog.modules.values() if m.track == "robotica"]
    html = client.get("/catalog/?track=robotica").get_data(as_text=True)
    assert f"{len(robotics)} moduli trovati" in html or (len(robotics) == 1 and "1 modulo trovato" in html)
    others = [m for m in catalog.modules.values() if m.track != "robotica"]
    assert others and all(f'/catalog/modules/{m.slug}"' not in html for m in others)
    primaria = [m for m in catalog.modules.values() if m.suits("primaria")]
    html = client.get("/catalog/?level=primaria").get_data(as_text=True)
    assert all(f'/catalog/modules/{m.slug}"' in html for m in primaria)
    assert "Nessun modulo" in client.get("/catalog/?q=zzzznonesiste").get_data(as_text=True)


def test_students_never_see_teacher_material(app, world, login, catalog):
    """Is a student shown no teacher notes, quiz answers, feedback or lab solutions — while a teacher is?"""
    module = _module_with_notes(catalog)
    quiz = next(a for a in module.activities if isinstance(a, Quiz))
    feedback = next(o.feedback.it for q in quiz.questions for o in q.options if o.feedback.it.strip())
    lab = next(iter(catalog.labs.values()))
    solution_line = next(line for line in lab.solution.splitlines() if line.strip() and line.strip() not in lab.starter)
    student = _signed_in(app, login, world.student)
    teacher = _signed_in(app, login, world.teacher)
    student_module = student.get(f"/catalog/modules/{module.slug}").get_data(as_text=True)
    teacher_module = teacher.get(f"/catalog/modules/{module.slug}").get_data(as_text=True)
    assert "teacher-notes" not in student_module and "teacher-notes" in teacher_module
    assert 'class="correct"' not in student_module and 'class="correct"' in teacher_module
    assert _escaped(feedback) not in student_module and _escaped(feedback) in teacher_module
    student_lab = student.get(f"/catalog/labs/{lab.slug}").get_data(as_text=True)
    teacher_lab = teacher.get(f"/catalog/labs/{lab.slug}").get_data(as_text=True)
    assert "solution-title" not in student_lab and "solution-title" in teacher_lab
    assert student.get(f"/catalog/modules/{module.slug}/sheet").status_code == 403


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_module_page_shows_objectives_materials_safety(app, world, login, catalog):
    """Does a module page show its objectives, materials, safety notes and every activity title?"""
    client = _signed_in(app, login, world.student)
    module = next(m for m in catalog.modules.values() if m.safety and m.materials)
    html = client.get(f"/catalog/modules/{module.slug}").get_data(as_text=True)
    for item in (*module.objectives, *module.materials, *module.safety):
        assert _escaped(item.it) in html
    for activity in module.activities:
        assert _escaped(activity.title.it) in html


def test_robotics_modules_link_their_labs(app, world, login, catalog):
    """Does every ready lab activity link to its lab page, and a coming one say it is coming?"""
    client = _signed_in(app, login, world.student)
    for module in catalog.modules.values():
        labs = [a for a in module.activities if isinstance(a, LabActivity)]
        if not labs:
            continue
        html = client.get(f"/catalog/modules/{module.slug}").get_data(as_text=True)
        for activity in labs:
            if activity.coming:
                assert "in arrivo" in html.lower()
            else:
                assert f"/catalog/labs/{activity.lab}" in html


def test_printable_sheet_has_print_stylesheet(app, world, login, catalog):
    """Does a teacher's module sheet load the print stylesheet and list the timing of every activity?"""
    client = _signed_in(app, login, world.teacher)
    module = next(iter(catalog.modules.values()))
    html = client.get(f"/catalog/modules/{module.slug}/sheet").get_data(as_text=True)
    assert "css/print.css" in html
    assert html.count("<td class=\"num\">") >= len(module.activities)
    css = client.get("/static/css/print.css").get_data(as_text=True)
    assert "@media print" in css and ".site-header" in css


def test_sheet_shows_module_rubric_highest_level_first(app, world, login, catalog):
    """Does the teacher's sheet show the module's rubric, avanzato before the first stage, with
    each criterion's evidence?"""
    client = _signed_in(app, login, world.teacher)
    module = next(m for m in catalog.modules.values() if m.rubric is not None)
    html = client.get(f"/catalog/modules/{module.slug}/sheet").get_data(as_text=True)
    section = html[html.index('id="module-rubric-title"'):]
    levels = [str(escape(lv.it)) for lv in module.rubric.levels]
    assert section.index(levels[-1]) < section.index(levels[0])
    for criterion in module.rubric.criteria:
        assert str(escape(criterion.name.it)) in section
    assert "Colloquio orale" in section or "Osservazione" in section


def test_unknown_module_and_image_are_404(app, world, login):
    """Do an unknown module, an unknown lab and an unreferenced content file give 404?"""
    client = _signed_in(app, login, world.student)
    assert client.get("/catalog/modules/nope").status_code == 404
    assert client.get("/catalog/labs/nope").status_code == 404
    assert client.get("/content/lab/blink/solution.py").status_code == 404
    assert client.get("/content/lab/blink/../../pyproject.toml").status_code == 404


def test_markdown_in_pages_has_no_raw_html(app, world, login, catalog):
    """Do rendered catalog pages contain no script tags or inline event handlers from content?"""
    client = _signed_in(app, login, world.teacher)
    for slug in catalog.modules:
        html = client.get(f"/catalog/modules/{slug}").get_data(as_text=True).lower()
        assert "<script" not in html and " onerror=" not in html and " onclick=" not in html


def test_content_sync_is_idempotent_and_versions_changes(app, tmp_path):
    """Does `content sync` record everything once, and give a changed module a new version while
    keeping the old one?"""
    import shutil

    from sqlalchemy import func, select

    from app.content import default_dirs
    from app.extensions import db
    from app.models import ActivityVersion, LabVersion, ModuleVersion

    content_dir, labs_dir = default_dirs()
    copy = tmp_path / "curricula"
    shutil.copytree(content_dir, copy)
    runner = app.test_cli_runner()
    args = ["content", "sync", "--content-dir", str(copy), "--labs-dir", str(labs_dir)]
    first = runner.invoke(args=args)
    assert first.exit_code == 0, first.output
    modules = db.session.scalar(select(func.count(ModuleVersion.id)))
    labs = db.session.scalar(select(func.count(LabVersion.id)))
    assert modules >= 18 and labs >= 12
    assert db.session.scalar(select(func.count(ActivityVersion.id))) > modules
    second = runner.invoke(args=args)
    assert "0 new versions" in second.output
    assert db.session.scalar(select(func.count(ModuleVersion.id))) == modules

    path = next(copy.glob("digitale/*.md"))
    slug = path.stem
    old = db.session.scalar(select(ModuleVersion).where(ModuleVersion.slug == slug))
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title:", 1) + "\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("=== ", "\n=== ", 1), encoding="utf-8")
    third = runner.invoke(args=args)
    assert third.exit_code == 0, third.output
    assert f"module:{slug}" in third.output
    db.session.expire_all()
    versions = db.session.scalars(select(ModuleVersion).where(ModuleVersion.slug == slug).order_by(ModuleVersion.id)).all()
    assert len(versions) == 2 and versions[0].id == old.id
    assert [v.current for v in versions] == [False, True]
    assert versions[0].activities, "the old version keeps its activities"


def test_content_sync_refuses_broken_content(app, tmp_path):
    """Does `content sync` refuse to record anything when a file has errors, naming file and line?"""
    import shutil

    from sqlalchemy import func, select

    from app.content import default_dirs
    from app.extensions import db
    from app.models import ModuleVersion

    content_dir, labs_dir = default_dirs()
    copy = tmp_path / "curricula"
    shutil.copytree(content_dir, copy)
    broken = next(copy.glob("making/*.md"))
    broken.write_text(broken.read_text(encoding="utf-8").replace("duration:", "durata:", 1), encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["content", "sync", "--content-dir", str(copy), "--labs-dir", str(labs_dir)])
    assert result.exit_code != 0
    assert f"{broken.name}:" in result.output
    assert db.session.scalar(select(func.count(ModuleVersion.id))) == 0


def _try(client, slug, code, board="pico"):
    token = csrf_token(client, f"/catalog/labs/{slug}")
    return client.post(f"/catalog/labs/{slug}", data={"code": code, "board": board, "csrf_token": token})


def test_tryout_grades_the_solution_in_the_sandbox(app, world, login, catalog):
    """Does running a lab's own solution from the lab page show every check passed and the run's pictures?"""
    client = _signed_in(app, login, world.student)
    lab = catalog.labs["blink"]
    response = _try(client, "blink", lab.solution, lab.default_board)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "result-pass" in html and "check-fail" not in html
    assert html.count('src="data:image/svg+xml;base64,') >= 2


def test_tryout_explains_errors_with_the_students_line(app, world, login):
    """Does a misspelt method get its line number, a plain explanation and failed checks?"""
    client = _signed_in(app, login, world.student)
    code = "from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\nwhile True:\n    led.toggel()\n    time.sleep(0.5)\n"
    html = _try(client, "blink", code).get_data(as_text=True)
    assert "riga 5" in html and "toggle" in html and "check-fail" in html


def test_tryout_shows_the_measurement_and_the_hint_for_its_cause(app, world, login):
    """Does an uneven blink (on 480 ms, off 20 ms) get the measured times and the uneven-blink
    hint, in Italian with a decimal comma where there are decimals?"""
    client = _signed_in(app, login, world.student)
    code = ("from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\nwhile True:\n"
            "    led.on()\n    time.sleep_ms(480)\n    led.off()\n    time.sleep_ms(20)\n")
    html = _try(client, "blink", code).get_data(as_text=True)
    assert "Misurato" in html and "480 ms" in html and "20 ms" in html
    from app.sim import load_lab

    hint = load_lab("blink").checks[1].hints["uneven"]["it"]
    assert str(escape(hint)) in html


def test_tryout_contains_hostile_code(app, world, login):
    """Is hostile code (reading files, an endless compute loop) contained with a clear result, not a 500?"""
    client = _signed_in(app, login, world.student)
    for code in ("print(open('/etc/passwd').read())", "while True:\n    x = 1 + 1\n", "import os\nos.system('ls')"):
        response = _try(client, "blink", code)
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert "root:" not in html and "result-fail" in html


def test_tryout_rejects_a_board_the_lab_does_not_support(app, world, login):
    """Is a board outside the lab's list refused with a form message?"""
    client = _signed_in(app, login, world.student)
    response = _try(client, "blink", "print(1)", board="microbit")
    assert response.status_code == 400


def test_broken_content_gives_a_friendly_503(app, world, login, tmp_path, monkeypatch):
    """When the content on disk has errors, do catalog pages say so (503) instead of crashing?"""
    import shutil

    from app.catalog import services
    from app.content import default_dirs

    content_dir, labs_dir = default_dirs()
    copy = tmp_path / "curricula"
    shutil.copytree(content_dir, copy)
    broken = next(copy.glob("digitale/*.md"))
    broken.write_text("---\nslug: [\n---\n", encoding="utf-8")
    monkeypatch.setenv("OFFICINA_CONTENT_DIR", str(copy))
    monkeypatch.setattr(services, "_cache", services._Cache())
    client = _signed_in(app, login, world.teacher)
    response = client.get("/catalog/")
    assert response.status_code == 503
    assert "Momentaneamente non disponibile" in response.get_data(as_text=True)
    monkeypatch.setattr(services, "_cache", services._Cache())


def test_robot_lab_shows_visible_worlds_and_a_replay(app, world, login, catalog):
    """Does a robot lab page show only the visible worlds, and running the solution give a replay?"""
    from app.sim import load_lab

    client = _signed_in(app, login, world.student)
    lab = catalog.labs["line-follower-2"]
    robot = load_lab(lab.folder).robot
    html = client.get("/catalog/labs/line-follower-2").get_data(as_text=True)
    assert html.count('alt="Mondo ') == len(robot.visible()) < len(robot.worlds)
    assert "replay.js" in html
    response = _try(client, "line-follower-2", lab.solution, lab.default_board)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "result-pass" in html
    assert 'data-officina-replay="ofr-data"' in html and '<script type="application/json" id="ofr-data">' in html
    for hidden in (w for w in robot.worlds if w.hidden):
        assert hidden.file not in html
