"""axe-core on the classroom's pages that the journey (test_classroom_journey.py) does not pass
through, over the demo's classroom state: a student's making project, home and attempt; the
teacher's grid with its filters, the review of a project waiting and of a passed attempt; the lab
worksheet and the free playground, before and after a run. Only serious and critical findings
fail, as in the journey."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.test_classroom_journey import RUN_TIMEOUT_MS, _serious_violations

PROJECT = "/learn/projects/design-thinking/prototipo-e-test"
SHARED_PAGES = ["/catalog/labs/blink/worksheet", "/catalog/labs/traffic-light/worksheet", "/playground/"]


def _sweep(page, base: str, paths: list[str]) -> dict[str, list[str]]:
    problems = {}
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, (path, response.status)
        found = _serious_violations(page)
        if found:
            problems[path] = found
    return problems


def test_student_pages_are_accessible(page, classroom_server):
    """Are a student's home, project, attempt, worksheet and playground free of serious WCAG findings?"""
    base = classroom_server
    sign_in(page, base, "fenicottero.blu")
    problems = _sweep(page, base, ["/learn/", PROJECT, *SHARED_PAGES])
    page.goto(base + "/learn/")
    attempt = page.locator("a[href*='/learn/attempts/']").first
    expect(attempt).to_be_attached()
    page.goto(base + attempt.get_attribute("href"))
    if found := _serious_violations(page):
        problems["student attempt"] = found
    page.goto(base + "/playground/")
    page.click("main form button[type=submit]")
    expect(page.locator("#playground-results")).to_be_visible(timeout=RUN_TIMEOUT_MS)
    if found := _serious_violations(page):
        problems["playground after a run"] = found
    assert not problems, problems


def test_teacher_pages_are_accessible(page, classroom_server):
    """Are a teacher's grid and its filters, reviews, worksheet and playground free of serious WCAG findings?"""
    base, grid = classroom_server, "/teach/classes/2/progress"
    sign_in(page, base, "prof.rossi")
    problems = _sweep(page, base, [grid, f"{grid}?show=overdue", f"{grid}?show=review",
                                   "/teach/classes/2/assignments/new", *SHARED_PAGES])
    for status, shown in (("needs_review", f"{grid}?show=review"), ("passed", grid)):
        page.goto(base + shown)
        link = page.locator(f"table.progress-grid td.status-{status} a").first
        expect(link).to_be_attached()
        page.goto(base + link.get_attribute("href"))
        if found := _serious_violations(page):
            problems[f"review of a {status} attempt"] = found
    assert not problems, problems
