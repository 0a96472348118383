"""Students in with no e-mail: class lists (CSV, XLSX, paste) with a preview and per-row errors,
all or nothing, tax codes never kept; generated accounts; login cards with QR codes; one-time
passwords that must be changed; resets; the join code. Real SQLite, real forms, real sign-in."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text

from app.extensions import db
from app.models import ClassRole, Membership, Role, User
from tests.factories import CSRF_PATTERN, PASSWORD, csrf_token, enrol, gen_user

TAX_CODES = ["RSSGLI14C54F205X", "BNCMRC10A01F205Z", "VRDLCU13T10F205K"]
SPAGGIARI_CSV = (
    "Cognome;Nome;Classe;Data di nascita;Codice fiscale\n"
    f"Rossi;Giulia;2B;14/03/2014;{TAX_CODES[0]}\n"
    f"Bianchi;Marco;2B;01/01/2010;{TAX_CODES[1]}\n"
    f"Verdi;Luca;2B;10/12/2013;{TAX_CODES[2]}\n"
)


@pytest.fixture
def teacher_client(app, world, login):
    world.teacher.preferred_language = "en"
    db.session.commit()
    client = app.test_client()
    assert login(client, world.teacher).status_code == 302
    return client


def _token(html: str) -> str:
    match = CSRF_PATTERN.search(html)
    assert match, html[:500]
    return match.group(1) or match.group(2)


def _upload(client, room_id: int, payload: bytes, filename: str, **fields):
    token = csrf_token(client, f"/teach/classes/{room_id}/import")
    data = {"csrf_token": token, "upload": (io.BytesIO(payload), filename), "under_14": "yes",
            "username_style": "pseudonym", **fields}
    return client.post(f"/teach/classes/{room_id}/import", data=data, content_type="multipart/form-data")


def _confirm(client, room_id: int, preview_html: str, mapping: dict[int, str] | None = None, action: str = "import"):
    """Post the preview form back as the browser would, with the auto-detected or given mapping."""
    selected = dict(re.findall(r'<select id="map-(\d+)".*?<option value="(\w+)" selected', preview_html, re.S))
    data = {f"map-{index}": use for index, use in selected.items()}
    data.update({f"map-{index}": use for index, use in (mapping or {}).items()})
    hidden = dict(re.findall(r'<input id="(table|under_14|username_style)" name="\1" type="hidden" value="([^"]*)"', preview_html))
    import html as html_lib
    data.update({name: html_lib.unescape(value) for name, value in hidden.items()})
    data.update({"csrf_token": _token(preview_html), "action": action})
    return client.post(f"/teach/classes/{room_id}/import/confirm", data=data)


def _students(room) -> list[User]:
    return list(db.session.scalars(select(User).join(Membership).where(
        Membership.classroom_id == room.id, Membership.role == ClassRole.STUDENT).order_by(User.display_name)))


def _all_stored_text() -> str:
    """Every value of every table, as text: what the database keeps."""
    chunks = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)):
            chunks.append(" ".join(str(value) for value in row))
    return "\n".join(chunks)


def test_csv_import_preview_then_cards(teacher_client, world):
    """Does a registry CSV import through the preview into accounts with login cards?"""
    preview = _upload(teacher_client, world.classroom.id, SPAGGIARI_CSV.encode("cp1252"), "classe.csv")
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "Cognome" in html and "Giulia Rossi" in html
    response = _confirm(teacher_client, world.classroom.id, html)
    cards = response.get_data(as_text=True)
    assert response.status_code == 200, cards[:2000]
    db.session.expire_all()
    new = [s for s in _students(world.classroom) if s.id != world.student.id]
    assert sorted(s.display_name for s in new) == ["Giulia Rossi", "Luca Verdi", "Marco Bianchi"]
    assert cards.count('class="login-card"') == 3 and cards.count("<svg") == 3
    for student in new:
        assert student.username in cards and re.fullmatch(r"[a-z]+\.[a-z]+\d*", student.username)
        assert student.must_change_password and student.email is None and student.school_id == world.school.id
    under_14 = {s.display_name: s.under_14 for s in new}
    assert under_14 == {"Giulia Rossi": True, "Luca Verdi": True, "Marco Bianchi": False}
    assert response.headers["Cache-Control"] == "no-store"


def test_tax_code_never_stored_nor_echoed(teacher_client, world):
    """Is a tax code dropped on reading: absent from the preview, the cards and the database?"""
    csv_text = SPAGGIARI_CSV + f"Neri;Anna;2B;;nota {TAX_CODES[0][:-1]}Y\n"
    preview = _upload(teacher_client, world.classroom.id, csv_text.encode(), "classe.csv")
    html = preview.get_data(as_text=True)
    assert "Codice fiscale" in html  # the teacher is told the column was removed…
    response = _confirm(teacher_client, world.classroom.id, html)
    assert response.status_code == 200
    for code in TAX_CODES + [TAX_CODES[0][:-1] + "Y"]:
        assert code not in html and code.lower() not in html.lower()  # …but never shown its content
        assert code not in response.get_data(as_text=True)
    stored = _all_stored_text().upper()
    assert not any(code in stored for code in TAX_CODES) and "14/03/2014" not in stored and "2014-03-14" not in stored


def test_wrong_row_imports_nothing_and_names_the_row(teacher_client, world):
    """Does one bad birth date refuse the whole list, naming its row, and create no account?"""
    users_before = db.session.scalar(select(func.count(User.id)))
    bad = SPAGGIARI_CSV.replace("01/01/2010", "31/02/2010")
    html = _upload(teacher_client, world.classroom.id, bad.encode(), "classe.csv").get_data(as_text=True)
    response = _confirm(teacher_client, world.classroom.id, html)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Nothing has been imported" in page and 'href="#row-2"' in page and 'id="row-2"' in page
    assert "The birth date is not a date" in page
    assert db.session.scalar(select(func.count(User.id))) == users_before


def test_importing_the_same_list_twice_is_refused(teacher_client, world):
    """Is a list whose students are already in the class refused (no duplicate accounts)?"""
    html = _upload(teacher_client, world.classroom.id, SPAGGIARI_CSV.encode(), "c.csv").get_data(as_text=True)
    assert _confirm(teacher_client, world.classroom.id, html).status_code == 200
    html = _upload(teacher_client, world.classroom.id, SPAGGIARI_CSV.encode(), "c.csv").get_data(as_text=True)
    response = _confirm(teacher_client, world.classroom.id, html)
    assert response.status_code == 400 and "already in the class" in response.get_data(as_text=True)
    db.session.expire_all()
    assert len(_students(world.classroom)) == 4


def test_xlsx_import_with_dates_and_name_usernames(teacher_client, world):
    """Does an Excel workbook (real date cells, a tax-code column) import, with name-based usernames?"""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Id Alunno", "Cognome", "Nome", "Data di nascita", "C.F."])
    sheet.append([1001, "Rossi", "Giulia", datetime(2014, 3, 14), TAX_CODES[0]])
    sheet.append([1002, "D'Amico", "Niccolò", datetime(2009, 5, 2), TAX_CODES[1]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = _upload(teacher_client, world.classroom.id, buffer.getvalue(), "export.xlsx",
                   username_style="name").get_data(as_text=True)
    assert TAX_CODES[0] not in html
    response = _confirm(teacher_client, world.classroom.id, html)
    assert response.status_code == 200, response.get_data(as_text=True)[:1500]
    db.session.expire_all()
    by_name = {s.display_name: s for s in _students(world.classroom)}
    assert by_name["Giulia Rossi"].username == "giulia.rossi" and by_name["Giulia Rossi"].under_14
    assert by_name["Niccolò D'Amico"].username == "niccolo.damico" and not by_name["Niccolò D'Amico"].under_14


def test_pasted_cells_with_mapping_changed_on_preview(teacher_client, world):
    """Can the teacher paste tab-separated cells and remap a column the guess missed?"""
    token = csrf_token(teacher_client, f"/teach/classes/{world.classroom.id}/import")
    pasted = "Studente\tSezione\nAnna Neri\tB\nPaolo Gialli\tB\n"
    response = teacher_client.post(f"/teach/classes/{world.classroom.id}/import",
                                   data={"csrf_token": token, "pasted": pasted, "under_14": "no", "username_style": "pseudonym"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Anna Neri" in html
    refused = _confirm(teacher_client, world.classroom.id, html, mapping={0: "ignore"})
    assert refused.status_code == 400 and "Choose the column with the first name" in refused.get_data(as_text=True)
    assert _confirm(teacher_client, world.classroom.id, html, mapping={0: "full_name"}).status_code == 200
    db.session.expire_all()
    assert {s.display_name: s.under_14 for s in _students(world.classroom)}.get("Paolo Gialli") is False


def test_unreadable_upload_rerenders_with_message(teacher_client, world):
    """Does an old binary .xls come back with a message and nothing created?"""
    response = _upload(teacher_client, world.classroom.id, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old.xls")
    assert response.status_code == 400 and "old Excel file" in response.get_data(as_text=True)


def test_generate_accounts_gives_cards_with_qr(teacher_client, world):
    """Do twelve generated accounts come with twelve cards, each with a QR SVG and its username?"""
    token = csrf_token(teacher_client, f"/teach/classes/{world.classroom.id}/generate")
    response = teacher_client.post(f"/teach/classes/{world.classroom.id}/generate",
                                   data={"csrf_token": token, "count": "12", "under_14": "yes"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    db.session.expire_all()
    new = [s for s in _students(world.classroom) if s.id != world.student.id]
    assert len(new) == 12 and len({s.username for s in new}) == 12
    assert html.count('class="login-card"') == 12 and html.count("<svg") == 12
    for student in new:
        assert f'<code class="login-card-username">{student.username}</code>' in html
        assert f"<title>Sign-in link for {student.username}</title>" in html
        assert student.under_14 and student.must_change_password
    passwords = re.findall(r'<code class="login-card-password">([^<]+)</code>', html)
    assert len(passwords) == 12 and all(re.fullmatch(r"[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}", p) for p in passwords)
    assert "cdn" not in html.lower() and "<script" not in html


def test_card_password_must_be_changed_at_first_sign_in(app, teacher_client, world, login):
    """Does a card's password sign in once and force a new password before anything else?"""
    token = csrf_token(teacher_client, f"/teach/classes/{world.classroom.id}/generate")
    html = teacher_client.post(f"/teach/classes/{world.classroom.id}/generate",
                               data={"csrf_token": token, "count": "1", "under_14": "yes"}).get_data(as_text=True)
    username = re.search(r'login-card-username">([^<]+)<', html).group(1)
    password = re.search(r'login-card-password">([^<]+)<', html).group(1)
    student_client = app.test_client()
    student = db.session.scalar(select(User).where(User.username == username))
    assert login(student_client, student, password).status_code == 302
    assert student_client.get("/learn/").headers["Location"].endswith("/auth/password")
    token = csrf_token(student_client, "/auth/password")
    same = student_client.post("/auth/password", data={"csrf_token": token, "current_password": password,
                                                       "new_password": password, "confirm": password})
    assert same.status_code == 400
    changed = student_client.post("/auth/password", data={"csrf_token": token, "current_password": password,
                                                          "new_password": "il mio robot rosso", "confirm": "il mio robot rosso"})
    assert changed.status_code == 302
    assert student_client.get("/learn/").status_code == 200
    db.session.expire_all()
    assert db.session.get(User, student.id).must_change_password is False


def test_login_page_fills_the_username_from_the_qr_link(client):
    """Does the sign-in address on a card's QR code fill in the username?"""
    html = client.get("/auth/login?username=volpe.blu").get_data(as_text=True)
    assert 'value="volpe.blu"' in html


def test_reset_gives_a_new_card_and_the_old_password_stops_working(app, teacher_client, world, login):
    """Does a reset print one new card, and does the old password stop signing in?"""
    token = csrf_token(teacher_client, f"/teach/classes/{world.classroom.id}")
    response = teacher_client.post(f"/teach/classes/{world.classroom.id}/students/{world.student.id}/reset-password",
                                   data={"csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.count('class="login-card"') == 1 and "<svg" in html
    new_password = re.search(r'login-card-password">([^<]+)<', html).group(1)
    assert login(app.test_client(), world.student, PASSWORD).status_code == 401
    assert login(app.test_client(), world.student, new_password).status_code == 302


def test_unused_cards_can_be_printed_again(app, teacher_client, world, login):
    """Are cards never used printed again with new passwords, leaving students who signed in alone?"""
    room_page = f"/teach/classes/{world.classroom.id}"
    token = csrf_token(teacher_client, f"{room_page}/generate")
    first = teacher_client.post(f"{room_page}/generate", data={"csrf_token": token, "count": "3", "under_14": "yes"})
    old_passwords = re.findall(r'login-card-password">([^<]+)<', first.get_data(as_text=True))
    response = teacher_client.post(f"{room_page}/cards", data={"csrf_token": csrf_token(teacher_client, room_page)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.count('class="login-card"') == 3
    assert world.student.username not in html  # has their own password: no card
    db.session.expire_all()
    usernames = re.findall(r'login-card-username">([^<]+)<', first.get_data(as_text=True))
    student = db.session.scalar(select(User).where(User.username == usernames[0]))
    assert login(app.test_client(), student, old_passwords[0]).status_code == 401
