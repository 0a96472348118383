"""The ``officina`` console script: a Flask CLI group bound to the app factory.

``officina run``, ``officina db upgrade`` and ``officina shell`` work without ``--app``; Officina's
own commands (``demo``, ``create-admin``, ``prune-login-attempts``) are added here, and the content
and simulator command groups are attached when their packages are present.
"""

from __future__ import annotations

import click
from flask.cli import FlaskGroup, with_appcontext


def _create_app():
    from app import create_app

    return create_app()


cli = FlaskGroup(create_app=_create_app, help="Officina: digital, making and robotics education for schools.")
commands = click.Group("officina-commands")  # attached to every app in ``register_commands``


@commands.command("demo")
@click.option("--quiet", is_flag=True, help="Do not print the demo logins.")
@with_appcontext
def demo_command(quiet: bool) -> None:
    """Create or upgrade the database and load the demo school world (idempotent)."""
    from flask import current_app
    from flask_migrate import upgrade

    from app.demo import DEMO_PASSWORD, load_demo
    from app.extensions import db

    if current_app.config["OFFICINA_SETTINGS"].is_production:
        raise click.ClickException("the demo is not loaded in production (OFFICINA_ENV=production)")
    upgrade()
    summary = load_demo()
    db.session.commit()
    click.echo(f"Demo ready: {summary.schools} schools, {summary.classrooms} classes, {summary.students} students.")
    from app.catalog.sync import sync_content
    from app.content import ContentErrors, load_catalog

    try:
        report = sync_content(load_catalog())
    except ContentErrors as errors:
        click.echo(f"Content not synced: {len(errors.errors)} errors (run `officina content check`).", err=True)
    else:
        db.session.commit()
        click.echo(f"Content synced: {report.summary()}.")
    if not quiet:
        click.echo(f"\nDemo logins (password for every account: {DEMO_PASSWORD})")
        for role, username, name in summary.logins:
            click.echo(f"  {role:<8} {username:<22} {name}")
        click.echo("\nStart the server with: officina run   then open http://127.0.0.1:5000")


@commands.command("create-admin")
@click.argument("username")
@click.option("--name", "display_name", default="Amministratore", show_default=True)
@with_appcontext
def create_admin_command(username: str, display_name: str) -> None:
    """Create an administrator account and print its generated password once."""
    from app.admin.services import AdminError, NewUserData, create_user
    from app.extensions import db
    from app.models import Role

    try:
        user, password = create_user(NewUserData(username, display_name, Role.ADMIN, None, None))
    except AdminError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Administrator {user.username} created. Password (shown once): {password}")


@commands.command("prune-login-attempts")
@click.option("--days", default=30, show_default=True, help="Keep attempts newer than this.")
@with_appcontext
def prune_login_attempts_command(days: int) -> None:
    """Delete old sign-in attempt records (run daily from cron)."""
    from app.auth.services import prune_attempts
    from app.extensions import db

    removed = prune_attempts(days)
    db.session.commit()
    click.echo(f"Removed {removed} old sign-in attempts.")


@click.command("sync")
@click.option("--content-dir", type=click.Path(file_okay=False), default=None, help="Curricula folder.")
@click.option("--labs-dir", type=click.Path(file_okay=False), default=None, help="Labs folder.")
@with_appcontext
def content_sync_command(content_dir: str | None, labs_dir: str | None) -> None:
    """Record every module, activity and lab in the database by slug and content hash."""
    from pathlib import Path

    from app.catalog.sync import sync_content
    from app.content import ContentErrors, load_catalog
    from app.extensions import db

    try:
        catalog = load_catalog(Path(content_dir) if content_dir else None, Path(labs_dir) if labs_dir else None)
    except ContentErrors as errors:
        for error in errors.errors:
            click.echo(str(error), err=True)
        raise click.ClickException("content has errors: nothing was synced (run `officina content check`)")
    report = sync_content(catalog)
    db.session.commit()
    for item in report.created:
        click.echo(f"  new version: {item}")
    for item in report.retired:
        click.echo(f"  no longer on disk: {item}")
    click.echo(f"Content synced: {report.summary()}.")


def register_commands(app) -> None:
    """Attach Officina's commands to ``app.cli``: our own, the content group (with ``sync``,
    which needs the database) and the simulator's ``sim`` and ``lab`` groups."""
    from app.content.cli import content
    from app.sim.cli import lab, sim

    for command in commands.commands.values():
        app.cli.add_command(command)
    content.add_command(content_sync_command)
    for group in (content, sim, lab):
        app.cli.add_command(group)


def main() -> None:
    cli(prog_name="officina")
