"""Security baseline: headers, CSRF, request size, error pages, production settings."""

from __future__ import annotations

import pytest

from app.config import ConfigurationError, read_settings
from app.extensions import db
from app.models import School
from tests.factories import PASSWORD, csrf_token


def test_security_headers_on_every_kind_of_response(client):
    """Do pages, errors and static files carry CSP without inline script, nosniff, framing and referrer rules?"""
    for path in ("/auth/login", "/does-not-exist", "/static/css/officina.css", "/healthz"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"


def test_no_inline_script_or_style_in_pages(client, world, login):
    """Are the rendered pages free of inline <script> blocks and style attributes (CSP would block them)?"""
    login(client, world.admin)
    for path in ("/auth/login", "/admin/", "/admin/users", "/admin/schools/new", "/admin/users/new"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and "<script " not in html.replace('<script src="', "")
        assert " style=" not in html and "javascript:" not in html
        assert '="None"' not in html  # no attribute rendered from a missing value


def test_missing_csrf_token_gives_friendly_400(app, world):
    """Does a form posted without its CSRF token get a friendly 400 page in Italian?"""
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    response = client.post("/auth/login", data={"username": world.student.username, "password": PASSWORD})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Il modulo è scaduto" in html and "Traceback" not in html


def test_csrf_protects_admin_actions(app, world, login):
    """Is an admin action without CSRF token refused and the database unchanged?"""
    client = app.test_client()
    login(client, world.admin)
    before = world.target.password_hash
    response = client.post(f"/admin/users/{world.target.id}/reset-password", data={})
    assert response.status_code == 400
    db.session.expire_all()
    assert world.target.password_hash == before


def test_oversize_request_gets_413(app, client):
    """Does a request larger than the limit get the 413 page, not a crash?"""
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/auth/login", data={"username": "x" * 5000, "password": "y"})
    assert response.status_code == 413
    assert "troppo grande" in response.get_data(as_text=True).lower()


def test_unexpected_error_gives_500_page_and_rolls_back(app, world):
    """Does an exception mid-request roll back its writes and show a 500 page without traceback?"""

    @app.route("/boom-test")
    def boom():
        school = db.session.get(School, world.school.id)
        school.name = "Changed before the crash"
        db.session.flush()
        raise RuntimeError("boom")

    response = app.test_client().get("/boom-test")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "RuntimeError" not in html and "Traceback" not in html
    db.session.expire_all()
    assert db.session.get(School, world.school.id).name == "IC Test"


def test_production_refuses_missing_secret(monkeypatch, tmp_path):
    """Does production refuse to start without a secret key, or with debug on?"""
    monkeypatch.setenv("OFFICINA_ENV", "production")
    monkeypatch.delenv("OFFICINA_SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        read_settings(str(tmp_path))
    monkeypatch.setenv("OFFICINA_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("OFFICINA_DEBUG", "1")
    with pytest.raises(ConfigurationError, match="debug"):
        read_settings(str(tmp_path))
    monkeypatch.setenv("OFFICINA_DEBUG", "0")
    settings = read_settings(str(tmp_path))
    assert settings.cookie_secure is True


def test_production_app_sets_secure_cookies(monkeypatch, tmp_path):
    """Does a production app mark its session cookie Secure?"""
    from app import create_app

    monkeypatch.setenv("OFFICINA_ENV", "production")
    monkeypatch.setenv("OFFICINA_SECRET_KEY", "k" * 48)
    monkeypatch.setenv("OFFICINA_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["SESSION_COOKIE_HTTPONLY"]
    assert not app.debug


def test_secret_key_generated_once_and_kept(monkeypatch, tmp_path):
    """Without OFFICINA_SECRET_KEY, is a key generated once, kept private and reused?"""
    from app import create_app

    monkeypatch.delenv("OFFICINA_SECRET_KEY", raising=False)
    monkeypatch.setenv("OFFICINA_ENV", "development")
    monkeypatch.setenv("OFFICINA_INSTANCE_PATH", str(tmp_path))
    first = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"]
    second = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"]
    assert first == second and len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_bad_configuration_values_are_explained(monkeypatch, tmp_path):
    """Is a malformed setting reported by name instead of crashing obscurely?"""
    monkeypatch.setenv("OFFICINA_MAX_CONTENT_LENGTH", "lots")
    with pytest.raises(ConfigurationError, match="OFFICINA_MAX_CONTENT_LENGTH"):
        read_settings(str(tmp_path))
    monkeypatch.delenv("OFFICINA_MAX_CONTENT_LENGTH")
    monkeypatch.setenv("OFFICINA_DEFAULT_LANGUAGE", "fr")
    with pytest.raises(ConfigurationError, match="DEFAULT_LANGUAGE"):
        read_settings(str(tmp_path))
