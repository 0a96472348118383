"""The roster pages that only a POST reaches, in a real Chromium with axe-core: the class-list
preview (clean and with row errors), the login cards, and the first sign-in with a card that
forces a new password. Also checks the cards print ten to an A4 page."""

from __future__ import annotations

import re

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import _violations

CLASS_LIST = ("Cognome;Nome;Classe;Data di nascita;Codice fiscale\n"
              "Galli;Sara;2B;14/03/2014;GLLSRA14C54F205Q\n"
              "Ferri;Tommaso;2B;02/02/2013;FRRTMS13B02F205P\n")


def _upload(page, base: str, text: str) -> None:
    page.goto(f"{base}/teach/classes/2/import")
    page.set_input_files("#upload", files=[{"name": "classe.csv", "mimeType": "text/csv", "buffer": text.encode()}])
    page.click("form.card button[type=submit]")


def test_import_preview_errors_and_cards_are_accessible(page, live_server):
    """Are the preview with a bad row, the corrected import and its cards free of WCAG violations?"""
    sign_in(page, live_server, "prof.rossi")
    _upload(page, live_server, CLASS_LIST.replace("02/02/2013", "2013-13-45"))
    assert page.locator("table.mapping-table select").count() == 4  # the tax-code column is gone
    assert "GLLSRA14C54F205Q" not in page.content()
    assert _violations(page) == []
    page.click("button[value=import]")
    assert page.locator(".error-summary a[href='#row-2']").count() == 1
    assert page.locator("#row-2.row-error").count() == 1
    assert _violations(page) == []

    _upload(page, live_server, CLASS_LIST)
    page.click("button[value=import]")
    assert page.locator(".login-card").count() == 2
    assert page.locator(".login-card svg").count() == 2
    assert _violations(page) == []
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    heights = page.evaluate("[...document.querySelectorAll('.login-card')].map(c => c.getBoundingClientRect().height)")
    assert all(190 < h < 230 for h in heights), heights  # 55 mm at 96 dpi ≈ 208 px: ten to a page


def test_first_sign_in_with_a_card(browser, page, live_server):
    """Does a generated card sign in, land on an accessible forced password change, then reach home?"""
    sign_in(page, live_server, "prof.rossi")
    page.goto(f"{live_server}/teach/classes/2/generate")
    page.fill("#count", "1")
    page.click("form.card button[type=submit]")
    username = page.locator(".login-card-username").inner_text()
    password = page.locator(".login-card-password").inner_text()
    assert re.fullmatch(r"[a-z]+\.[a-z]+\d*", username)
    student = browser.new_context().new_page()
    student.goto(f"{live_server}/auth/login?username={username}")
    assert student.input_value("#username") == username
    student.fill("#password", password)
    student.click("form:not(.lang-form) button[type=submit]")
    student.wait_for_url("**/auth/password")
    assert _violations(student) == []
    student.fill("#current_password", password)
    student.fill("#new_password", "la mia bici verde")
    student.fill("#confirm", "la mia bici verde")
    student.click("main form button[type=submit]")
    student.wait_for_url("**/learn/")
    student.context.close()
