"""Officina: digital, making and robotics education for schools. ``create_app`` builds the web
application from environment settings (see ``app.config``) and wires extensions, blueprints,
security headers, languages and error pages. Nothing else lives here."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

MIGRATIONS_DIR = os.path.join(os.path.dirname(__file__), "migrations")


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app. ``overrides`` replace config keys (tests use it for the database).

    Flask and the extensions are imported here, not at module level, so that ``import app.sim``
    (the Flask-free simulator) never loads Flask.
    """
    from flask import Flask

    from app.config import flask_config, read_settings
    from app.extensions import babel, csrf, db, login_manager, migrate
    instance_path = os.environ.get("OFFICINA_INSTANCE_PATH") or None
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    settings = read_settings(app.instance_path)
    app.config.update(flask_config(settings, app.instance_path))
    if overrides:
        app.config.update(overrides)

    if settings.proxy_fix:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    csrf.init_app(app)

    from app import i18n, security
    from app.auth.session import configure_login

    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=lambda: "Europe/Rome")
    i18n.init_app(app)
    configure_login(app, login_manager)
    security.init_app(app)
    app.jinja_env.add_extension("jinja2.ext.do")
    from app.authz import Action, can

    app.jinja_env.globals.update(can=can, Action=Action)

    from app import errors
    from app.admin.views import bp as admin_bp
    from app.auth.views import bp as auth_bp
    from app.boards.views import bp as boards_bp
    from app.catalog.views import bp as catalog_bp
    from app.catalog.worksheet_views import bp as worksheet_bp
    from app.learn.projects import bp as projects_bp
    from app.learn.views import bp as learn_bp
    from app.learn.workspace import bp as workspace_bp
    from app.main.views import bp as main_bp
    from app.playground.views import bp as playground_bp
    from app.privacy.views import audit_bp, privacy_bp
    from app.program.views import bp as program_bp
    from app.skills.views import bp as skills_bp
    from app.teach.join import bp as join_bp
    from app.teach.views import bp as teach_bp

    for blueprint in (main_bp, auth_bp, catalog_bp, worksheet_bp, learn_bp, workspace_bp, projects_bp, teach_bp,
                      join_bp, playground_bp, program_bp, admin_bp, skills_bp, privacy_bp, audit_bp, boards_bp):
        app.register_blueprint(blueprint)
    errors.init_app(app)
    from app.cli import register_commands

    register_commands(app)

    @app.teardown_request
    def _rollback_on_error(exc: BaseException | None) -> None:
        # One commit per request, made by the view; anything left uncommitted is thrown away.
        if exc is not None:
            db.session.rollback()

    return app
