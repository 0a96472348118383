"""``officina board run`` against a fake serial device: a pseudo-terminal running a scripted board
(tests/boards/fake_board.py), reached through mpremote's own serial transport. The board's answer
to the harness is the harness's real output, computed by the lab engine's interpreter."""

from __future__ import annotations

import fcntl
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.boards import cli as board_cli
from app.boards.harness import wrap_program
from app.boards.messages import MESSAGES
from app.sim import engine, runner
from app.sim.labs import load_lab
from tests.boards.fake_board import PtyBoard

pytest.importorskip("mpremote")
ROOT = Path(__file__).resolve().parents[2]
BLINK = load_lab("blink")


@pytest.fixture(autouse=True)
def quick_enter(monkeypatch):
    monkeypatch.setattr(board_cli, "ENTER_TIMEOUT_S", 1)


def _harness_output(code: str, slug: str = "blink", board: str = "pico") -> str:
    scenario = load_lab(slug).scenario(board)
    longer = replace(scenario, seconds=scenario.seconds + 3)
    limits = engine.Limits(fuel=2 * runner.fuel_budget(longer.seconds), heap_bytes=400 * 1024,
                           stdout_bytes=4 * 1024 * 1024)
    return runner.execute(wrap_program(code, scenario.seconds), board, longer, limits=limits)[0].stdout


def _board_running(code: str, **kwargs) -> PtyBoard:
    """A board that answers the wrapped ``code`` with the harness's real output."""
    expected, output = wrap_program(code, BLINK.scenario().seconds), _harness_output(code)
    board = PtyBoard(run=lambda program: (output, "") if program == expected else ("", "SyntaxError\r\n"),
                     **kwargs)
    board.start()
    return board


def _invoke(tmp_path, board: PtyBoard | None, code: str, *extra: str, slug: str = "blink"):
    source = tmp_path / "main.py"
    source.write_text(code, encoding="utf-8")
    port = ["--port", board.path] if board is not None else []
    try:
        return CliRunner().invoke(board_cli.board, ["run", slug, "--code", str(source), *port, *extra])
    finally:
        if board is not None:
            board.stop()


def test_the_solution_passes_on_the_board(tmp_path):
    """Is the blink solution sent in the harness through raw-paste, and graded as passed (exit 0)?"""
    code = BLINK.read("solution.py")
    board = _board_running(code, window=64)
    result = _invoke(tmp_path, board, code)
    assert result.exit_code == 0, result.output
    assert board.programs == [wrap_program(code, BLINK.scenario().seconds)]
    assert board.soft_resets == 1 and not board.overrun
    assert result.output.count("✓") == 2 and "@OFR" not in result.output


def test_a_wrong_program_fails_with_exit_status_1(tmp_path):
    """Does a 100 ms blink fail the blink check on the board (exit 1)?"""
    code = BLINK.read("solution.py").replace("250", "100")
    result = _invoke(tmp_path, _board_running(code), code, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "✗" in result.output and "The LED stays on 250 ms" in result.output


def test_plain_raw_repl_when_raw_paste_is_missing(tmp_path):
    """Does a board without raw-paste (R\\x00) still get the program and a grade?"""
    code = BLINK.read("solution.py")
    result = _invoke(tmp_path, _board_running(code, paste=False), code, "--json")
    assert result.exit_code == 0, result.output
    assert '"passed": true' in result.output


def test_a_lab_needing_inputs_runs_without_a_grade(tmp_path):
    """Is a lab with simulated inputs sent as it is and reported as ungraded?"""
    code = load_lab("night-lamp").read("solution.py")
    board = PtyBoard(run=lambda program: ("hello\n", ""))
    board.start()
    result = _invoke(tmp_path, board, code, slug="night-lamp")
    assert result.exit_code == 0, result.output
    assert board.programs == [code]
    assert "hello" in result.output and "senza voto" in result.output


@pytest.mark.parametrize("kind,code", [("silent", "no-micropython"), ("bootloader", "no-micropython"),
                                       ("busy", "board-busy")])
def test_boards_that_never_reach_the_raw_repl_are_explained(tmp_path, kind, code):
    """Are a silent board, a bootloader and an unstoppable main.py each explained (exit 2)?"""
    board = PtyBoard(kind=kind)
    board.start()
    result = _invoke(tmp_path, board, "print(1)\n")
    assert result.exit_code == 2
    assert MESSAGES[code]["it"] in result.output


def test_a_port_locked_by_another_program_is_busy(tmp_path):
    """Is a port held by another program (an exclusive lock) reported as busy?"""
    board = PtyBoard()
    board.start()
    holder = os.open(board.path, os.O_RDWR | os.O_NOCTTY)
    fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        result = _invoke(tmp_path, board, "print(1)\n", "--lang", "en")
    finally:
        os.close(holder)
    assert result.exit_code == 2
    assert MESSAGES["port-busy"]["en"] in result.output


def test_no_port_is_no_board_chosen(tmp_path):
    """Without a port (or with one that does not exist) is the student told to choose a board?"""
    assert MESSAGES["no-port-chosen"]["it"] in _invoke(tmp_path, None, "print(1)\n").output
    source = tmp_path / "x.py"
    source.write_text("print(1)\n")
    missing = CliRunner().invoke(board_cli.board, ["run", "blink", "--code", str(source), "--port", "/dev/nope0"])
    assert missing.exit_code == 2 and MESSAGES["no-port-chosen"]["it"] in missing.output


def test_a_disconnect_mid_run_is_reported(tmp_path):
    """Is a board vanishing in the middle of the run reported as a disconnect?"""
    code = BLINK.read("solution.py")
    result = _invoke(tmp_path, _board_running(code, disconnect_after=60), code)
    assert result.exit_code == 2, result.output
    assert MESSAGES["disconnected"]["it"] in result.output


def test_the_command_line_and_the_page_say_the_same_words():
    """Does every command-line message read exactly as the page's JavaScript one?"""
    js = (ROOT / "app/static/js/board/messages.mjs").read_text(encoding="utf-8")
    for code, texts in MESSAGES.items():
        block = re.search(r'"%s": \{\s*it: "(.*?)",\s*en: "(.*?)",?\s*\}' % re.escape(code), js, re.S)
        assert block, code
        assert (block.group(1), block.group(2)) == (texts["it"], texts["en"]), code
