"""``officina dashboards refresh``: recompute the dashboards' summary tables (run from cron, e.g.
hourly or nightly, on a city-size database)."""

from __future__ import annotations

import click

from app.cli import with_app_context


@click.group("dashboards")
def dashboards() -> None:
    """Programme dashboards: summary tables."""


@dashboards.command("refresh")
@with_app_context
def refresh_command() -> None:
    """Recompute adoption (per week, per module) and the outcome base from every attempt and
    every piece of evidence, in one transaction."""
    from app.extensions import db
    from app.program.summary import refresh_adoption, refresh_outcomes

    weeks, modules = refresh_adoption()
    cells = refresh_outcomes()
    db.session.commit()
    click.echo(f"Dashboards refreshed: {weeks} weeks, {modules} modules, {cells} outcome cells.")
