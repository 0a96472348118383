"""The classroom's daily loop in a real Chromium against one live server: a teacher creates a
class, imports its list, prints the login cards and assigns a module with a quiz and a lab; a
student signs in with a card, answers the quiz on the page, writes a program in the CodeMirror
editor with the keyboard only, runs it, sees the failing check's line highlighted, reloads and
finds the draft, fixes it and submits it; the teacher sees the grid cell become "passed" (the CSV
export agrees), opens the attempt from the grid with the keyboard and comments; the student finds
the comment, marked new, on their home. axe-core runs on every page of the loop; its serious and critical findings
are collected and asserted at the end, so one page's problem does not hide the rest of the loop.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import WCAG_TAGS

CLASS_LIST = ("Cognome;Nome;Classe;Codice fiscale\n"
              "Neri;Irene;2J;NRERNI13C54F205Q\n"
              "Conti;Luca;2J;CNTLCU13B02F205P\n")
STUDENT = "Irene Neri"
MODULE = "led-uscite-digitali"
QUIZ_URL = f"/learn/quizzes/{MODULE}/verifica-led"
EDITOR = "#workspace .cm-content"
# Typed key by key: the editor indents the lines after "while True:" by itself. Line 5 is wrong.
BROKEN_LINES = ["from machine import Pin", "import time", 'led = Pin("LED", Pin.OUT)', "while True:",
                "led.toggel()", "time.sleep_ms(250)"]
BROKEN = ('from machine import Pin\nimport time\nled = Pin("LED", Pin.OUT)\nwhile True:\n'
          "    led.toggel()\n    time.sleep_ms(250)")
FIXED = BROKEN.replace("toggel", "toggle")
# An upper bound for waiting on the simulator on a busy machine (not a timing assertion).
RUN_TIMEOUT_MS = 30_000
COMMENT = "Bravissima: ora prova a cambiare il ritmo del LED."


def _serious_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def _audit(page, problems: dict[str, list[str]], label: str) -> None:
    """Record this page's serious or critical axe-core findings under ``label``."""
    found = _serious_violations(page)
    if found:
        problems[label] = found


def _document(page) -> str:
    return page.evaluate("document.querySelector('#workspace textarea[name=code]').value")


def _focused(page, script: str):
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {script}; }})()")


def _teacher_sets_up_the_class(page, base: str, problems: dict[str, list[str]]) -> tuple[int, str, str]:
    """Create 2J, import its list, print the cards, assign the module; return (class id, username, password)."""
    sign_in(page, base, "prof.rossi")
    page.goto(f"{base}/teach/classes/new")
    page.select_option("#level", "secondaria_primo")
    page.select_option("#year", "2")
    page.fill("#section", "J")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/teach/classes/\d+$"))
    classroom_id = int(page.url.rsplit("/", 1)[1])

    page.click(f"a[href$='/teach/classes/{classroom_id}/import']")
    page.set_input_files("#upload", files=[{"name": "2J.csv", "mimeType": "text/csv", "buffer": CLASS_LIST.encode()}])
    page.click("form.card button[type=submit]")
    expect(page.locator("table.mapping-table select")).to_have_count(3)  # the tax-code column is gone
    assert "NRERNI13C54F205Q" not in page.content()
    page.click("button[value=import]")
    expect(page.locator(".login-card")).to_have_count(2)
    card = page.locator(".login-card", has_text=STUDENT)
    username = card.locator(".login-card-username").inner_text()
    password = card.locator(".login-card-password").inner_text()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(card).to_be_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1, "two cards print on one A4 page"
    page.emulate_media(media="screen")

    page.goto(f"{base}/teach/classes/{classroom_id}")
    page.click(f"a[href$='/teach/classes/{classroom_id}/assignments/new']")
    page.wait_for_selector("#module")
    _audit(page, problems, "assign form")
    page.select_option("#module", MODULE)
    expect(page.locator(f"#activity option[value='{MODULE}/lab-blink']")).to_be_enabled()
    page.select_option("#activity", "")  # the whole module: its quiz and its two labs
    page.click("main form.card button[type=submit]")
    page.wait_for_url(re.compile(rf"/teach/classes/{classroom_id}#assignments$"))
    expect(page.locator("#assignments tbody tr")).to_have_count(1)
    _audit(page, problems, "class page with its assignment")
    return classroom_id, username, password


def _grid_cell(page, student: str, activity_title: str):
    """The grid cell of ``student`` in the column whose heading is ``activity_title``."""
    headings = page.locator("table.progress-grid thead tr.activity-row th abbr")
    titles = [headings.nth(i).get_attribute("title") for i in range(headings.count())]
    column = titles.index(activity_title)
    row = page.locator("table.progress-grid tbody tr", has=page.locator("th", has_text=student))
    return row.locator("td").nth(column)


def _student_signs_in_with_the_card(student, base: str, username: str, password: str) -> None:
    student.goto(f"{base}/auth/login?username={username}")
    expect(student.locator("#username")).to_have_value(username)
    student.fill("#password", password)
    student.click("form:not(.lang-form) button[type=submit]")
    student.wait_for_url("**/auth/password")
    student.fill("#current_password", password)
    student.fill("#new_password", "il mio led rosso")
    student.fill("#confirm", "il mio led rosso")
    student.click("main form button[type=submit]")
    student.wait_for_url("**/learn/")


def _student_answers_the_quiz(student, problems: dict[str, list[str]]) -> None:
    student.click(f"a[href$='{QUIZ_URL}']")
    student.wait_for_url(f"**{QUIZ_URL}")
    _audit(student, problems, "quiz")
    student.check("#q-stati-uscita-0")
    student.check("#q-polarita-1")  # wrong: the shorter leg
    student.check("#q-righe-necessarie-3")  # wrong: led.read() does not exist
    student.fill("#q-frequenza", "4")  # wrong: 2 Hz
    student.click("form.quiz-form button[type=submit]")
    expect(student.locator("#result .result-fail")).to_be_visible()
    expect(student.locator("#result .check-fail")).to_have_count(3)
    expect(student.locator("#result .feedback").first).to_be_visible()  # the chosen option's feedback
    _audit(student, problems, "quiz with a failed result")
    student.check("#q-stati-uscita-0")
    student.check("#q-polarita-0")
    for index in range(3):
        student.check(f"#q-righe-necessarie-{index}")
    student.uncheck("#q-righe-necessarie-3")
    student.fill("#q-frequenza", "2")
    student.click("form.quiz-form button[type=submit]")
    expect(student.locator("#result .result-pass")).to_be_visible()
    expect(student.locator("#result .check-pass")).to_have_count(4)
    expect(student.locator("section[aria-labelledby=history-title] tbody tr")).to_have_count(2)


def _student_writes_runs_and_submits(student, base: str, problems: dict[str, list[str]]) -> None:
    """Keyboard only in the editor: Tab in, indent, Escape-Tab out, type, Run, reload, fix, Submit."""
    student.goto(f"{base}/learn/")
    student.click("a[href$='/catalog/labs/blink']")
    student.wait_for_selector(EDITOR)
    student.focus("#board")
    student.keyboard.press("Tab")
    assert _focused(student, "el.classList.contains('cm-content')"), "Tab from the board list enters the editor"
    student.keyboard.press("Control+a")
    student.keyboard.type("x")
    student.keyboard.press("Tab")
    assert _document(student) == "    x", "Tab indents inside the editor"
    assert _focused(student, "el.classList.contains('cm-content')")
    student.keyboard.press("Escape")
    student.keyboard.press("Tab")
    assert _focused(student, "el.dataset.action") == "run", "Escape then Tab leaves the editor for Run"
    assert _document(student) == "    x"
    student.keyboard.press("Shift+Tab")
    assert _focused(student, "el.classList.contains('cm-content')"), "Shift+Tab comes back into the editor"
    student.keyboard.press("Control+a")
    for number, line in enumerate(BROKEN_LINES):
        if number:
            student.keyboard.press("Enter")
        student.keyboard.type(line)
    assert _document(student) == BROKEN

    student.keyboard.press("Escape")
    student.keyboard.press("Tab")
    student.keyboard.press("Enter")  # Run
    expect(student.locator("#workspace-results .result-fail")).to_be_visible(timeout=RUN_TIMEOUT_MS)
    marked = student.locator("#workspace .cm-line.cm-error-line")
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("led.toggel()")
    expect(student.locator("#workspace-results [data-goto-line='5']")).to_be_visible()
    _audit(student, problems, "lab workspace with a failed run")

    # The draft reaches the server (the copy kept on this computer is then dropped) and a reload
    # brings it back from there.
    expect(student.locator("#workspace-draft-status")).not_to_be_empty()
    student.wait_for_function("() => !Object.keys(localStorage).some(k => k.startsWith('officina.draft.'))",
                             timeout=RUN_TIMEOUT_MS)
    student.reload()
    student.wait_for_selector(EDITOR)
    assert _document(student) == BROKEN, "the reload shows the saved draft, not the starter"

    student.focus("#board")
    student.keyboard.press("Tab")
    student.keyboard.press("Control+Home")
    for _line in range(4):
        student.keyboard.press("ArrowDown")
    student.keyboard.press("End")
    student.keyboard.press("Shift+Home")  # selects the code of line 5, not its indentation
    student.keyboard.type("led.toggle()")
    assert _document(student) == FIXED
    student.keyboard.press("Escape")
    student.keyboard.press("Tab")
    student.keyboard.press("Tab")
    assert _focused(student, "el.dataset.action") == "submit"
    student.keyboard.press("Enter")  # Submit
    expect(student.locator("#workspace-results .result-heading")).to_be_visible(timeout=RUN_TIMEOUT_MS)
    expect(student.locator("#workspace-results .result-pass")).to_be_visible()
    expect(student.locator("#workspace-attempts tbody tr")).to_have_count(1)
    expect(student.locator("#workspace-attempts tbody tr .status-pass")).to_be_visible()
    _audit(student, problems, "lab workspace after a submission")


def _check_the_export(page) -> None:
    """The grid's CSV download says the same as the grid (docs/export.md), without tax codes."""
    with page.expect_download() as download:
        page.click("a[href$='/export.csv']")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "NRERNI13C54F205Q" not in text
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 6  # two students × the quiz and two labs
    mine = {row["activity_key"]: row for row in rows if row["student"] == STUDENT}
    lab, quiz = mine["lab:blink"], mine[f"quiz:{MODULE}/verifica-led"]
    assert (lab["status"], lab["attempts"], quiz["status"], quiz["attempts"]) == ("passed", "1", "passed", "2")
    assert mine["lab:sos-morse"]["status"] == "not_started"


def _teacher_reviews_from_the_grid(page, base: str, classroom_id: int, lab_title: str,
                                   problems: dict[str, list[str]]) -> None:
    """The lab cell now says passed; Tab reaches its link, Enter opens the attempt; comment."""
    page.goto(f"{base}/teach/classes/{classroom_id}/progress")
    cell = _grid_cell(page, STUDENT, lab_title)
    expect(cell).to_have_class(re.compile(r"\bstatus-passed\b"))
    expect(_grid_cell(page, STUDENT, "Verifica veloce")).to_have_class(re.compile(r"\bstatus-passed\b"))
    href = cell.locator("a").get_attribute("href")
    _audit(page, problems, "progress grid with work")
    _check_the_export(page)
    page.focus(".grid-scroll")
    for _press in range(12):
        page.keyboard.press("Tab")
        if _focused(page, "el.getAttribute('href')") == href:
            break
    assert _focused(page, "el.getAttribute('href')") == href, "Tab reaches the lab cell's link"
    assert _focused(page, "getComputedStyle(el).outlineStyle") != "none", "the focused cell shows its focus"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    expect(page.locator(".code-listing")).to_contain_text("led.toggle()")
    _audit(page, problems, "attempt review")
    page.fill("#body", COMMENT)
    page.click("#comments form button[type=submit]")
    expect(page.locator("#comments .comment-body")).to_have_text(COMMENT)
    _audit(page, problems, "attempt review with a comment")


def test_classroom_journey(browser, page, classroom_server):
    """Does the daily loop work end to end, by keyboard where it matters, with no serious axe-core finding?"""
    base = classroom_server
    problems: dict[str, list[str]] = {}
    classroom_id, username, password = _teacher_sets_up_the_class(page, base, problems)

    page.goto(f"{base}/teach/classes/{classroom_id}/progress")
    lab_title = "Lab: Blink"
    cell = _grid_cell(page, STUDENT, lab_title)
    expect(cell).to_have_class(re.compile(r"\bstatus-not_started\b"))
    expect(cell.locator("a")).to_have_count(0)
    _audit(page, problems, "progress grid, nothing done")

    student_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        student = student_context.new_page()
        _student_signs_in_with_the_card(student, base, username, password)
        expect(student.locator("#todo-title + ul .work-item")).to_have_count(3)  # the quiz and two labs
        _audit(student, problems, "student home with work to do")
        _student_answers_the_quiz(student, problems)
        _student_writes_runs_and_submits(student, base, problems)

        _teacher_reviews_from_the_grid(page, base, classroom_id, lab_title, problems)

        student.goto(f"{base}/learn/")
        feedback = student.locator(".feedback-list li.unseen")
        expect(feedback).to_have_count(1)
        expect(feedback).to_contain_text(COMMENT)
        expect(feedback.locator(".tag")).to_be_visible()  # the "new" mark
        expect(student.locator("#feedback-title .tag")).to_be_visible()
        _audit(student, problems, "student home with new feedback")
        feedback.locator("a").click()
        expect(student.locator("body")).to_contain_text(COMMENT)
        _audit(student, problems, "student's attempt page")
        student.goto(f"{base}/learn/")
        expect(student.locator(".feedback-list li.unseen")).to_have_count(0)  # read: no longer new
    finally:
        student_context.close()
    assert not problems, problems
