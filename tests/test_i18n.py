"""Italian first, English too: default language, the switch, dates, error pages."""

from __future__ import annotations

from datetime import datetime, timezone

from flask_babel import force_locale

from app.extensions import db
from app.i18n import classroom_label, short_date
from app.models import User
from tests.factories import csrf_token


def _switch(client, language, next_path="/auth/login"):
    token = csrf_token(client, next_path)
    return client.post("/language", data={"language": language, "next": next_path, "csrf_token": token})


def test_italian_is_the_default(client):
    """Does a first visit get the Italian interface?"""
    html = client.get("/auth/login").get_data(as_text=True)
    assert '<html lang="it">' in html and "Accedi" in html


def test_visitor_switch_to_english(client):
    """Can a visitor switch to English before signing in, and come back to the same page?"""
    response = _switch(client, "en")
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/login")
    html = client.get("/auth/login").get_data(as_text=True)
    assert '<html lang="en">' in html and "Sign in to Officina" in html


def test_language_is_remembered_per_user(app, world, login):
    """Is a signed-in user's language choice stored on their account and used on the next sign-in?"""
    client = app.test_client()
    login(client, world.teacher)
    _switch(client, "en", "/teach/")
    db.session.expire_all()
    assert db.session.get(User, world.teacher.id).preferred_language == "en"
    fresh = app.test_client()
    login(fresh, world.teacher)
    assert "My classes" in fresh.get("/teach/").get_data(as_text=True)


def test_invalid_language_is_rejected(client):
    """Is an unsupported language refused rather than stored?"""
    token = csrf_token(client, "/auth/login")
    assert client.post("/language", data={"language": "xx", "csrf_token": token}).status_code == 400


def test_error_pages_in_both_languages(app, world, login):
    """Are the 403 and 404 pages translated into the user's language?"""
    client = app.test_client()
    assert "Pagina non trovata" in client.get("/nowhere").get_data(as_text=True)
    _switch(client, "en")
    assert "Page not found" in client.get("/nowhere").get_data(as_text=True)
    login(client, world.student)  # the account's own preference (Italian) wins at sign-in
    assert "Accesso negato" in client.get("/admin/").get_data(as_text=True)
    _switch(client, "en", "/learn/")
    assert "Access denied" in client.get("/admin/").get_data(as_text=True)


def test_dates_and_class_labels_follow_the_language(app, world):
    """Are dates in Italian format and class names in Italian words under the Italian locale?"""
    moment = datetime(2026, 11, 24, 15, 30, tzinfo=timezone.utc)
    with app.test_request_context():
        with force_locale("it"):
            assert short_date(moment) == "24/11/26"
            assert classroom_label(world.classroom) == "2B · secondaria di primo grado · 2026/27"
        with force_locale("en"):
            assert classroom_label(world.classroom) == "2B · lower secondary school · 2026/27"
