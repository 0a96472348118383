"""The board harness proven on the virtual board: wrapped programs grade as the simulator does.

The harness (``app/boards/harness_src/officina_harness.py``) runs inside the lab engine's own
MicroPython interpreter, where the simulator's ``machine``, ``time`` and ``neopixel`` stand in for
the firmware's; its printed ``@OFR`` trace is parsed as untrusted input and graded by
``app.boards.grading``, and every check must reach the same verdict as the simulator's own trace
of the same program, for every board-gradeable lab's solution, starter, alternatives and wrong
variants. The run is given 3 s more than the lab (compiling the harness costs the simulator about 1.3 s
of its fuel-driven clock before the harness starts its own) so the harness ends on its own clock,
as it does on a board.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.boards.grading import grade_board_output
from app.boards.harness import board_grading, wrap_program
from app.sim import engine, runner
from app.sim.checks import CheckContext
from app.sim.labs import all_labs, load_lab


def _gradeable_programs():
    for path in all_labs():
        lab = load_lab(path)
        if not board_grading(lab).graded:
            continue
        programs = ["solution.py", "starter.py"]
        programs += [f"alternatives/{p.name}" for p in lab.alternatives()]
        programs += [f"wrong/{p.name}" for p in lab.wrong_variants()]
        for board in lab.boards:
            for name in programs:
                yield pytest.param(lab.slug, board, name, id=f"{lab.slug}-{board}-{name}")


def _simulator_verdicts(lab, board, code):
    scenario = lab.scenario(board)
    result, trace = runner.execute(code, board, scenario)
    ctx = CheckContext(trace, result, lab.python_checks)
    return [(c.id, c.run(ctx).passed) for c in lab.checks]


def _harness_output(code, board, scenario):
    longer = replace(scenario, seconds=scenario.seconds + 3)
    limits = engine.Limits(fuel=2 * runner.fuel_budget(longer.seconds), heap_bytes=400 * 1024,
                           stdout_bytes=4 * 1024 * 1024)
    result, _trace = runner.execute(wrap_program(code, scenario.seconds), board, longer,
                                    limits=limits)
    assert result.error is None, result.error  # the harness itself never fails
    return result.stdout


@pytest.mark.parametrize("slug,board,name", list(_gradeable_programs()))
def test_harness_trace_grades_like_the_simulator(slug, board, name):
    """Does the harness's printed trace of this program get the simulator's verdict on every check?"""
    lab = load_lab(slug)
    code = lab.read(name)
    expected = _simulator_verdicts(lab, board, code)
    grade, run = grade_board_output(lab, board, _harness_output(code, board, lab.scenario(board)))
    assert run.complete, run.ended
    assert run.problems == ()
    assert [(c.id, c.passed) for c in grade.checks] == expected


def test_enough_labs_are_gradeable_on_a_board():
    """Are the output-only labs (blink, fades, servo, melody, strip, Morse, traffic light) graded?"""
    graded = {load_lab(p).slug for p in all_labs() if board_grading(load_lab(p)).graded}
    assert {"blink", "pwm-fade", "servo-sweep", "buzzer-melody", "neopixel-pattern",
            "sos-morse", "traffic-light"} <= graded


@pytest.mark.parametrize("slug", ["night-lamp", "button-debounce", "line-follower-2",
                                  "microbit-dice", "potentiometer-led", "ultrasonic-alarm"])
def test_labs_needing_inputs_or_worlds_run_without_a_grade(slug):
    """Does a lab needing simulated inputs, a robot world or micro:bit gestures say it is ungraded?"""
    decision = board_grading(load_lab(slug))
    assert not decision.graded
    assert decision.reason["it"] and decision.reason["en"]


def test_student_error_line_is_the_students_own():
    """Is an uncaught error reported with the student's line number in main.py?"""
    lab = load_lab("blink")
    code = "from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\nled.toggel()\n"
    grade, run = grade_board_output(lab, "pico", _harness_output(code, "pico", lab.scenario()))
    assert run.error == {"type": "AttributeError", "message": run.error["message"], "line": 4}
    assert not grade.passed
    assert grade.checks[0].passed is False


def test_star_import_is_served_by_the_wrappers():
    """Does `from machine import *` still get the recording Pin (and the same verdict)?"""
    lab = load_lab("blink")
    code = lab.read("solution.py").replace("from machine import Pin", "from machine import *")
    grade, run = grade_board_output(lab, "pico", _harness_output(code, "pico", lab.scenario()))
    assert grade.passed, [c.detail for c in grade.checks]
