"""Shared fixtures for the web application's tests.

Every test that asks for ``app`` gets an isolated database built by the real migrations:
on SQLite (default) a copy of a migrated template file; on PostgreSQL (when
``OFFICINA_TEST_DATABASE_URL`` is set, as in CI) one migrated database whose tables are
truncated after each test. The simulator's tests never use these fixtures.
"""

from __future__ import annotations

import contextvars
import os
import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient

TEST_DATABASE_URL = os.environ.get("OFFICINA_TEST_DATABASE_URL", "")
IS_POSTGRES = TEST_DATABASE_URL.startswith("postgresql")


def pytest_collection_modifyitems(items):
    """Mark every test that uses the database fixtures ``db`` (CI runs them again on PostgreSQL)."""
    for item in items:
        if {"app", "migrated_template"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


def _base_config(db_url: str) -> dict:
    return {
        "SQLALCHEMY_DATABASE_URI": db_url,
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "SERVER_NAME": "localhost",
    }


@pytest.fixture(scope="session")
def _instance_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("instance")
    os.environ["OFFICINA_INSTANCE_PATH"] = str(path)
    return path


def _worker_database(url: str) -> str:
    """Under pytest-xdist each worker gets its own PostgreSQL database (``<name>_gw0`` …),
    created on first use (the test role needs CREATEDB), so workers never truncate each other's
    tables. Without xdist: the database named in the URL."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    with psycopg.connect(base.set(drivername="postgresql").render_as_string(hide_password=False),
                         autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def migrated_template(_instance_dir, tmp_path_factory) -> str:
    """Run the real migrations once: into a template SQLite file, or into the PostgreSQL test DB."""
    from flask_migrate import upgrade

    from app import create_app
    from app.extensions import db

    if IS_POSTGRES:
        url = _worker_database(TEST_DATABASE_URL)
    else:
        url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "template.sqlite3")
    app = create_app(_base_config(url))
    with app.app_context():
        if IS_POSTGRES:
            db.session.execute(db.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture
def app_config(migrated_template, tmp_path) -> dict:
    if IS_POSTGRES:
        return _base_config(migrated_template)
    path = tmp_path / "test.sqlite3"
    shutil.copyfile(migrated_template.removeprefix("sqlite:///"), path)
    return _base_config("sqlite:///" + str(path))


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in a fresh context, with its own app context,
    ``g`` and database session, as in production, even while the test holds an app context."""

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture
def app(app_config):
    from app import create_app
    from app.extensions import db

    app = create_app(app_config)
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        db.session.remove()
        if IS_POSTGRES:
            tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            db.session.execute(db.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            db.session.commit()
        db.engine.dispose()


@pytest.fixture
def db_session(app):
    from app.extensions import db

    return db.session


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def world(app):
    """The canned school world most tests need (see ``tests.factories.make_world``)."""
    from tests.factories import make_world

    return make_world()


@pytest.fixture
def login(app):
    """``login(client, user)`` signs in through the real form and returns the response."""
    from tests.factories import PASSWORD, csrf_token

    def _login(client, user, password: str = PASSWORD):
        token = csrf_token(client, "/auth/login")
        return client.post("/auth/login", data={"username": user.username, "password": password, "csrf_token": token})

    return _login
