"""Signing in and out, rate limits, session safety and password changes."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import LoginAttempt, User
from tests.factories import PASSWORD, csrf_token


def _post_login(client, username, password):
    token = csrf_token(client, "/auth/login")
    return client.post("/auth/login", data={"username": username, "password": password, "csrf_token": token})


def test_passwords_are_argon2_hashes(world):
    """Is a stored password an Argon2id hash, never the password itself?"""
    assert world.student.password_hash.startswith("$argon2id$")
    assert PASSWORD not in world.student.password_hash


def test_login_is_case_insensitive_and_lands_on_role_home(client, world):
    """Does signing in with an upper-case username land each role on its own home?"""
    homes = {world.student: "/learn/", world.teacher: "/teach/", world.staff: "/program/", world.admin: "/admin/"}
    for user, home in homes.items():
        client = client.application.test_client()
        response = _post_login(client, user.username.upper(), PASSWORD)
        assert response.status_code == 302 and response.headers["Location"].endswith(home)


def test_wrong_password_and_unknown_user_get_the_same_message(client, world):
    """Do a wrong password and an unknown user produce an identical generic error?"""
    wrong = _post_login(client, world.student.username, "not the password")
    unknown = _post_login(client, "nobody.at.all", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    message = "Nome utente o password non corretti"
    assert message in wrong.get_data(as_text=True) and message in unknown.get_data(as_text=True)


def test_inactive_user_is_refused(client, world):
    """Is a deactivated account refused with the generic message even with the right password?"""
    world.student.active = False
    db.session.commit()
    response = _post_login(client, world.student.username, PASSWORD)
    assert response.status_code == 401
    assert client.get("/learn/").status_code == 302


def test_rate_limit_per_account(app, client, world):
    """After too many failures for one account, is even the right password refused for a while?"""
    app.config["LOGIN_MAX_FAILURES_ACCOUNT"] = 3
    for _ in range(3):
        assert _post_login(client, world.teacher.username, "wrong").status_code == 401
    response = _post_login(client, world.teacher.username, PASSWORD)
    assert response.status_code == 429
    assert "Troppi tentativi" in response.get_data(as_text=True)
    # another account from the same address is unaffected
    assert _post_login(app.test_client(), world.staff.username, PASSWORD).status_code == 302


def test_rate_limit_per_address(app, world):
    """Does one address guessing across many accounts get stopped?"""
    app.config["LOGIN_MAX_FAILURES_ADDRESS"] = 4
    client = app.test_client()
    for index in range(4):
        _post_login(client, f"guess{index}", "wrong")
    assert _post_login(client, world.admin.username, PASSWORD).status_code == 429
    other = app.test_client()
    token = csrf_token(other, "/auth/login")
    response = other.post("/auth/login", data={"username": world.admin.username, "password": PASSWORD,
                                               "csrf_token": token}, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert response.status_code == 302


def test_attempts_are_recorded(client, world):
    """Is every attempt recorded with its outcome (so limits hold across workers)?"""
    _post_login(client, world.student.username, "wrong")
    _post_login(client, world.student.username, PASSWORD)
    outcomes = db.session.scalars(select(LoginAttempt.succeeded).order_by(LoginAttempt.id)).all()
    assert outcomes == [False, True]


def test_session_is_renewed_at_login(client, world):
    """Is the pre-login session thrown away at sign-in (no session fixation)?"""
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    _post_login(client, world.student.username, PASSWORD)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].startswith(f"{world.student.id}:")


def test_no_remember_cookie_and_session_cookie_flags(client, world):
    """Is no remember-me cookie set and is the session cookie HttpOnly and SameSite?"""
    response = _post_login(client, world.student.username, PASSWORD)
    cookies = response.headers.getlist("Set-Cookie")
    assert not any(c.startswith("remember_token") for c in cookies)
    session_cookie = next(c for c in cookies if c.startswith("officina_session="))
    assert "HttpOnly" in session_cookie and "SameSite=Lax" in session_cookie
    assert "Expires" not in session_cookie  # ends with the browser on shared school computers


def test_open_redirect_is_refused(client, world):
    """Does ?next= only follow local paths?"""
    token = csrf_token(client, "/auth/login")
    response = client.post("/auth/login?next=https://evil.example/x",
                           data={"username": world.student.username, "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"].endswith("/learn/")
    other = client.application.test_client()
    token = csrf_token(other, "/auth/login")
    response = other.post("/auth/login?next=/auth/password",
                          data={"username": world.student.username, "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"].endswith("/auth/password")


def test_logout_needs_post_and_ends_session(client, world):
    """Does sign-out require a POST with CSRF token, and end the session?"""
    _post_login(client, world.student.username, PASSWORD)
    assert client.get("/auth/logout").status_code == 405
    token = csrf_token(client, "/learn/")
    assert client.post("/auth/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/learn/").status_code == 302


def test_change_password_ends_other_sessions(app, world):
    """Does changing the password keep this session and end the user's other sessions?"""
    here, elsewhere = app.test_client(), app.test_client()
    _post_login(here, world.teacher.username, PASSWORD)
    _post_login(elsewhere, world.teacher.username, PASSWORD)
    token = csrf_token(here, "/auth/password")
    response = here.post("/auth/password", data={"current_password": PASSWORD, "new_password": "una nuova frase",
                                                "confirm": "una nuova frase", "csrf_token": token})
    assert response.status_code == 302
    assert here.get("/teach/").status_code == 200
    assert elsewhere.get("/teach/").status_code == 302
    assert _post_login(app.test_client(), world.teacher.username, "una nuova frase").status_code == 302


def test_change_password_errors_rerender_with_messages(client, world):
    """Do a wrong current password, a mismatch and a short password re-render with messages and change nothing?"""
    _post_login(client, world.student.username, PASSWORD)
    before = world.student.password_hash
    cases = [
        ({"current_password": "wrong", "new_password": "abcdefghij", "confirm": "abcdefghij"}, "La password attuale non è corretta"),
        ({"current_password": PASSWORD, "new_password": "abcdefghij", "confirm": "abcdefghik"}, "Le due password non coincidono"),
        ({"current_password": PASSWORD, "new_password": "abc", "confirm": "abc"}, "Usa da"),
        ({"current_password": PASSWORD, "new_password": "studente.uno", "confirm": "studente.uno"}, "non può essere uguale al tuo nome utente"),
    ]
    for data, message in cases:
        token = csrf_token(client, "/auth/password")
        response = client.post("/auth/password", data={**data, "csrf_token": token})
        assert response.status_code == 400
        assert message in response.get_data(as_text=True), message
    db.session.expire_all()
    assert db.session.get(User, world.student.id).password_hash == before


def test_session_ends_after_its_lifetime(app, client, world):
    """Does a session end once its lifetime since sign-in has passed, even with the browser open?"""
    import time

    _post_login(client, world.student.username, PASSWORD)
    assert client.get("/learn/").status_code == 200
    with client.session_transaction() as session:
        session["signed_in_at"] = int(time.time()) - 9 * 3600  # the default lifetime is 8 hours
    assert client.get("/learn/").status_code == 302
    with client.session_transaction() as session:
        assert "_user_id" not in session
