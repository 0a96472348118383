"""Per-user run limits kept in the ``sim_run`` table: one run in flight per user and at most
``runs_per_window`` runs started in any ``window_seconds``.

Each function here runs its own short transaction on a connection it checks out and returns at
once (``engine.begin()``), never the request's session, so that a caller can claim a run, let the
program run with no connection held, and record the end afterwards. The partial unique index on
unfinished rows makes the "one in flight" rule hold even when two server processes race.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import SimRun, User
from app.models.base import utcnow

RUNS = SimRun.__table__
USERS = User.__table__
# A run usually ends within a few seconds: a good moment to press Run again.
IN_FLIGHT_RETRY_SECONDS = 3


class RunRefused(Exception):
    """A run was not started; ``retry_after`` is how many seconds to wait before trying again."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"{type(self).__name__}: retry after {retry_after} s")
        self.retry_after = max(1, int(retry_after))


class RunInFlight(RunRefused):
    """The user already has a run in flight (in this process or another)."""


class TooManyRuns(RunRefused):
    """The user started ``runs_per_window`` runs in the last ``window_seconds``."""


@dataclass(frozen=True)
class RunLimits:
    runs_per_window: int = 10
    window_seconds: int = 60
    expiry_seconds: int = 120  # an unfinished run stops counting as "in flight" after this

    @classmethod
    def from_config(cls, config) -> RunLimits:
        return cls(runs_per_window=int(config.get("RUNS_PER_MINUTE", 10)), window_seconds=60,
                   expiry_seconds=int(config.get("RUN_EXPIRY_SECONDS", 120)))


def _check(rows, limits: RunLimits, now: datetime, since: datetime) -> None:
    if any(row.finished_at is None and row.expires_at > now for row in rows):
        raise RunInFlight(IN_FLIGHT_RETRY_SECONDS)
    recent = sorted(row.started_at for row in rows if row.started_at >= since)
    if len(recent) >= limits.runs_per_window:
        # A new run is allowed when the oldest run that keeps the user at the limit leaves the window.
        frees_at = recent[-limits.runs_per_window] + timedelta(seconds=limits.window_seconds)
        raise TooManyRuns(math.ceil((frees_at - now).total_seconds()))


def claim_run(user_id: int, limits: RunLimits, now: datetime | None = None) -> int:
    """Record that ``user_id`` starts a run and return the run's id.

    Raises ``RunInFlight`` if the user has an unexpired unfinished run, ``TooManyRuns`` if the
    rate is used up. A refusal writes nothing. An expired unfinished run (its server process
    crashed) is closed as "expired"; runs that left the window are forgotten.
    """
    now = now or utcnow()
    since = now - timedelta(seconds=limits.window_seconds)
    mine = RUNS.c.user_id == user_id
    try:
        with db.engine.begin() as conn:
            # Serialise one user's claims so that check and insert are one step: PostgreSQL locks
            # the user's row; on SQLite the first write (closing a stale run) takes the database's
            # write lock until commit. Two processes can then never both pass the rate check.
            conn.execute(select(USERS.c.id).where(USERS.c.id == user_id).with_for_update())
            conn.execute(update(RUNS).where(mine, RUNS.c.finished_at.is_(None), RUNS.c.expires_at <= now)
                         .values(finished_at=now, outcome="expired"))
            rows = conn.execute(select(RUNS.c.started_at, RUNS.c.expires_at, RUNS.c.finished_at)
                                .where(mine, or_(RUNS.c.started_at >= since, RUNS.c.finished_at.is_(None)))).all()
            _check(rows, limits, now, since)
            conn.execute(delete(RUNS).where(mine, RUNS.c.finished_at.is_not(None), RUNS.c.started_at < since))
            result = conn.execute(insert(RUNS).values(user_id=user_id, started_at=now, outcome=None,
                                                      expires_at=now + timedelta(seconds=limits.expiry_seconds)))
            return int(result.inserted_primary_key[0])
    except IntegrityError:
        # Another process inserted this user's in-flight run between our check and our insert.
        raise RunInFlight(IN_FLIGHT_RETRY_SECONDS) from None


def finish_run(run_id: int, outcome: str) -> None:
    """Mark a claimed run finished ("done" or "error"): the user may start the next one."""
    with db.engine.begin() as conn:
        conn.execute(update(RUNS).where(RUNS.c.id == run_id, RUNS.c.finished_at.is_(None))
                     .values(finished_at=utcnow(), outcome=outcome))


def drop_run(run_id: int) -> None:
    """Forget a claimed run that never ran (the simulator was busy): it does not count."""
    with db.engine.begin() as conn:
        conn.execute(delete(RUNS).where(RUNS.c.id == run_id))
