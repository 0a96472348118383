"""Robot labs graded with the real interpreter: wrong programs fail for the right reason, slow but
correct ones pass, and the feedback names what was measured and picks a hint that fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.sim.grading import grade_local
from app.sim.labs import load_lab
from app.sim.robot.labgrading import scenario_for

ROOT = Path(__file__).resolve().parents[3]
LABS = ROOT / "labs"


def _grade(slug: str, program: str, lang: str = "it"):
    lab = LABS / slug
    return grade_local((lab / program).read_text(encoding="utf-8"), lab, lang=lang)


def _check(res, check_id: str):
    return next(c for c in res.checks if c.id == check_id)


@pytest.mark.parametrize("program", ["wrong/ignores_sensor.py", "wrong/small_circles.py"])
def test_circle_driver_fails_the_obstacle_lab_on_every_world(program):
    """Does a robot that ignores its sonar and drives in circles fail on every world?"""
    res = _grade("obstacle-avoider", program, "en")
    assert not res.passed
    assert not any(w["passed"] for w in res.worlds)


def test_small_circles_are_told_they_circle():
    """Is a robot circling in one spot told so, with the squares it visited, and the circle hint?"""
    res = _grade("obstacle-avoider", "wrong/small_circles.py")
    explores = _check(res, "explores")
    assert explores.cause == "circles"
    assert "quadrati da 25 cm" in explores.measured["it"] and "(ne servono 6)" in explores.measured["it"]
    assert "in tondo" in explores.hint["it"]
    assert _check(res, "no-collision").passed  # it never hits anything: only exploring catches it


def test_slow_line_follower_passes_with_a_limit_derived_from_the_track():
    """Does a slower but correct follower pass, and does the goal's limit come from the track?"""
    res = _grade("line-follower-2", "alternatives/slow_and_steady.py", "en")
    assert res.passed, [c.measured for c in res.checks if not c.passed]
    lab = load_lab(LABS / "line-follower-2")
    goal = next(c for c in lab.checks if c.id == "goal")
    oval = lab.robot.worlds[0].world
    assert goal.limit_s(oval) == pytest.approx(oval.route_cm / 8 + 5, abs=0.1)
    # every world's run lasts long enough for its own limit
    for i, lw in enumerate(lab.robot.worlds):
        assert scenario_for(lab.scenario_data, lab.robot, i, lab.checks)["seconds"] >= goal.limit_s(lw.world)


def test_goal_feedback_names_the_limit_and_the_route():
    """Does a passing goal say when it was reached against a limit derived from the route?"""
    res = _grade("line-follower-2", "solution.py", "it")
    goal = _check(res, "goal")
    assert goal.passed
    assert "traguardo raggiunto a " in goal.measured["it"] and "cm/s" in goal.measured["it"]


def test_line_follower_that_leaves_the_line_gets_the_lost_line_hint():
    """Is a follower steering away from the line told when it lost it, with the lost-line hint?"""
    res = _grade("line-follower-2", "wrong/turns-away.py", "it")
    on_line = _check(res, "on-line")
    assert on_line.cause == "lost-line" and "la perde la prima volta a " in on_line.measured["it"]
    assert "," in on_line.measured["it"].split("a ")[-1]  # Italian decimal comma: "3,6 s"
    assert _check(res, "goal").hint["it"].startswith("Il robot perde la linea")


def test_stop_wall_ignoring_the_sensor_is_told_when_it_hit():
    """Does a robot that never re-measures fail with the time it hit the wall, in Italian?"""
    res = _grade("robot-stop-wall", "wrong/ignores_sensor.py")
    hit = _check(res, "no-collision")
    assert not hit.passed and hit.cause == "hit-wall"
    assert hit.measured["it"].startswith("mondo 1 «Muro vicino»: il robot ha urtato a ")
    assert " s andando avanti" in hit.measured["it"]


def test_robot_reversing_into_the_wall_is_not_told_to_turn_left():
    """Is a square driven backwards into a wall told it reversed, not 'turn left, not right'?"""
    res = _grade("robot-square", "wrong/reverses.py")
    hit = _check(res, "no-collision")
    assert hit.cause == "reversing" and "all'indietro" in hit.measured["it"]
    assert "non a destra" not in hit.hint["it"]


def test_square_turning_right_gets_the_turn_left_hint():
    """Is a square turning right told which way it turned, and to turn left?"""
    res = _grade("robot-square", "wrong/turns-right.py")
    square = _check(res, "square")
    assert square.cause == "turns-wrong-way" and "a destra" in square.measured["it"]
    assert "GP9" in square.hint["it"]


def test_square_side_is_measured_against_the_expected_length():
    """Does a square with short sides say which side, how long, and what was expected?"""
    res = _grade("robot-square", "wrong/short_sides.py", "en")
    square = _check(res, "square")
    assert square.cause == "side-too-short"
    assert "side 1: 3" in square.measured["en"] and "expected 50 cm ± 8 cm" in square.measured["en"]


def test_slow_square_passes():
    """Does a slow but accurate square pass (the 30 s are stated in the instructions)?"""
    res = _grade("robot-square", "alternatives/slow_and_careful.py", "en")
    assert res.passed, [c.measured for c in res.checks if not c.passed]
    assert "30 secondi" in (LABS / "robot-square" / "instructions.it.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", ["robot-square", "robot-stop-wall", "obstacle-avoider",
                                  "line-follower-2", "line-follower-3", "maze-wall-follower"])
def test_every_robot_lab_ships_alternatives_and_wrong_programs(slug):
    """Does each robot lab ship >= 2 alternatives and >= 4 wrong programs, including one that
    ignores its input (or hard-codes its path) and one that hard-codes the timing?"""
    lab = load_lab(LABS / slug)
    assert len(lab.alternatives()) >= 2
    names = [p.name for p in lab.wrong_variants()]
    assert len(names) >= 4 and "hardcoded_timing.py" in names
    if slug != "robot-square":  # the square has no sensor: timing is its input
        assert any(n.startswith("ignores_") for n in names)
    for path in lab.wrong_variants() + lab.alternatives():
        assert path.read_text(encoding="utf-8").startswith("# "), path.name
