"""Administration: schools, accounts, password resets, deactivation; bad input never a 500."""

from __future__ import annotations

from sqlalchemy import func, select

from app.auth.passwords import verify_password
from app.extensions import db
from app.models import Role, School, SchoolLevel, User
from tests.factories import PASSWORD, csrf_token

SCHOOL = {"name": "IC Nuovo", "code": "miic81200a", "city": "Milano", "district": "Municipio 5", "levels": ["primaria"]}


def _admin_client(app, world, login):
    client = app.test_client()
    login(client, world.admin)
    return client


def test_admin_creates_school_with_normalised_code(app, world, login):
    """Can an admin create a school, with the code upper-cased and levels stored?"""
    client = _admin_client(app, world, login)
    token = csrf_token(client, "/admin/schools/new")
    response = client.post("/admin/schools/new", data={**SCHOOL, "csrf_token": token})
    assert response.status_code == 302
    school = db.session.scalar(select(School).where(School.code == "MIIC81200A"))
    assert school is not None and school.levels == [SchoolLevel.PRIMARIA]


def test_invalid_and_duplicate_school_code_rerender(app, world, login):
    """Do an invalid code and a duplicate code re-render the form with a message, never a 500?"""
    client = _admin_client(app, world, login)
    count = db.session.scalar(select(func.count(School.id)))
    for code, message in (("MI123", "quattro lettere"), (world.school.code.lower(), "ha già questo codice")):
        token = csrf_token(client, "/admin/schools/new")
        response = client.post("/admin/schools/new", data={**SCHOOL, "code": code, "csrf_token": token})
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(School.id))) == count


def test_missing_fields_rerender_with_messages(app, world, login):
    """Does an empty school form come back listing each missing field, in Italian?"""
    client = _admin_client(app, world, login)
    token = csrf_token(client, "/admin/schools/new")
    html = client.post("/admin/schools/new", data={"csrf_token": token}).get_data(as_text=True)
    assert 'role="alert"' in html
    assert html.count('class="field-error"') >= 4


def test_edit_school_keeps_its_own_code(app, world, login):
    """Can a school be edited without its own code counting as a duplicate?"""
    client = _admin_client(app, world, login)
    url = f"/admin/schools/{world.school.id}/edit"
    token = csrf_token(client, url)
    data = {"name": "IC Rinominato", "code": world.school.code, "city": "Milano", "district": "Municipio 2",
            "levels": ["primaria", "secondaria_primo"], "csrf_token": token}
    assert client.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert db.session.get(School, world.school.id).name == "IC Rinominato"


def test_admin_creates_teacher_and_password_is_shown_once(app, world, login):
    """Does creating an account show a random password once, that works and is not the username?"""
    client = _admin_client(app, world, login)
    token = csrf_token(client, "/admin/users/new")
    data = {"username": "Prof.Nuova", "display_name": "Prof. Nuova", "role": "teacher", "school_id": world.school.id,
            "email": "", "preferred_language": "it", "csrf_token": token}
    response = client.post("/admin/users/new", data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    user = db.session.scalar(select(User).where(User.username == "prof.nuova"))
    assert user is not None and user.role is Role.TEACHER and user.email is None
    password = html.split('class="password-once"><code>')[1].split("</code>")[0]
    assert password != "prof.nuova" and len(password) >= 12
    assert verify_password(user.password_hash, password)


def test_duplicate_username_is_a_form_error(app, world, login):
    """Is a username that differs only in case refused with a form message, never a 500?"""
    client = _admin_client(app, world, login)
    token = csrf_token(client, "/admin/users/new")
    data = {"username": world.teacher.username.upper(), "display_name": "Doppio", "role": "teacher",
            "school_id": world.school.id, "preferred_language": "it", "csrf_token": token}
    response = client.post("/admin/users/new", data=data)
    assert response.status_code == 400
    assert "già in uso" in response.get_data(as_text=True)


def test_student_needs_school(app, world, login):
    """Is a student account without a school refused with a message?"""
    client = _admin_client(app, world, login)
    token = csrf_token(client, "/admin/users/new")
    data = {"username": "senza.scuola", "display_name": "X", "role": "student", "school_id": 0,
            "preferred_language": "it", "csrf_token": token}
    response = client.post("/admin/users/new", data=data)
    assert response.status_code == 400
    assert db.session.scalar(select(User).where(User.username == "senza.scuola")) is None


def test_reset_password_generates_new_one_and_ends_sessions(app, world, login):
    """Does a reset give a new random password and sign the user out everywhere?"""
    victim_client = app.test_client()
    login(victim_client, world.target)
    client = _admin_client(app, world, login)
    token = csrf_token(client, "/admin/users")
    response = client.post(f"/admin/users/{world.target.id}/reset-password", data={"csrf_token": token})
    html = response.get_data(as_text=True)
    password = html.split('class="password-once"><code>')[1].split("</code>")[0]
    db.session.expire_all()
    target = db.session.get(User, world.target.id)
    assert verify_password(target.password_hash, password) and not verify_password(target.password_hash, PASSWORD)
    assert password != target.username
    assert victim_client.get("/teach/").status_code == 302


def test_deactivate_ends_sessions_and_admin_cannot_deactivate_self(app, world, login):
    """Does deactivation sign the user out, and is an admin stopped from deactivating themselves?"""
    victim_client = app.test_client()
    login(victim_client, world.target)
    client = _admin_client(app, world, login)
    token = csrf_token(client, "/admin/users")
    client.post(f"/admin/users/{world.target.id}/active", data={"csrf_token": token})
    assert victim_client.get("/teach/").status_code == 302
    client.post(f"/admin/users/{world.admin.id}/active", data={"csrf_token": token})
    db.session.expire_all()
    assert db.session.get(User, world.target.id).active is False
    assert db.session.get(User, world.admin.id).active is True


def _class_form(client, **overrides):
    token = csrf_token(client, "/admin/classes/new")
    data = {"school_id": overrides.pop("school_id"), "level": "secondaria_primo", "year": 3, "section": "d",
            "school_year": "2026/27", "csrf_token": token, **overrides}
    return client.post("/admin/classes/new", data=data)


def test_admin_creates_class_with_teachers(app, world, login):
    """Can an admin create a class with its teacher, section upper-cased and a join code?"""
    from app.models import Classroom

    client = _admin_client(app, world, login)
    response = _class_form(client, school_id=world.school.id, teacher_ids=[world.teacher.id])
    assert response.status_code == 302
    room = db.session.scalar(select(Classroom).where(Classroom.section == "D"))
    assert room is not None and [t.id for t in room.teachers] == [world.teacher.id] and len(room.join_code) == 8


def test_class_validation_errors_rerender(app, world, login):
    """Are a 4th year of secondaria di primo grado, an unoffered level, a bad school year, a duplicate
    and a teacher from another school each refused with a message and nothing saved?"""
    from app.models import Classroom

    client = _admin_client(app, world, login)
    before = db.session.scalar(select(func.count(Classroom.id)))
    cases = [
        ({"school_id": world.school.id, "year": 4}, "non esiste"),
        ({"school_id": world.other_school.id, "level": "primaria", "year": 1}, "non ha questo"),
        ({"school_id": world.school.id, "school_year": "2026/28"}, "2026/27"),
        ({"school_id": world.school.id, "year": 2, "section": "B"}, "esiste già"),
        ({"school_id": world.school.id, "teacher_ids": [world.other_teacher.id]}, "scuola della classe"),
    ]
    for overrides, message in cases:
        response = _class_form(client, **overrides)
        assert response.status_code == 400, overrides
        assert message in response.get_data(as_text=True), (overrides, message)
    assert db.session.scalar(select(func.count(Classroom.id))) == before
