"""Simulator runs started from the web app, kept in the database so that the per-user limits
(one run in flight, a number of runs per minute) hold across every server process.

A row is written when a run is admitted and marked finished when it ends. An unfinished row is
"in flight" until ``expires_at``: a server process that crashes mid-run cannot block its user for
longer than that. A partial unique index allows at most one unfinished row per user, so two
requests racing in two processes cannot both start a run. Rows older than the rate window are
deleted as the user starts new runs (they are minors' activity data: kept no longer than needed).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import UTCDateTime, utcnow

IN_FLIGHT = text("finished_at IS NULL")


class SimRun(db.Model):
    __tablename__ = "sim_run"
    __table_args__ = (
        Index("ix_sim_run_user_started", "user_id", "started_at"),
        Index("uq_sim_run_user_in_flight", "user_id", unique=True, sqlite_where=IN_FLIGHT, postgresql_where=IN_FLIGHT),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str | None] = mapped_column(String(16))  # done, error or expired
