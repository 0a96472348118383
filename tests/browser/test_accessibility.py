"""Accessibility in a real browser: axe-core (WCAG 2.1 A/AA rules) on every role's pages, and
keyboard use (skip link first, visible focus, forms usable without a mouse)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import sign_in

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    None: ["/auth/login", "/no-such-page"],
    "volpe.blu": ["/learn/", "/auth/password", "/join/", "/catalog/", "/catalog/modules/breadboard-legge-di-ohm",
                  "/catalog/labs/", "/catalog/labs/traffic-light"],
    "prof.rossi": ["/teach/", "/teach/classes/1", "/teach/classes/new", "/teach/classes/1/import",
                   "/teach/classes/1/generate", "/catalog/modules/pwm-e-suono", "/catalog/modules/pwm-e-suono/sheet",
                   "/catalog/labs/blink", "/catalog/skills", "/catalog/?track=robotica&level=secondaria-1"],
    "staff.comune": ["/program/"],
    "prof.esposito": ["/teach/classes/4"],  # a locked join code
    "admin": ["/admin/", "/admin/schools", "/admin/schools/new", "/admin/users", "/admin/users/new",
              "/admin/classes", "/admin/classes/new"],
}


def _violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]]


@pytest.mark.parametrize("username", list(PAGES), ids=lambda u: u or "anonymous")
def test_pages_have_no_wcag_violations(page, live_server, username):
    """Do this role's pages pass axe-core's WCAG 2.1 AA rules, in Italian and in English?"""
    if username:
        sign_in(page, live_server, username)
    problems = {}
    for path in PAGES[username]:
        page.goto(live_server + path)
        found = _violations(page)
        if found:
            problems[path] = found
    assert not problems, problems


def test_invalid_form_is_accessible(page, live_server):
    """Does a form re-rendered with errors stay accessible (summary linked to fields, aria-invalid)?"""
    sign_in(page, live_server, "admin")
    page.goto(live_server + "/admin/schools/new")
    page.click("form.card button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#name[aria-invalid=true]").count() == 1
    assert _violations(page) == []


def test_keyboard_first_tab_is_skip_link_to_main(page, live_server):
    """Is the first Tab stop the skip link, and does it move focus to the main content?"""
    page.goto(live_server + "/auth/login")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_sign_in_with_keyboard_only(page, live_server):
    """Can a student sign in using only the keyboard?"""
    page.goto(live_server + "/auth/login")
    page.focus("#username")
    page.keyboard.type("volpe.blu")
    page.keyboard.press("Tab")
    page.keyboard.type("officina-demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/learn/")
    assert "Le mie classi" in page.content()


def test_focus_is_visible(page, live_server):
    """Does a focused control draw a visible outline?"""
    page.goto(live_server + "/auth/login")
    page.focus("#username")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_english_pages_are_accessible_and_labelled(page, live_server):
    """After switching to English, is the page in English with lang="en" and still WCAG-clean?"""
    page.goto(live_server + "/auth/login")
    page.select_option("#language-select", "en")
    page.click(".lang-form button")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Sign in to Officina" in page.content()
    assert _violations(page) == []
