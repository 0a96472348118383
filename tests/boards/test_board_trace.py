"""A board's printed output is untrusted input: what the parser keeps, drops and caps."""

from __future__ import annotations

import json

import pytest

from app.boards.grading import NotGradedOnBoard, grade_board_output
from app.boards.harness import MAX_OUTPUT_CHARS, parse_board_output, wrap_program
from app.sim.boards import get_board
from app.sim.labs import load_lab
from app.sim.trace import MAX_EVENTS


def _blink_output(on_ms=250, cycles=10, end='"time"'):
    lines = ['@OFR 0 !run start {"v":1}', '@OFR 10 pin:LED mode "out"']
    t = 20
    for i in range(cycles * 2):
        lines.append(f"@OFR {t} pin:LED value {1 - i % 2}")
        t += on_ms * 1000
    lines.append(f"@OFR 5000000 !run end {end}")
    return "\r\n".join(lines) + "\r\n"


def _parse(text, slug="blink", board="pico"):
    lab = load_lab(slug)
    return parse_board_output(text, get_board(board), lab.scenario(board))


def test_a_well_formed_board_trace_passes_the_lab():
    """Does a clean board trace of a 250 ms blink pass the blink lab's checks?"""
    grade, run = grade_board_output("blink", "pico", _blink_output())
    assert run.complete and run.problems == ()
    assert grade.passed


def test_a_wrong_timing_fails_the_same_check():
    """Does a 100 ms blink recorded on a board fail the blink check, as in the simulator?"""
    grade, _run = grade_board_output("blink", "pico", _blink_output(on_ms=100, cycles=25))
    assert [c.passed for c in grade.checks] == [True, False]


def test_events_going_back_in_time_are_rejected():
    """Is an event stamped earlier than the one before it dropped and counted?"""
    text = "@OFR 500 pin:LED mode \"out\"\n@OFR 100 pin:LED value 1\n@OFR 600 pin:LED value 0\n"
    run = _parse(text)
    assert [e.t_us for e in run.trace.events] == [500, 600]
    assert "1 events rejected" in run.problems


@pytest.mark.parametrize("line", [
    "@OFR 10 pin:LED value \"high\"",        # wrong value type
    "@OFR 10 pin:LED explode 1",             # unknown kind
    "@OFR 10 ../../etc value 1",             # bad source
    "@OFR 99999999999 pin:LED value 1",      # beyond the lab's end
    "@OFR -5 pin:LED value 1",               # negative time
    "@OFR 10 pin:LED value {not json}",      # not JSON
    "@OFR 10 pin|x value 1",                 # the engine's separator smuggled in
    "@OFR 10 neopixel:0 write \"012/zz\"",   # strip not in hex
    "@OFR 10 neopixel:0 write \"000/000000\"",  # strip order not a permutation
])
def test_malformed_events_are_dropped(line):
    """Is every malformed or out-of-range event dropped, never graded?"""
    run = _parse(line + "\n", slug="neopixel-pattern" if "neopixel" in line else "blink")
    assert run.trace.events == ()
    assert run.problems


def test_strip_buffer_is_decoded_with_its_colour_order():
    """Is a GRB buffer ("102/...") turned back into RGB pixels?"""
    run = _parse('@OFR 10 neopixel:0 write "102/0a1400"\n', slug="neopixel-pattern")
    assert run.trace.events[0].value == [[20, 10, 0]]


def test_plain_prints_are_the_programs_output_and_not_events():
    """Are the program's own prints kept as its output, and its fake frames never trusted blindly?"""
    run = _parse("hello\n@OFR 10 pin:LED mode \"out\"\nworld\n")
    assert run.stdout == "hello\nworld\n"
    assert len(run.trace.events) == 1


def test_output_and_event_count_are_capped():
    """Are a flood of events and an oversized output cut at the caps?"""
    flood = "".join(f"@OFR {i} pin:LED value {i % 2}\n" for i in range(MAX_EVENTS + 50))
    run = _parse(flood)
    assert len(run.trace.events) <= MAX_EVENTS
    assert run.trace.truncated
    huge = _parse("x" * (MAX_OUTPUT_CHARS + 10))
    assert "output cut at the size cap" in huge.problems


def test_without_an_end_line_the_run_is_incomplete():
    """Is a run cut short (stopped, unplugged) marked incomplete?"""
    run = _parse(_blink_output().rsplit("@OFR 5000000", 1)[0])
    assert not run.complete


@pytest.mark.parametrize("value,expected", [
    ({"type": "ValueError", "message": "bad", "line": 3}, {"type": "ValueError", "message": "bad", "line": 3}),
    ({"type": "not an identifier!", "message": "x", "line": 3}, None),
    ({"type": "E", "message": 5, "line": True}, {"type": "E", "message": "", "line": None}),
])
def test_reported_errors_are_validated(value, expected):
    """Is the harness's error report reduced to a valid type, a short message and a sane line?"""
    run = _parse(f"@OFR 5 !run error {json.dumps(value)}\n")
    assert run.error == expected


def test_labs_needing_inputs_refuse_a_grade():
    """Does grading a board run of a lab with simulated inputs raise NotGradedOnBoard?"""
    with pytest.raises(NotGradedOnBoard):
        grade_board_output("night-lamp", "pico", _blink_output())


def test_wrapped_program_embeds_code_as_a_literal():
    """Is the student's code embedded as a string literal (quotes and newlines escaped)?"""
    text = wrap_program('print("ciao")\n# è\n', 5)
    assert text.splitlines()[1] == '_OFR_SRC = "print(\\"ciao\\")\\n# è\\n"'
