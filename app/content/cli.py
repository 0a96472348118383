"""The ``content`` command group (plain click, no Flask): ``content check``.

The web app registers :data:`content` into the ``officina`` command and adds ``sync``
on top of :func:`app.content.load_catalog`. Until then: ``python -m app.content check``.
"""

from __future__ import annotations

from pathlib import Path

import click

from app.content.catalog import CONTENT_ENV, FIRMWARE_ENV, LABS_ENV, check_content


@click.group("content")
def content() -> None:
    """Curricula and labs as files: check them (and, from the web app, sync them)."""


@content.command("check")
@click.option("--content-dir", type=click.Path(path_type=Path, file_okay=False),
              envvar=CONTENT_ENV, default=None, help=f"Curricula folder (env {CONTENT_ENV}).")
@click.option("--labs-dir", type=click.Path(path_type=Path, file_okay=False),
              envvar=LABS_ENV, default=None, help=f"Labs folder (env {LABS_ENV}).")
@click.option("--firmware-dir", type=click.Path(path_type=Path, file_okay=False),
              envvar=FIRMWARE_ENV, default=None,
              help=f"Firmware examples folder (env {FIRMWARE_ENV}; default: beside the labs).")
def check(content_dir: Path | None, labs_dir: Path | None, firmware_dir: Path | None) -> None:
    """Validate every content file; print all errors as path:line: message.

    Exits with status 1 when anything is wrong, so CI can run it.
    """
    catalog, errors = check_content(content_dir, labs_dir, firmware_dir)
    if errors:
        for error in errors:
            click.echo(str(error), err=True)
        click.echo(f"{len(errors)} error{'s' if len(errors) != 1 else ''} found.", err=True)
        raise SystemExit(1)
    c = catalog.counts()
    click.echo(f"Content OK: {c['modules']} modules, {c['activities']} activities, "
               f"{c['quiz_questions']} quiz questions, {c['skills']} skills "
               f"({len(catalog.skills.competences)} DigComp + "
               f"{len(catalog.skills.technical)} technical), {c['labs']} labs "
               f"(+{c['coming_labs']} coming).")
