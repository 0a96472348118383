"""A live Officina server over a demo database, and a headless Chromium driven by Playwright.

Chromium comes from Debian's package (/usr/bin/chromium, or OFFICINA_CHROMIUM); nothing is
downloaded. These tests carry the ``browser`` marker.
"""

from __future__ import annotations

import os
import threading

import pytest

CHROMIUM = os.environ.get("OFFICINA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def serve_demo(folder, with_classwork: bool = False):
    """Start a threaded server over a fresh demo database in ``folder``; yield its base URL.
    ``with_classwork``: the whole ``officina demo`` state (content synced, the demo's classroom
    work: assignments, graded attempts at every status, comments, a project waiting for review)."""
    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from app import create_app
    from app.demo import load_demo
    from app.extensions import db

    os.environ.setdefault("OFFICINA_INSTANCE_PATH", str(folder))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'live.sqlite3'}",
                      "SECRET_KEY": "live-server-secret-key-0123456789abcdef", "LOGIN_MAX_FAILURES_ADDRESS": 1000})
    with app.app_context():
        upgrade()
        load_demo()
        db.session.commit()
        if with_classwork:
            from app.catalog.sync import sync_content
            from app.content import load_catalog
            from app.demo_classwork import load_demo_classwork

            catalog = load_catalog()
            sync_content(catalog)
            db.session.commit()
            load_demo_classwork(catalog)
            db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Serve a demo-loaded app on a free loopback port for the whole session."""
    yield from serve_demo(tmp_path_factory.mktemp("live"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, base_url: str, username: str, password: str = "officina-demo") -> None:
    page.goto(f"{base_url}/auth/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("form:not(.lang-form) button[type=submit]")


@pytest.fixture(scope="session")
def classroom_server(tmp_path_factory):
    """Like ``live_server``, over the whole ``officina demo`` state (see ``serve_demo``)."""
    yield from serve_demo(tmp_path_factory.mktemp("classroom-live"), with_classwork=True)
