"""The lab page's board panel (catalog/_board_panel.html) and the page's copy of the program
wrapper: what each visitor sees, and the browser wrapping a program byte for byte as the server."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from flask import render_template

from app.boards.harness import harness_source, wrap_program

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(app):
    if "boards" not in app.blueprints:
        from app.boards.views import bp

        app.register_blueprint(bp)
    return app


def _panel(app, slug, workspace):
    from app.catalog.services import get_catalog

    with app.test_request_context("/"):
        return render_template("catalog/_board_panel.html", lab=get_catalog().labs[slug], workspace=workspace)


def test_students_get_check_on_the_board_for_a_gradeable_lab(app):
    """Does a student see "Check on the board", the route and the harness on the blink lab?"""
    html = _panel(app, "blink", workspace=object())
    assert 'data-board-action="check"' in html
    assert 'data-attempt-url="/learn/labs/blink/board-attempt"' in html
    assert 'aria-live="polite"' in html and 'data-board-action="stop"' in html
    harness = re.search(r'<script type="application/json" id="board-harness">(.*?)</script>', html, re.S)
    assert json.loads(harness.group(1)) == harness_source()


def test_labs_needing_inputs_say_they_run_without_a_grade(app):
    """Does a lab with simulated inputs offer the run but not the check, and say why?"""
    html = _panel(app, "night-lamp", workspace=object())
    assert 'data-board-action="run"' in html
    assert 'data-board-action="check"' not in html and "data-attempt-url" not in html
    assert "board-not-graded" in html


def test_visitors_who_are_not_students_cannot_check(app):
    """Does a visitor without a workspace (teacher, anonymous) get the run but no check?"""
    html = _panel(app, "blink", workspace=None)
    assert 'data-board-action="run"' in html and 'data-board-action="check"' not in html


def test_the_page_wraps_programs_exactly_as_the_server():
    """Does board.mjs's wrapProgram produce the same text as app.boards.harness.wrap_program?"""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (CI installs it for the JavaScript tests)")
    code = 'from machine import Pin\nprint("è \\\\ \\t")\n\x01'
    script = ("import('" + (ROOT / "app/static/js/board/board.mjs").as_uri() + "').then(m => "
              "process.stdout.write(m.wrapProgram(process.argv[1], Number(process.argv[2]), process.argv[3])))")
    for seconds in (5.0, 7.5):
        out = subprocess.run([node, "--input-type=module", "-e", script, code, str(seconds), harness_source()],
                             capture_output=True, text=True, check=True, timeout=60).stdout
        assert out == wrap_program(code, seconds)
