"""Conformance corpus: programs in the style of kit lessons and tutorials for the Pico, Pico W and
ESP32 run on the virtual boards as they would on a board.

Each program in ``tests/sim/corpus/<board>/`` states what a board shows in its header comment, one
directive a line, before the first line of code:

- ``# seconds: 3`` and ``# scenario: {json}``: how long it runs and what is wired;
- ``# stdout: text``: the printed lines, in order, start with these lines;
- ``# stdout-has: text``: this text appears somewhere in what was printed;
- ``# event: source kind v1,v2,...``: the first recorded values of that event are these (JSON
  values; one JSON list when the value itself is a list);
- ``# events-min: source kind N``: at least N such events were recorded;
- ``# outcome: time|done|exit|error`` (default: not ``error``/``fuel``/``crash``);
- ``# error: Type`` and ``# explains: text`` (a piece of the Italian explanation);
- ``# api-clean``: the pre-run API check reports nothing.

Programs the simulator cannot run like a board yet carry ``# known-gap: why`` and are expected
to fail (strict), so a fixed gap shows up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.sim.runner import execute

CORPUS = Path(__file__).parent / "corpus"
BOARDS = ("pico", "pico_w", "esp32")


def _programs() -> list[Path]:
    return sorted(p for b in BOARDS for p in (CORPUS / b).glob("*.py"))


def parse_header(text: str) -> list[tuple[str, str]]:
    """The ``# key: value`` directives before the first line of code."""
    out = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].strip().partition(":")
        if sep or key in ("api-clean",):
            out.append((key.strip(), value.strip()))
    return out


def _value(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text


def check_program(path: Path) -> list[str]:
    """What differs from the program's stated behaviour (empty when it runs like on a board)."""
    text = path.read_text(encoding="utf-8")
    head = parse_header(text)
    opts = dict(head)
    scenario = json.loads(opts["scenario"]) if "scenario" in opts else {}
    scenario.setdefault("seconds", float(opts.get("seconds", 2)))
    result, _ = execute(text, path.parent.name, scenario)
    problems = []
    lines = result.stdout.splitlines()
    want_lines = [v for k, v in head if k == "stdout"]
    if lines[:len(want_lines)] != want_lines:
        problems.append(f"stdout starts {lines[:len(want_lines)]!r}, expected {want_lines!r}")
    for k, v in head:
        if k == "stdout-has" and v not in result.stdout:
            problems.append(f"stdout lacks {v!r}")
        elif k in ("event", "events-min"):
            source, kind, rest = v.split(" ", 2)
            got = [e.value for e in result.events if e.source == source and e.kind == kind]
            if k == "events-min" and len(got) < int(rest):
                problems.append(f"{len(got)} {source} {kind} events, expected >= {rest}")
            if k == "event":
                want = [_value(rest)] if rest.startswith("[") else [
                    _value(x) for x in rest.split(",")]
                if got[:len(want)] != want:
                    problems.append(f"{source} {kind}: {got[:len(want)]!r}, expected {want!r}")
    error = result.error or {}
    if "error" in opts:
        if error.get("type") != opts["error"]:
            problems.append(f"error {error!r}, expected {opts['error']}")
    elif result.outcome in ("error", "fuel", "crash"):
        problems.append(f"outcome {result.outcome}: {error!r}")
    if "outcome" in opts and result.outcome != opts["outcome"]:
        problems.append(f"outcome {result.outcome}, expected {opts['outcome']}")
    if "explains" in opts and opts["explains"] not in ((result.explanation or {}).get("it") or ""):
        problems.append(f"explanation {result.explanation!r} lacks {opts['explains']!r}")
    if "api-clean" in opts and result.api_problems:
        problems.append(f"API check: {list(result.api_problems)!r}")
    return problems


def test_corpus_is_large_enough():
    """Does the corpus hold at least 75 programs across the Pico, Pico W and ESP32?"""
    assert len(_programs()) >= 75


@pytest.mark.parametrize("path", _programs(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_program_runs_like_on_a_board(path):
    """Does this program behave on the virtual board as its header says a board does?"""
    gap = dict(parse_header(path.read_text(encoding="utf-8"))).get("known-gap")
    problems = check_program(path)
    if gap:
        assert problems, f"known gap '{gap}' no longer fails: remove the marker"
        pytest.xfail(gap)
    assert not problems, problems


# ---- the host side of the new devices: validation of untrusted commands ------------------------

def _board(name: str = "pico", scenario: dict | None = None):
    from app.sim.boards import get_board
    from app.sim.hal import VirtualBoard
    from app.sim.scenario import parse_scenario

    board = get_board(name)
    vb = VirtualBoard(board, parse_scenario(scenario or {"seconds": 5}, board))
    vb.call(b"g", b"", [0] * 8, 0)
    return vb


def test_module_fetch_serves_only_device_modules():
    """Does the module-fetch command hand out the device modules and nothing else?"""
    vb = _board()
    vb.call(b"B", b"_simdev", [0] * 8, 0)
    assert vb.res_i[0] > 0 and vb.res_b
    for other in (b"_simboot", b"../etc/passwd", b"main"):
        vb.call(b"B", other, [0] * 8, 0)
        assert vb.res_i == (0, 0, 0) and vb.res_b is None


def test_forged_watchdog_feed_without_start_changes_nothing():
    """Does feeding a watchdog that was never started leave the board without one?"""
    vb = _board()
    vb.call(b"O", b"", [1, 0, 0, 0, 0, 0, 0, 0], 0)
    assert vb.wdt_deadline is None
    vb.call(b"O", b"", [0, 100_000_000, 0, 0, 0, 0, 0, 0], 0)  # capped at the rp2's 8388 ms
    assert vb.wdt_deadline is not None and vb.wdt_deadline - vb.now <= 8_388_000


def test_scenario_rejects_malformed_new_devices():
    """Are a non-list stdin and a DHT22 on a pin the board lacks refused with the key named?"""
    from app.sim.boards import get_board
    from app.sim.scenario import ScenarioError, parse_scenario

    with pytest.raises(ScenarioError, match="stdin"):
        parse_scenario({"stdin": "ciao"}, get_board("pico"))
    with pytest.raises(ScenarioError, match="pin"):
        parse_scenario({"devices": [{"type": "dht22", "pin": 40}]}, get_board("esp32"))
