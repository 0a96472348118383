"""The ``officina`` console script, quick to start: commands load only what they need.

``sim``, ``lab`` (the Flask-free simulator) and ``grader`` (the grading workers of the job queue,
``app.sim.jobs``) are imported only when called and never load Flask or the web app; ``--help``
lists every command from the table below without importing anything. Every other command
(``run``, ``db``, ``shell``, ``routes``, ``demo``, ``create-admin``, ``content`` …) is handed to a
Flask command group bound to the app factory, built only then, so no ``--app`` is needed. Our own
web commands are defined here and attached to each app in ``register_commands``.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

import click

HELP = "Officina: digital, making and robotics education for schools."

# Commands that need no web app: "module:attribute", imported when the command is called.
LIGHT_COMMANDS = {"sim": "app.sim.cli:sim", "lab": "app.sim.cli:lab", "grader": "app.cli:grader_command",
                  "board": "app.boards.cli:board"}

# One line per command for ``officina --help`` (kept here so that listing them loads nothing).
SUMMARIES = {
    "board": "Run and check a lab on a real board connected by USB (needs officina[boards]).",
    "content": "Check curricula and labs as files; sync them into the database.",
    "create-admin": "Create an administrator account and print its generated password once.",
    "dashboards": "Programme dashboards: refresh their summary tables (cron).",
    "db": "Database migrations (officina db upgrade).",
    "demo": "Create or upgrade the database and load the demo school world.",
    "grader": "Run grading workers that serve the simulator job queue.",
    "lab": "Grade a program against a lab; list and verify the labs.",
    "privacy": "Data protection: pseudonymise students of long-archived classes (cron).",
    "prune-login-attempts": "Delete old sign-in attempt records (run daily).",
    "routes": "Show the routes of the web app.",
    "run": "Run the development server.",
    "shell": "Run a Python shell inside the web app.",
    "sim": "Run a MicroPython program on a virtual board.",
    "skills": "Skills record: rebuild the evidence from the attempts.",
    "synth-city": "Generate a synthetic city (schools, students, attempts, evidence) for benchmarks.",
}

# Pass every argument through untouched (including --help) to the command that really runs.
PASS_THROUGH = {"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}


def _create_app():
    from app import create_app

    return create_app()


def web_cli():
    """The Flask command group bound to the app factory (imports Flask)."""
    from flask.cli import FlaskGroup

    return FlaskGroup(create_app=_create_app, help=HELP)


class _WebCommand(click.Command):
    """A web app command, run by handing the whole command line to :func:`web_cli`."""

    def __init__(self, name: str) -> None:
        super().__init__(name, context_settings=PASS_THROUGH, add_help_option=False,
                         short_help=SUMMARIES.get(name, ""))

    def invoke(self, ctx: click.Context) -> Any:
        return web_cli().main(args=[self.name, *ctx.args], prog_name=ctx.find_root().info_name)


class OfficinaCLI(click.Group):
    """The top-level group: light commands imported lazily, the rest delegated to Flask."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUMMARIES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LIGHT_COMMANDS:
            module, _, attribute = LIGHT_COMMANDS[cmd_name].partition(":")
            return getattr(importlib.import_module(module), attribute)
        return _WebCommand(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, SUMMARIES[name]) for name in self.list_commands(ctx)])


cli = OfficinaCLI("officina", help=HELP)
commands = click.Group("officina-commands")  # attached to every app in ``register_commands``


def with_app_context(command: Callable[..., Any]) -> Callable[..., Any]:
    """Like ``flask.cli.with_appcontext``, importing Flask only when the command runs."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from flask.cli import with_appcontext

        return with_appcontext(command)(*args, **kwargs)

    return wrapper


@click.command("grader", context_settings=PASS_THROUGH, add_help_option=False)
@click.pass_context
def grader_command(ctx: click.Context) -> None:
    """Run grading workers that serve the simulator job queue (``officina grader --help``)."""
    try:
        from app.sim.jobs import grader_main
    except ModuleNotFoundError as exc:
        if exc.name != "app.sim.jobs":
            raise click.ClickException(f"the grader needs the Python package {exc.name!r}: install it first") from exc
        raise click.ClickException("this version of Officina has no grading workers (app.sim.jobs is missing)") from exc
    ctx.exit(grader_main(list(ctx.args)) or 0)


@commands.command("demo")
@click.option("--quiet", is_flag=True, help="Do not print the demo logins.")
@with_app_context
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
        catalog = load_catalog()
        report = sync_content(catalog)
    except ContentErrors as errors:
        click.echo(f"Content not synced: {len(errors.errors)} errors (run `officina content check`).", err=True)
    else:
        db.session.commit()
        click.echo(f"Content synced: {report.summary()}.")
        from app.demo_classwork import load_demo_classwork
        from app.learn.projects import upload_folder

        attempts = load_demo_classwork(catalog, upload_folder())
        db.session.commit()
        if attempts:
            click.echo(f"Demo classroom: assignments and {attempts} attempts graded by the simulator.")
    if not quiet:
        click.echo(f"\nDemo logins (password for every account: {DEMO_PASSWORD})")
        for role, username, name in summary.logins:
            click.echo(f"  {role:<8} {username:<22} {name}")
        click.echo("\nStart the server with: officina run   then open http://127.0.0.1:5000")


@commands.command("create-admin")
@click.argument("username")
@click.option("--name", "display_name", default="Amministratore", show_default=True)
@with_app_context
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
@with_app_context
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
@with_app_context
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
    """Attach Officina's commands to ``app.cli`` (so ``flask --app app …`` has them too): our own,
    ``grader``, the content group (with ``sync``, which needs the database) and the simulator's
    ``sim`` and ``lab`` groups."""
    from app.content.cli import content
    from app.sim.cli import lab, sim

    for command in (*commands.commands.values(), grader_command):
        app.cli.add_command(command)
    content.add_command(content_sync_command)
    for group in (content, sim, lab):
        app.cli.add_command(group)
    from app.boards.cli import board
    from app.privacy.cli import privacy
    from app.program.cli import dashboards
    from app.program.synth_city import synth_city_command

    for command in (board, privacy, dashboards, synth_city_command):
        app.cli.add_command(command)


def main() -> None:
    cli(prog_name="officina")
