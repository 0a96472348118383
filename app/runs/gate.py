"""The bounded wait for a simulator worker in one server process.

At most ``workers`` runs go to the simulator pool at once (so its own queue never grows) and at
most ``queue`` more wait for a turn, each for at most ``wait_seconds``. A run that finds the
queue full, or waits too long, is refused at once with ``SimulatorBusy`` and an estimate of when
to retry, so that a burst of runs turns into quick "busy" answers instead of a pile of requests
each holding a server thread. Plain threading: no Flask and no database here.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from app.runs.limits import RunRefused


class SimulatorBusy(RunRefused):
    """Every simulator worker is busy and the queue of waiting runs is full (or moved too slowly)."""


class SimulatorGate:
    """Admission to this process's simulator workers: ``with gate.slot(): run()``."""

    def __init__(self, workers: int, queue: int, wait_seconds: float) -> None:
        self.workers = max(1, workers)
        self.queue = max(0, queue)
        self.wait_seconds = wait_seconds
        self.running = 0
        self.waiting = 0
        self._mean_run_s = 2.0  # moving average of recent run times, for Retry-After
        self._cond = threading.Condition()

    def retry_after(self) -> int:
        """Seconds until the runs ahead should have drained (1 to 60)."""
        ahead = self.running + self.waiting
        return max(1, min(60, math.ceil(self._mean_run_s * ahead / self.workers)))

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the ``workers`` places while the block runs; raise ``SimulatorBusy`` if
        none is free and the queue is full, or if none frees up within ``wait_seconds``."""
        with self._cond:
            if self.running >= self.workers:
                if self.waiting >= self.queue:
                    raise SimulatorBusy(self.retry_after())
                self.waiting += 1
                try:
                    free = self._cond.wait_for(lambda: self.running < self.workers, timeout=self.wait_seconds)
                finally:
                    self.waiting -= 1
                if not free:
                    raise SimulatorBusy(self.retry_after())
            self.running += 1
        started = time.monotonic()
        try:
            yield
        finally:
            with self._cond:
                self.running -= 1
                self._mean_run_s = 0.8 * self._mean_run_s + 0.2 * (time.monotonic() - started)
                self._cond.notify()
