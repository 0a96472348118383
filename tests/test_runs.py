"""Fair sharing of the simulator (app.runs) through the lab page: one run in flight per user, a
per-user rate, a bounded wait for a worker (503 + Retry-After), no database connection held while
a program runs, and the student's code kept on every refusal. Real MicroPython, real SQLite."""

from __future__ import annotations

import re
import threading
from datetime import timedelta

import pytest
from markupsafe import escape
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import SimRun
from app.models.base import utcnow
from app.runs import RunInFlight, RunLimits, SimulatorBusy, SimulatorGate
from app.runs.limits import claim_run
from app.runs.services import gate_for
from tests.factories import csrf_token

CODE = "# il mio programma 42\nprint(1)\n"
RUNS = SimRun.__table__


def _signed_in(app, login, user):
    client = app.test_client()
    assert login(client, user).status_code == 302
    return client


def _run(client, code=CODE, slug="blink", board="pico"):
    token = csrf_token(client, f"/catalog/labs/{slug}")
    return client.post(f"/catalog/labs/{slug}", data={"code": code, "board": board, "csrf_token": token})


def _runs_of(user_id: int) -> list:
    with db.engine.connect() as conn:
        return conn.execute(select(RUNS).where(RUNS.c.user_id == user_id).order_by(RUNS.c.id)).all()


def _in_flight_elsewhere(user_id: int, expires_in_s: int = 60) -> None:
    """A run of this user in flight in another server process: only the database knows."""
    now = utcnow()
    with db.engine.begin() as conn:
        conn.execute(insert(RUNS).values(user_id=user_id, started_at=now, expires_at=now + timedelta(seconds=expires_in_s)))


def _keeps_code(html: str) -> bool:
    """Is the submitted program back in the editor (the form's textarea)?"""
    return re.search(r"<textarea[^>]*>\s*" + re.escape(str(escape(CODE)).strip()) + r"\s*</textarea>", html) is not None


def test_run_while_another_is_in_flight_gets_429_in_italian_with_the_code_kept(app, world, login):
    """Is a second run, while the student's first is still running elsewhere, answered at once
    with 429, an Italian message, Retry-After, and the student's code still in the editor?"""
    client = _signed_in(app, login, world.student)
    _in_flight_elsewhere(world.student.id)
    response = _run(client)
    html = response.get_data(as_text=True)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    assert "ancora in esecuzione" in html and "run-refused" in html
    assert _keeps_code(html)
    assert len(_runs_of(world.student.id)) == 1, "a refused run writes nothing"


def test_refusal_is_in_english_for_an_english_speaker(app, world, login):
    """Does a student who chose English read the 429 message in English?"""
    world.student.preferred_language = "en"
    db.session.commit()
    client = _signed_in(app, login, world.student)
    _in_flight_elsewhere(world.student.id)
    html = _run(client).get_data(as_text=True)
    assert "still running" in html and "ancora in esecuzione" not in html
    assert _keeps_code(html)


def test_rate_limit_per_minute_and_its_window(app, world, login):
    """With 2 runs a minute, is the third refused (429, Retry-After within the minute), and
    allowed again once the first runs have left the window?"""
    app.config["RUNS_PER_MINUTE"] = 2
    client = _signed_in(app, login, world.student)
    assert _run(client).status_code == 200
    assert _run(client).status_code == 200
    refused = _run(client)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 429 and "result-pass" not in html
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert "riprova tra" in html and _keeps_code(html)
    other = _signed_in(app, login, world.teacher)
    assert _run(other).status_code == 200, "the limit is per user"
    with db.engine.begin() as conn:  # a minute and a second pass
        for row in conn.execute(select(RUNS.c.id, RUNS.c.started_at)).all():
            conn.execute(update(RUNS).where(RUNS.c.id == row.id).values(started_at=row.started_at - timedelta(seconds=61)))
    assert _run(client).status_code == 200
    assert len(_runs_of(world.student.id)) == 1, "runs that left the window are forgotten"


def test_an_expired_in_flight_mark_does_not_block(app, world, login):
    """If a server process died mid-run (its mark expired), can the student run again, with the
    stale mark closed as expired?"""
    client = _signed_in(app, login, world.student)
    _in_flight_elsewhere(world.student.id, expires_in_s=-1)
    assert _run(client).status_code == 200
    outcomes = [row.outcome for row in _runs_of(world.student.id)]
    assert outcomes == ["expired", "done"]


def test_database_allows_one_unfinished_run_per_user(app, world):
    """Does the database itself refuse a second unfinished run for one user (two processes racing)?"""
    user_id = world.student.id
    run_id = claim_run(user_id, RunLimits())
    with pytest.raises(RunInFlight):
        claim_run(user_id, RunLimits())
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(insert(RUNS).values(user_id=user_id, started_at=utcnow(), expires_at=utcnow()))
    assert [row.id for row in _runs_of(user_id)] == [run_id]


def test_saturated_simulator_answers_503_with_retry_after(app, world, login):
    """When every worker is busy and no one may wait, is a run refused at once with 503,
    Retry-After, 'try again in N s' and the code kept, without counting against the student?"""
    app.config.update(SIM_WORKERS=1, SIM_MAX_WAITING=0)
    client = _signed_in(app, login, world.student)
    with gate_for(app).slot():  # another user's run holds the only worker
        response = _run(client)
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) >= 1
    assert "Il simulatore è occupato, riprova tra" in html and _keeps_code(html)
    assert _runs_of(world.student.id) == [], "a run that never ran is not counted"
    assert _run(client).status_code == 200


def test_wait_for_a_worker_is_bounded(app, world, login):
    """Does a run that may queue, but finds no worker free within the wait bound, get 503?"""
    app.config.update(SIM_WORKERS=1, SIM_MAX_WAITING=1, SIM_WAIT_SECONDS=1)
    client = _signed_in(app, login, world.student)
    with gate_for(app).slot():
        response = _run(client)
    assert response.status_code == 503 and "Retry-After" in response.headers


def test_gate_queue_is_bounded():
    """With one worker busy and one run waiting, is a third refused at once (never a pile-up)?"""
    gate = SimulatorGate(workers=1, queue=1, wait_seconds=30)
    release, waiting_done = threading.Event(), []

    def waiter():
        with gate.slot():
            waiting_done.append(True)

    with gate.slot():
        thread = threading.Thread(target=waiter)
        thread.start()
        while gate.waiting == 0:
            release.wait(0.01)
        with pytest.raises(SimulatorBusy) as refused:
            with gate.slot():
                pass
        assert refused.value.retry_after >= 1
    thread.join(10)
    assert waiting_done == [True] and gate.running == 0 and gate.waiting == 0


def test_csrf_is_still_required_to_run(app, world, login):
    """Is a run posted without the CSRF token refused (400) before anything runs or is counted?"""
    client = _signed_in(app, login, world.student)
    response = client.post("/catalog/labs/blink", data={"code": CODE, "board": "pico"})
    assert response.status_code == 400
    assert _runs_of(world.student.id) == []


@pytest.fixture
def one_connection_app(app_config):
    """An app whose database pool has exactly one connection and no overflow."""
    from app import create_app

    options = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 5, "pool_pre_ping": True}
    one = create_app({**app_config, "SQLALCHEMY_ENGINE_OPTIONS": options})
    from tests.conftest import IsolatedClient

    one.test_client_class = IsolatedClient
    with one.app_context():
        yield one
        db.session.remove()
        db.engine.dispose()


def test_no_database_connection_is_held_while_a_program_runs(one_connection_app, login, monkeypatch):
    """While a real program runs in the simulator, is no database connection checked out — and
    do four users' concurrent runs all succeed on a pool of one connection?"""
    from app.catalog import tryout
    from tests.factories import make_world

    world = make_world()
    users = [world.student, world.teacher, world.staff, world.admin]
    clients = [_signed_in(one_connection_app, login, user) for user in users]
    db.session.close()  # the test's own session must not hold the only connection either
    seen: list[int] = []
    real_grade = tryout.grade

    def observed_grade(*args, **kwargs):
        seen.append(db.engine.pool.checkedout())
        return real_grade(*args, **kwargs)

    monkeypatch.setattr(tryout, "grade", observed_grade)
    response = _run(clients[0])
    assert response.status_code == 200 and "result-" in response.get_data(as_text=True)
    assert seen == [0]

    tokens = [csrf_token(client, "/catalog/labs/blink") for client in clients]
    statuses: list[int] = []

    def post(client, token):
        statuses.append(client.post("/catalog/labs/blink", data={"code": CODE, "board": "pico", "csrf_token": token}).status_code)

    threads = [threading.Thread(target=post, args=pair) for pair in zip(clients, tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == [200, 200, 200, 200]
    with db.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(RUNS).where(RUNS.c.finished_at.is_(None))) == 0
    db.session.close()


def test_rate_holds_when_many_requests_race(app, world):
    """When eight threads claim runs for one user at once (each on its own connection, as server
    processes do), do no more than the allowed number of runs ever start?"""
    from app.runs import RunRefused
    from app.runs.limits import finish_run

    user_id, limits, started, errors = world.student.id, RunLimits(runs_per_window=3), [], []
    db.session.close()

    def keep_trying():
        with app.app_context():
            for _ in range(6):
                try:
                    run_id = claim_run(user_id, limits)
                except RunRefused:
                    continue
                except Exception as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)
                    continue
                started.append(run_id)
                finish_run(run_id, "done")

    threads = [threading.Thread(target=keep_trying) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and len(started) == 3


def test_threaded_server_gives_one_turn_per_user(app, world, login):
    """In a threaded server, is a run refused (429, code kept) while the same user's other run
    holds their turn in this process — and is another user's run unaffected?"""
    from app.runs.services import turns_for

    app.config["RUN_PACE_SECONDS"] = 0.2
    client, other = _signed_in(app, login, world.student), _signed_in(app, login, world.teacher)
    threaded = {"wsgi.multithread": True}
    token = csrf_token(client, "/catalog/labs/blink")
    other_token = csrf_token(other, "/catalog/labs/blink")
    with turns_for(app).turn(world.student.id):
        response = client.post("/catalog/labs/blink", data={"code": CODE, "board": "pico", "csrf_token": token},
                               environ_overrides=threaded)
        assert response.status_code == 429 and _keeps_code(response.get_data(as_text=True))
        assert other.post("/catalog/labs/blink", data={"code": CODE, "board": "pico", "csrf_token": other_token},
                          environ_overrides=threaded).status_code == 200
    assert _runs_of(world.student.id) == [], "refused in the process: the database was not even asked"
    assert client.post("/catalog/labs/blink", data={"code": CODE, "board": "pico", "csrf_token": token},
                       environ_overrides=threaded).status_code == 200


def test_user_turns_pace_refusals_and_forget_idle_users():
    """Is a turn that ended in a refusal still held for a while (so one user's flood is answered
    slowly), and are idle users' locks dropped afterwards?"""
    from app.runs.turns import UserTurns

    turns, outcomes, refusing = UserTurns(pace_seconds=1.0), [], threading.Event()

    def flood_request():
        try:
            with turns.turn(7):
                refusing.set()
                raise RunInFlight(1)  # the holder's run is refused by the database
        except RunInFlight:
            outcomes.append("refused")

    holder = threading.Thread(target=flood_request)
    holder.start()
    assert refusing.wait(5)
    assert not turns._locks[7].acquire(blocking=False), "the refused holder keeps the turn while pacing"
    holder.join(5)
    with turns.turn(8):
        pass
    assert outcomes == ["refused"] and turns._locks == {} and turns._users == {}


def test_user_turns_slow_a_persistent_flood_and_forgive_a_quiet_user():
    """Does the pace stay short for a student who presses Run twice, double with every five
    refusals in a row (capped), and go back to normal after a quiet half minute?"""
    from app.runs import turns as turns_module
    from app.runs.turns import UserTurns

    now = [1000.0]
    turns = UserTurns(pace_seconds=0.5, clock=lambda: now[0])

    def refuse(times: int) -> None:
        for _ in range(times):
            turns._refused(7)
            now[0] += 1.0

    assert turns.pace(7) == 0.5
    refuse(4)
    assert turns.pace(7) == 0.5, "a few refusals: still answered at once"
    refuse(1)
    assert turns.pace(7) == 1.0
    refuse(5)
    assert turns.pace(7) == 2.0
    refuse(100)
    assert turns.pace(7) == 0.5 * turns_module.MAX_PACE_FACTOR
    assert turns.pace(8) == 0.5, "another user's pace is their own"
    now[0] += turns_module.STREAK_QUIET_SECONDS + 1
    assert turns.pace(7) == 0.5 and 7 not in turns._streaks
    refuse(12)
    with turns.turn(7):  # a run that is not refused ends the streak
        pass
    assert turns.pace(7) == 0.5

