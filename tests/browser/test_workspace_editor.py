"""The lab workspace in a real browser (Debian's Chromium through Playwright): the CodeMirror
editor (typing, auto-indent, Tab indents, Escape then Tab leaves), Run without reloading with the
error's line highlighted, drafts kept across a reload and a dropped connection, and axe-core on
the page after a run."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import serve_demo, sign_in

BROKEN = ("from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\nwhile True:\n"
          "    led.toggel()\n    time.sleep(0.5)\n")  # line 5 misspells toggle
EDITOR = "#workspace .cm-content"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A demo server of its own, like ``live_server``: the drafts and submissions made here
    stay out of the other browser tests' pages."""
    yield from serve_demo(tmp_path_factory.mktemp("workspace-live"))


def _open_lab(page, server, username, slug="blink"):
    sign_in(page, server, username)
    page.goto(f"{server}/catalog/labs/{slug}")
    page.wait_for_selector(EDITOR)


def _document(page) -> str:
    """The program as the form would post it (the hidden textarea the editor keeps in sync)."""
    return page.evaluate("document.querySelector('#workspace textarea[name=code]').value")


def _replace_program(page, code: str) -> None:
    page.click(EDITOR)
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def test_editor_indents_and_lets_the_keyboard_out(page, server):
    """Does the editor auto-indent after a colon, indent with Tab, and leave with Escape then Tab?"""
    _open_lab(page, server, "fenicottero.blu")
    hint = page.locator("#code-keys-hint")
    assert "Esc" in hint.inner_text()
    assert page.locator(EDITOR).get_attribute("aria-describedby") == "code-keys-hint"
    assert page.locator("#workspace textarea[name=code]").is_hidden()
    assert page.locator("#workspace .cm-lineNumbers").count() == 1
    _replace_program(page, "")
    page.keyboard.type("while True:")
    page.keyboard.press("Enter")
    page.keyboard.type("x = 1")
    assert _document(page) == "while True:\n    x = 1"
    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    assert _document(page) == "while True:\n        x = 1"
    assert page.evaluate("document.activeElement.classList.contains('cm-content')")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "run"
    assert _document(page) == "while True:\n        x = 1"  # the Tab moved focus, it did not indent


def test_run_shows_the_result_without_reloading_and_marks_the_line(page, server):
    """Does Run show the checks without a reload, highlight the error's line, and move there on request?"""
    _open_lab(page, server, "lontra.viola")
    page.evaluate("window.__samePage = true")
    _replace_program(page, BROKEN)
    page.click("#workspace [data-action=run]")
    page.wait_for_selector("#workspace-results .result-fail")
    assert page.evaluate("window.__samePage === true")
    marked = page.locator("#workspace .cm-line.cm-error-line")
    assert marked.count() == 1 and "led.toggel()" in marked.inner_text()
    assert page.locator("#workspace-results").get_attribute("aria-live") == "polite"
    assert "5" in page.locator("#workspace-progress").inner_text()
    page.click("#workspace-results [data-goto-line]")
    assert page.evaluate("document.activeElement.classList.contains('cm-content')")
    page.keyboard.type("#")  # the cursor sits at the start of line 5's code
    assert _document(page).splitlines()[4] == "    #led.toggel()"
    assert page.locator("#workspace .cm-error-line").count() == 0  # an edit clears the mark
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                       "resultTypes": ["violations"]})
    assert [f"{v['id']} ({v['impact']})" for v in results.response["violations"]] == []


def test_reload_keeps_the_draft_even_after_a_dropped_connection(page, server):
    """Is the typed program back after a reload, including changes made while offline?"""
    _open_lab(page, server, "cervo.rosa")
    _replace_program(page, "print('prima bozza')\n")
    status = page.locator("#workspace-draft-status")
    expect(status).to_have_attribute("data-state", "saved")
    page.reload()
    page.wait_for_selector(EDITOR)
    assert _document(page) == "print('prima bozza')\n"
    page.context.set_offline(True)
    _replace_program(page, "print('scritta senza rete')\n")
    expect(status).to_have_attribute("data-state", "local")  # kept here until the connection is back
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(status).to_have_attribute("data-state", "saved")
    page.reload()
    page.wait_for_selector(EDITOR)
    assert _document(page) == "print('scritta senza rete')\n"


def _until_only_the_server_keeps_it(page) -> None:
    """Reload until no draft waits in this computer's storage (the closed tab's last save, sent
    when the connection came back, may still be on its way)."""
    for _ in range(40):
        page.reload()
        page.wait_for_selector(EDITOR)
        if page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('officina.draft.')).length") == 0:
            return
        page.wait_for_timeout(250)
    raise AssertionError("the draft never reached the server")


def test_changes_made_offline_survive_a_closed_tab(page, server):
    """Are changes typed offline in a tab then closed still there at the next visit, and is a copy
    the server never received restored from this computer and sent?"""
    _open_lab(page, server, "cervo.rosa", slug="traffic-light")
    page.context.set_offline(True)
    _replace_program(page, "print('bozza offline')\n")
    expect(page.locator("#workspace-draft-status")).to_have_attribute("data-state", "local")
    context = page.context
    page.close()
    context.set_offline(False)
    again = context.new_page()
    again.goto(f"{server}/catalog/labs/traffic-light")
    again.wait_for_selector(EDITOR)
    assert _document(again) == "print('bozza offline')\n"
    _until_only_the_server_keeps_it(again)
    # A save that never reached the server, left in this computer's storage, comes back and is sent.
    again.evaluate("""() => {
      const section = document.getElementById('workspace');
      localStorage.setItem('officina.draft.' + section.dataset.user + '.traffic-light', JSON.stringify(
        {code: "print('mai arrivata al server')\\n", board: 'pico', base: section.dataset.draftSavedAt, at: Date.now()}));
    }""")
    again.reload()
    again.wait_for_selector(EDITOR)
    assert _document(again) == "print('mai arrivata al server')\n"
    expect(again.locator("#workspace-draft-status")).to_have_attribute("data-state", "saved")
    assert again.evaluate("Object.keys(localStorage).filter(k => k.startsWith('officina.draft.')).length") == 0
    again.reload()
    again.wait_for_selector(EDITOR)
    assert _document(again) == "print('mai arrivata al server')\n"


def test_double_click_and_two_tabs_submit_one_attempt(page, server):
    """Do a double click on Submit and the same program submitted from a second tab make one attempt?"""
    _open_lab(page, server, "volpe.blu", slug="blink")
    _replace_program(page, "from machine import Pin\nled = Pin('LED', Pin.OUT)\nled.on()\n")
    page.dblclick("#workspace [data-action=submit]")
    expect(page.locator("#workspace-results .result-heading")).to_be_visible()
    expect(page.locator("#workspace-attempts tbody tr")).to_have_count(1)
    other = page.context.new_page()
    other.goto(f"{server}/catalog/labs/blink")
    other.wait_for_selector(EDITOR)
    assert _document(other) == "from machine import Pin\nled = Pin('LED', Pin.OUT)\nled.on()\n"
    other.click("#workspace [data-action=submit]")
    expect(other.locator("#workspace-results .result-heading")).to_be_visible()
    expect(other.locator("#workspace-attempts tbody tr")).to_have_count(1)
    results = Axe().run(other, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                        "resultTypes": ["violations"]})
    assert [f"{v['id']} ({v['impact']})" for v in results.response["violations"]] == []
    other.click("#workspace-attempts tbody a")
    expect(other).to_have_url(re.compile(r"/learn/attempts/\d+$"))
    with page.expect_download() as download:
        page.click("#workspace [data-action=download]")
    assert download.value.suggested_filename == "main.py"
    assert open(download.value.path(), encoding="utf-8").read().endswith("led.on()\n")


def test_robot_replay_works_after_a_run_without_reloading(page, server):
    """Does a robot lab's replay player start in the fragment injected by Run (teachers run too, without Submit)?"""
    from pathlib import Path

    solution = (Path(__file__).parents[2] / "labs" / "line-follower-2" / "solution.py").read_text(encoding="utf-8")
    _open_lab(page, server, "prof.rossi", slug="line-follower-2")
    assert page.locator("#workspace [data-action=submit]").count() == 0
    _replace_program(page, solution)
    page.click("#workspace [data-action=run]")
    page.wait_for_selector("#workspace-results .result-pass", timeout=60_000)
    expect(page.locator("#workspace-results [data-officina-replay][data-ofr-mounted]")).to_have_count(1)
