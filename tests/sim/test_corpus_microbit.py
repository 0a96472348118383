"""Conformance corpus of the virtual micro:bit V2: lesson-style programs with what a board shows.

Every ``tests/sim/corpus/microbit/*.py`` is a program written for this corpus in the style of
micro:bit lessons; its header says what a real board does with it, as JSON comment lines:

``# scenario: {...}``  the run's scenario (``seconds``, ``devices``, ``board_temperature`` and the
                       micro:bit's own ``microbit:`` inputs, see app/sim/hal/microbit_scenario.py)
``# expect: {...}``    ``stdout`` (the exact printed lines), ``events`` ([source, kind, value]
                       triples that must appear in this order, others may come between),
                       ``outcome`` (done / time / error) and ``error`` (the exception type),
                       ``times`` ([source, kind, value, ms] an event at that time, ±20 ms)

The whole corpus runs through the real interpreter; the pass figure is in docs/fidelity_microbit.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.sim.hal.microbit_scenario import parse_microbit
from app.sim.runner import execute
from app.sim.scenario import Scenario, parse_scenario

CORPUS = Path(__file__).parent / "corpus" / "microbit"
PROGRAMS = sorted(CORPUS.glob("*.py"))


def header(source: str, key: str) -> dict:
    for line in source.splitlines():
        if line.startswith(f"# {key}:"):
            return json.loads(line.split(":", 1)[1])
    return {}


def scenario_of(raw: dict) -> Scenario:
    base = parse_scenario({k: v for k, v in raw.items() if k != "microbit"}, _board())
    return Scenario(base.seconds, base.seed, base.devices, base.board_temperature,
                    extra={"microbit": parse_microbit(raw.get("microbit"))})


def _board():
    from app.sim.boards import get_board

    return get_board("microbit")


def in_order(wanted: list, events: list) -> list:
    """The wanted [source, kind, value] triples not found in order among the events."""
    i = 0
    for e in events:
        if i < len(wanted) and [e.source, e.kind, e.value] == wanted[i]:
            i += 1
    return wanted[i:]


def test_corpus_is_large_enough():
    """Does the micro:bit corpus hold at least 75 programs?"""
    assert len(PROGRAMS) >= 75


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_behaves_like_the_board(path: Path):
    """Does this corpus program print and show what a real micro:bit V2 does?"""
    source = path.read_text(encoding="utf-8")
    expect = header(source, "expect")
    result, _ = execute(source, "microbit", scenario_of(header(source, "scenario")), None)
    if "error" in expect:
        assert result.error is not None and result.error["type"] == expect["error"], result.error
    else:
        assert result.error is None, result.error
    if "outcome" in expect:
        assert result.outcome == expect["outcome"]
    if "stdout" in expect:
        assert result.stdout.splitlines() == expect["stdout"]
    if "events" in expect:
        assert in_order(expect["events"], list(result.events)) == []
    for source_, kind, value, ms in expect.get("times", []):
        hits = [e.t_us for e in result.events if (e.source, e.kind, e.value) == (source_, kind, value)]
        assert any(abs(t / 1000 - ms) <= 20 for t in hits), (source_, kind, value, ms, hits)
