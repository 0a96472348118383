"""``run_fairly``: the one path by which the web app runs a user's program in the simulator.

Order matters and is the point of this module: (1) end the request's database transaction and
return its connection, (2) in a threaded server, take the user's turn in this process (``turns``),
(3) claim the run under the user's limits in a short transaction of its own, (4) wait (bounded)
for a simulator worker in this process and run the program with no database connection held,
(5) record the end in a fresh short transaction. Objects the request
had loaded (the signed-in user) are re-attached afterwards, so the page renders as usual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, has_request_context, request

import app.sim
from app.extensions import db
from app.runs.gate import SimulatorBusy, SimulatorGate
from app.runs.limits import RunLimits, claim_run, drop_run, finish_run
from app.runs.turns import UserTurns

T = TypeVar("T")
# In queue mode (app.sim.jobs) the simulator itself may answer "busy": treated like a full gate.
# An empty tuple catches nothing where the simulator has no such mode.
_SIM_BUSY: type[Exception] | tuple[()] = getattr(app.sim, "SimBusy", ())
_GATE_KEY = "officina.simulator_gate"
_TURNS_KEY = "officina.user_turns"


def gate_for(app: Flask) -> SimulatorGate:
    """This process's gate for ``app``, created on first use from its config."""
    gate = app.extensions.get(_GATE_KEY)
    if gate is None:
        gate = app.extensions.setdefault(_GATE_KEY, SimulatorGate(
            int(app.config.get("SIM_WORKERS", 2)), int(app.config.get("SIM_MAX_WAITING", 4)),
            float(app.config.get("SIM_WAIT_SECONDS", 10))))
    return gate


def turns_for(app: Flask) -> UserTurns:
    """This process's per-user turns for ``app``, created on first use."""
    return app.extensions.setdefault(_TURNS_KEY, UserTurns(float(app.config.get("RUN_PACE_SECONDS", 0.5))))


def _user_turn(flask_app: Flask, user_id: int) -> contextlib.AbstractContextManager[None]:
    """The user's turn in a threaded server; nothing in a one-request-per-process server."""
    if has_request_context() and request.environ.get("wsgi.multithread"):
        return turns_for(flask_app).turn(user_id)
    return contextlib.nullcontext()


def _release_session() -> list[object]:
    """End the request's transaction and give its connection back; return the loaded objects."""
    session = db.session()
    if session.new or session.dirty or session.deleted:
        # A view must commit its own changes before running a program: they would be lost here.
        raise RuntimeError("uncommitted changes in the session before a simulator run")
    loaded = list(session.identity_map.values())
    db.session.close()
    return loaded


def run_fairly(user_id: int, work: Callable[[], T]) -> T:
    """Run ``work()`` (a call into ``app.sim``) for ``user_id`` under the fair-sharing rules.

    Raises ``RunInFlight`` or ``TooManyRuns`` (per-user limits, nothing ran) and
    ``SimulatorBusy`` (no worker free in time; the run is not counted). Exceptions from ``work``
    propagate after the run is recorded as finished.
    """
    flask_app = current_app._get_current_object()
    loaded = _release_session()
    try:
        with _user_turn(flask_app, user_id):
            return _claimed_run(flask_app, user_id, work)
    finally:
        for obj in loaded:
            db.session.add(obj)


def _claimed_run(flask_app: Flask, user_id: int, work: Callable[[], T]) -> T:
    run_id = claim_run(user_id, RunLimits.from_config(flask_app.config))
    try:
        with gate_for(flask_app).slot():
            try:
                result = work()
            except _SIM_BUSY as busy:
                raise SimulatorBusy(getattr(busy, "retry_after_s", 10)) from busy
    except SimulatorBusy:
        drop_run(run_id)
        raise
    except BaseException:
        finish_run(run_id, "error")
        raise
    finish_run(run_id, "done")
    return result
