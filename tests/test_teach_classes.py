"""Teachers' own classes: creating one, co-teachers, archiving (read-only), and the join code
(joining, locking, regenerating). Real SQLite, real forms."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import ClassRole, Classroom, Role
from app.teach import roster
from tests.factories import csrf_token, enrol, gen_user


@pytest.fixture
def teacher_client(app, world, login):
    world.teacher.preferred_language = "en"
    db.session.commit()
    client = app.test_client()
    login(client, world.teacher)
    return client


def _post(client, path: str, data: dict | None = None, token_page: str = "/teach/"):
    return client.post(path, data={"csrf_token": csrf_token(client, token_page), **(data or {})})


def _new_class(client, **fields):
    data = {"level": "secondaria_primo", "year": "3", "section": "D", "school_year": "2026/27", **fields}
    return _post(client, "/teach/classes/new", data, "/teach/classes/new")


def test_teacher_creates_own_class(teacher_client, world):
    """Does a teacher's new class exist with them as its teacher, and appear on their home?"""
    response = _new_class(teacher_client, school_id=str(world.school.id))
    assert response.status_code == 302
    room = db.session.scalar(select(Classroom).where(Classroom.section == "D"))
    assert room.has_member(world.teacher, ClassRole.TEACHER) and room.school_id == world.school.id
    assert "3D" in teacher_client.get("/teach/").get_data(as_text=True)


def test_year_is_checked_against_the_level(teacher_client, world):
    """Is year 5 of secondaria di primo grado refused with a message on the year field?"""
    response = _new_class(teacher_client, school_id=str(world.school.id), year="5")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "That year does not exist at this level." in html
    assert 'href="#year"' in html
    assert db.session.scalar(select(Classroom).where(Classroom.section == "D")) is None


def test_teacher_cannot_create_a_class_in_another_school(teacher_client, world):
    """Is a forged school id of another school refused?"""
    response = _new_class(teacher_client, school_id=str(world.other_school.id))
    assert response.status_code == 400  # not among the form's choices
    assert db.session.scalar(select(Classroom).where(Classroom.section == "D")) is None


def test_co_teacher_gets_the_same_rights(app, teacher_client, world, login):
    """Can a colleague added as co-teacher manage the class, and is another school's teacher refused?"""
    room_page = f"/teach/classes/{world.classroom.id}"
    refused = _post(teacher_client, f"{room_page}/co-teachers", {"teacher_id": str(world.other_teacher.id)}, room_page)
    assert refused.status_code == 400
    added = _post(teacher_client, f"{room_page}/co-teachers", {"teacher_id": str(world.target.id)}, room_page)
    assert added.status_code == 302
    colleague = app.test_client()
    login(colleague, world.target)
    assert colleague.get(room_page).status_code == 200
    response = _post(colleague, f"{room_page}/generate", {"count": "2", "under_14": "yes"}, f"{room_page}/generate")
    assert response.status_code == 200
    db.session.expire_all()
    assert len(db.session.get(Classroom, world.classroom.id).students) == 3


def test_co_teacher_removed_and_the_last_teacher_kept(app, teacher_client, world, login):
    """Can a teacher remove a co-teacher (who then loses the class), and is leaving refused to the
    last teacher?"""
    room_page = f"/teach/classes/{world.classroom.id}"
    assert _post(teacher_client, f"{room_page}/co-teachers", {"teacher_id": str(world.target.id)}, room_page).status_code == 302
    removed = _post(teacher_client, f"{room_page}/co-teachers/{world.target.id}/remove", token_page=room_page)
    assert removed.status_code == 302
    colleague = app.test_client()
    login(colleague, world.target)
    assert colleague.get(room_page).status_code == 403
    last = _post(teacher_client, f"{room_page}/co-teachers/{world.teacher.id}/remove", token_page=room_page)
    assert last.status_code == 302 and last.headers["Location"].endswith(room_page)
    db.session.expire_all()
    assert [t.id for t in db.session.get(Classroom, world.classroom.id).teachers] == [world.teacher.id]
    outsider = _post(teacher_client, f"/teach/classes/{world.other_classroom.id}/co-teachers/{world.other_teacher.id}/remove",
                     token_page=room_page)
    assert outsider.status_code == 403


def test_archived_class_is_read_only_and_listed_apart(teacher_client, world):
    """After archiving, is the class listed apart, still readable, and refused every change?"""
    room_page = f"/teach/classes/{world.classroom.id}"
    assert _post(teacher_client, f"{room_page}/archive", token_page=room_page).status_code == 302
    home = teacher_client.get("/teach/").get_data(as_text=True)
    assert home.index("Archived classes") < home.index(f"/teach/classes/{world.classroom.id}")
    page = teacher_client.get(room_page)
    assert page.status_code == 200 and "archived" in page.get_data(as_text=True)
    assert "Import a class list" not in page.get_data(as_text=True)
    token = csrf_token(teacher_client, "/teach/")
    for path in ("/generate", "/import", "/join-code/lock", "/join-code/new", "/archive",
                 f"/students/{world.student.id}/reset-password", f"/students/{world.student.id}/under-14"):
        assert teacher_client.post(room_page + path, data={"csrf_token": token, "count": "2"}).status_code == 403, path


def test_teacher_sets_the_under_14_flag(teacher_client, world):
    """Can the teacher correct a student's under-14 flag from the class page?"""
    room_page = f"/teach/classes/{world.classroom.id}"
    assert world.student.under_14
    assert _post(teacher_client, f"{room_page}/students/{world.student.id}/under-14", token_page=room_page).status_code == 302
    db.session.expire_all()
    assert db.session.get(type(world.student), world.student.id).under_14 is False


def test_join_code_joins_and_locked_code_refuses(app, teacher_client, world, login):
    """Does a student of the school join with the code (and the link), and is a locked code refused?"""
    newcomer = gen_user("nuovo.arrivato", Role.STUDENT, world.school, preferred_language="en")
    late = gen_user("in.ritardo", Role.STUDENT, world.school, preferred_language="en")
    db.session.commit()
    student = app.test_client()
    login(student, newcomer)
    link_page = student.get(f"/join/{world.classroom.join_code.lower()}")
    assert world.classroom.join_code in link_page.get_data(as_text=True)
    joined = _post(student, "/join/", {"code": world.classroom.join_code.lower()}, "/join/")
    assert joined.status_code == 302
    db.session.expire_all()
    assert db.session.get(Classroom, world.classroom.id).has_member(newcomer, ClassRole.STUDENT)

    room_page = f"/teach/classes/{world.classroom.id}"
    assert _post(teacher_client, f"{room_page}/join-code/lock", token_page=room_page).status_code == 302
    other = app.test_client()
    login(other, late)
    refused = _post(other, "/join/", {"code": world.classroom.join_code}, "/join/")
    assert refused.status_code == 400 and "not accepting new students" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert not db.session.get(Classroom, world.classroom.id).has_member(late)


def test_regenerated_code_replaces_the_old_one(app, teacher_client, world, login):
    """After a new code is made, is the old one refused and the new one accepted?"""
    old_code = world.classroom.join_code
    room_page = f"/teach/classes/{world.classroom.id}"
    assert _post(teacher_client, f"{room_page}/join-code/new", token_page=room_page).status_code == 302
    db.session.expire_all()
    new_code = db.session.get(Classroom, world.classroom.id).join_code
    assert new_code != old_code
    newcomer = gen_user("nuovo.arrivato", Role.STUDENT, world.school, preferred_language="en")
    db.session.commit()
    student = app.test_client()
    login(student, newcomer)
    assert _post(student, "/join/", {"code": old_code}, "/join/").status_code == 400
    assert _post(student, "/join/", {"code": new_code}, "/join/").status_code == 302


def test_another_schools_code_reveals_nothing(app, world, login):
    """Is a student refused another school's class with the same answer as an unknown code?"""
    world.student.preferred_language = "en"
    db.session.commit()
    student = app.test_client()
    login(student, world.student)
    for code in (world.other_classroom.join_code, "ZZZZZZZZ"):
        response = _post(student, "/join/", {"code": code}, "/join/")
        assert response.status_code == 400 and "No open class has this code" in response.get_data(as_text=True)
    db.session.expire_all()
    assert not db.session.get(Classroom, world.other_classroom.id).has_member(world.student)


def test_already_member_is_told_so(app, world, login):
    """Does joining one's own class again say so instead of failing?"""
    world.student.preferred_language = "en"
    db.session.commit()
    student = app.test_client()
    login(student, world.student)
    response = _post(student, "/join/", {"code": world.classroom.join_code}, "/join/")
    assert response.status_code == 400 and "already in this class" in response.get_data(as_text=True)


def test_class_list_reading_rules():
    """Are headers guessed, tax codes dropped (column or stray cell) and ages derived correctly?"""
    table = roster.read_delimited("Cognome,Nome,Codice Fiscale,Data di nascita\nRossi,Giulia,RSSGLI14C54F205X,14/03/2014\n"
                                  "Bianchi,BNCMRC10A01F205Z,,2010-01-01\nVerdi,Luca,,\n")
    assert table.headers == ["Cognome", "Nome", "Data di nascita"] and table.dropped_headers == ["Codice Fiscale"]
    assert table.blanked_cells == 1 and "BNCMRC10A01F205Z" not in str(table.rows)
    mapping = roster.guess_mapping(table.headers)
    assert mapping == ["surname", "first_name", "birth_date"]
    from datetime import date

    rows = roster.build_rows(table, mapping, date(2026, 11, 29), set())
    assert [r.under_14 for r in rows] == [True, False, None]
    assert rows[1].display_name == "Bianchi"
    assert roster.mapping_problems(["surname", "surname"]) == ["field_used_twice", "no_name_column"]


def test_title_rows_above_the_header_are_skipped():
    """Does an export that starts with a title line still find its header row?"""
    table = roster.read_delimited("Elenco alunni classe 2B;;\n;;\nCognome;Nome;Classe\nRossi;Giulia;2B\n")
    assert table.headers == ["Cognome", "Nome", "Classe"] and table.rows == [["Rossi", "Giulia", "2B"]]
