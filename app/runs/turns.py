"""Per-user turns in a threaded server process, so that one user's flood of requests costs
others almost nothing.

In a threaded server (gunicorn ``--threads``) each request has its own thread: a user who opens
20 connections would otherwise get 20 threads' share of the CPU just to be refused 20 times over.
Here one user's runs take turns in each process: a request waits (asleep, using no CPU) at most
the user's pace for their turn and is otherwise refused as "a run is in flight"; a turn that ends
in a refusal is held for the pace longer. The pace is ``pace_seconds`` for a student who presses
Run twice, and it doubles with every ``STRIKES_PER_DOUBLING`` refusals in a row (up to
``MAX_PACE_FACTOR`` times) for one who keeps sending runs while refused: a streak ends with a
run that is not refused, or after ``STREAK_QUIET_SECONDS`` without a refusal. So however many
connections a user opens, a flood's refusals come back at most a few per second per process, and
fewer the longer it lasts (measured by ``benchmarks/fairness.py``). A sync server (one request per
process at a time) skips this: there waiting would block the whole process.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from app.runs.limits import IN_FLIGHT_RETRY_SECONDS, RunInFlight, RunRefused

STRIKES_PER_DOUBLING = 5
MAX_PACE_FACTOR = 8
STREAK_QUIET_SECONDS = 30.0


class UserTurns:
    """``with turns.turn(user_id): ...`` — one holder per user in this process."""

    def __init__(self, pace_seconds: float = 0.5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.pace_seconds = pace_seconds
        self._clock = clock
        self._locks: dict[int, threading.Lock] = {}
        self._users: dict[int, int] = {}  # holders and waiters per user, to drop idle locks
        self._streaks: dict[int, tuple[int, float]] = {}  # user -> (refusals in a row, last one)
        self._guard = threading.Lock()

    def pace(self, user_id: int) -> float:
        """How long the user's next request may wait for their turn, and a refused turn is held."""
        with self._guard:
            strikes, last = self._streaks.get(user_id, (0, 0.0))
            if strikes and self._clock() - last > STREAK_QUIET_SECONDS:
                del self._streaks[user_id]
                strikes = 0
        return self.pace_seconds * min(MAX_PACE_FACTOR, 1 << (strikes // STRIKES_PER_DOUBLING))

    def _refused(self, user_id: int) -> None:
        with self._guard:
            strikes, last = self._streaks.get(user_id, (0, 0.0))
            now = self._clock()
            if now - last > STREAK_QUIET_SECONDS:
                strikes = 0
            self._streaks[user_id] = (strikes + 1, now)
            if len(self._streaks) > 10_000:  # forget the oldest streaks (a bounded table)
                for stale in sorted(self._streaks, key=lambda u: self._streaks[u][1])[:5_000]:
                    del self._streaks[stale]

    def _ran(self, user_id: int) -> None:
        if user_id in self._streaks:  # a run that was not refused ends the streak
            with self._guard:
                self._streaks.pop(user_id, None)

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
        the user's pace. If the block raises a refusal, keep the turn for the pace more."""
        pace = self.pace(user_id)
        lock = self._lock_for(user_id)
        try:
            if not lock.acquire(timeout=pace):
                self._refused(user_id)
                raise RunInFlight(max(IN_FLIGHT_RETRY_SECONDS, math.ceil(self.pace(user_id))))
            try:
                yield
            except RunRefused:
                self._refused(user_id)
                time.sleep(self.pace(user_id))
                raise
            else:
                self._ran(user_id)
            finally:
                lock.release()
        finally:
            self._done_with(user_id)
