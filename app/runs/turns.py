"""Per-user turns in a threaded server process, so that one user's flood of requests costs
others almost nothing.

In a threaded server (gunicorn ``--threads``) each request has its own thread: a user who opens
20 connections would otherwise get 20 threads' share of the CPU just to be refused 20 times over.
Here one user's runs take turns in each process: a request waits (asleep, using no CPU) at most
``pace_seconds`` for the user's turn and is otherwise refused as "a run is in flight"; a turn
that ends in a refusal is held ``pace_seconds`` longer. So however many connections a user
opens, their refusals come back at most a few per second per process. A sync server (one request
per process at a time) skips this: there waiting would block the whole process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from app.runs.limits import IN_FLIGHT_RETRY_SECONDS, RunInFlight, RunRefused


class UserTurns:
    """``with turns.turn(user_id): ...`` — one holder per user in this process."""

    def __init__(self, pace_seconds: float = 0.5) -> None:
        self.pace_seconds = pace_seconds
        self._locks: dict[int, threading.Lock] = {}
        self._users: dict[int, int] = {}  # holders and waiters per user, to drop idle locks
        self._guard = threading.Lock()

    def _lock_for(self, user_id: int) -> threading.Lock:
        with self._guard:
            self._users[user_id] = self._users.get(user_id, 0) + 1
            return self._locks.setdefault(user_id, threading.Lock())

    def _done_with(self, user_id: int) -> None:
        with self._guard:
            self._users[user_id] -= 1
            if not self._users[user_id]:
                del self._users[user_id], self._locks[user_id]

    @contextmanager
    def turn(self, user_id: int) -> Iterator[None]:
        """Hold the user's turn for the block; raise ``RunInFlight`` if it is not free within
        ``pace_seconds``. If the block raises a refusal, keep the turn ``pace_seconds`` more."""
        lock = self._lock_for(user_id)
        try:
            if not lock.acquire(timeout=self.pace_seconds):
                raise RunInFlight(IN_FLIGHT_RETRY_SECONDS)
            try:
                yield
            except RunRefused:
                time.sleep(self.pace_seconds)
                raise
            finally:
                lock.release()
        finally:
            self._done_with(user_id)
