"""``POST /learn/labs/<lab_slug>/board-attempt``: a board's trace graded on the server and kept as
a "real board" attempt and evidence. Real database, Flask test client, the harness's own output
produced by running it in the lab engine's interpreter."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.boards.harness import wrap_program
from app.sim import engine, runner
from app.sim.labs import load_lab
from tests.factories import csrf_token

JSON = {"Accept": "application/json"}


@pytest.fixture
def app(app):
    """The app with the boards blueprint (registered here until create_app registers it)."""
    if "boards" not in app.blueprints:
        from app.boards.views import bp

        app.register_blueprint(bp)
    return app


@pytest.fixture
def student(app, world, login):
    client = app.test_client()
    assert login(client, world.student).status_code == 302
    return client


def _board_output(slug: str, code: str, board: str = "pico") -> str:
    """What a board prints running ``code`` in the harness (the engine's interpreter stands in)."""
    scenario = load_lab(slug).scenario(board)
    longer = replace(scenario, seconds=scenario.seconds + 3)
    limits = engine.Limits(fuel=2 * runner.fuel_budget(longer.seconds), heap_bytes=400 * 1024,
                           stdout_bytes=4 * 1024 * 1024)
    result, _trace = runner.execute(wrap_program(code, scenario.seconds), board, longer, limits=limits)
    return result.stdout


def _post(client, slug, payload, with_token=True):
    headers = dict(JSON)
    if with_token:
        headers["X-CSRFToken"] = csrf_token(client, f"/catalog/labs/{slug}")
    return client.post(f"/learn/labs/{slug}/board-attempt", json=payload, headers=headers)


def _attempts(world):
    from app.extensions import db
    from app.models import Attempt

    return db.session.scalars(select(Attempt).where(Attempt.user_id == world.student.id,
                                                    Attempt.source == "board")).all()


SOLUTION = load_lab("blink").read("solution.py")


def test_a_board_run_of_the_solution_is_recorded_as_real_board_evidence(student, world):
    """Is a passing board trace recorded as a passed attempt with source "board", and its evidence too?"""
    from app.extensions import db
    from app.models import Evidence

    response = _post(student, "blink", {"code": SOLUTION, "board": "pico", "idempotency_key": "board-key-0001",
                                        "output": _board_output("blink", SOLUTION)})
    data = response.get_json()
    assert response.status_code == 200, data
    assert data["passed"] is True and data["html"] and data["history_html"]
    [attempt] = _attempts(world)
    assert attempt.board == "pico" and attempt.result["board_run"]["platform"] == "rp2"
    sources = set(db.session.scalars(select(Evidence.source).where(Evidence.attempt_id == attempt.id)))
    assert sources == {"board"}


def test_the_same_key_makes_one_attempt(student, world):
    """Does posting the same idempotency key twice record a single attempt?"""
    payload = {"code": SOLUTION, "board": "pico", "idempotency_key": "board-key-0002",
               "output": _board_output("blink", SOLUTION)}
    first, second = _post(student, "blink", payload), _post(student, "blink", payload)
    assert first.get_json()["attempt_id"] == second.get_json()["attempt_id"]
    assert len(_attempts(world)) == 1


def test_a_wrong_program_fails_on_the_board_as_in_the_simulator(student, world):
    """Does a too-fast blink recorded on the board fail, like in the simulator?"""
    fast = SOLUTION.replace("250", "100")
    response = _post(student, "blink", {"code": fast, "board": "pico", "idempotency_key": "board-key-0003",
                                        "output": _board_output("blink", fast)})
    assert response.status_code == 200
    assert response.get_json()["passed"] is False


@pytest.mark.parametrize("change,status", [
    (lambda p: {**p, "output": p["output"].rsplit("@OFR", 1)[0]}, 400),  # cut short: no end line
    (lambda p: {**p, "output": p["output"].replace('"platform":"rp2"', '"platform":"esp32"')}, 400),
    (lambda p: {**p, "board": "microbit"}, 400),
    (lambda p: {**p, "idempotency_key": "bad key!"}, 400),
    (lambda p: {k: v for k, v in p.items() if k != "output"}, 400),
])
def test_unusable_board_runs_are_refused_and_leave_nothing(student, world, change, status):
    """Are a cut-short run, the wrong board, a bad key or a missing output refused without an attempt?"""
    payload = {"code": SOLUTION, "board": "pico", "idempotency_key": "board-key-0004",
               "output": _board_output("blink", SOLUTION)}
    response = _post(student, "blink", change(payload))
    assert response.status_code == status
    assert response.get_json()["message"]
    assert _attempts(world) == []


def test_a_lab_needing_inputs_is_not_graded_on_a_board(student, world):
    """Does a lab with simulated inputs refuse a board grade?"""
    code = load_lab("night-lamp").read("solution.py")
    response = _post(student, "night-lamp", {"code": code, "board": "pico", "idempotency_key": "board-key-0005",
                                             "output": '@OFR 0 !run start {"v":1}\n@OFR 1 !run end "time"\n'})
    assert response.status_code == 400
    assert _attempts(world) == []


def test_without_the_csrf_token_nothing_is_recorded(student, world):
    """Is a post without the CSRF header refused?"""
    response = _post(student, "blink", {"code": SOLUTION, "board": "pico", "idempotency_key": "board-key-0006",
                                        "output": _board_output("blink", SOLUTION)}, with_token=False)
    assert response.status_code == 400
    assert _attempts(world) == []


def test_teachers_cannot_record_board_attempts(app, world, login):
    """Is a teacher refused (only students do classwork)?"""
    client = app.test_client()
    login(client, world.teacher)
    response = _post(client, "blink", {"code": SOLUTION, "board": "pico", "idempotency_key": "board-key-0007",
                                       "output": ""})
    assert response.status_code == 403
