"""``officina privacy pseudonymise --years N``: retention, suitable for a daily cron job."""

from __future__ import annotations

import click

from app.cli import with_app_context

DEFAULT_YEARS = 2


@click.group("privacy")
def privacy() -> None:
    """Data protection: retention of students' personal data."""


@privacy.command("pseudonymise")
@click.option("--years", type=int, default=None,
              help=f"Years after the end of the school year (default: PSEUDONYMISE_AFTER_YEARS or {DEFAULT_YEARS}).")
@with_app_context
def pseudonymise_command(years: int | None) -> None:
    """Pseudonymise the students of classes archived more than N years ago (idempotent)."""
    from flask import current_app

    from app.extensions import db
    from app.learn.projects import upload_folder
    from app.privacy.services import pseudonymise_archived

    years = years if years is not None else int(current_app.config.get("PSEUDONYMISE_AFTER_YEARS", DEFAULT_YEARS))
    if years < 0:
        raise click.ClickException("--years must be 0 or more")
    changed = pseudonymise_archived(years, upload_folder())
    db.session.commit()
    click.echo(f"Pseudonymised {changed} students of classes archived more than {years} years ago.")
