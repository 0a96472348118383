"""``officina board run LAB --code FILE --port PORT``: run and grade a lab on a connected board.

For teachers without Web Serial: the program goes to the board through ``mpremote`` used as a
library (imported only when the command runs: ``pip install officina[boards]``), with the same
protocol facts and the same messages as the lab page (:mod:`app.boards.messages`). Labs that can
be checked on a board run inside the harness and are graded here with the lab's checks
(:func:`app.boards.grading.grade_board_output`); the others run as they are, without a grade.
Exit status: 0 passed (or ran, when ungraded), 1 checks failed, 2 the board could not be used.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
from pathlib import Path

import click

from app.boards.harness import FRAME, board_grading, wrap_program
from app.boards.messages import message

_BOOTLOADER = re.compile(rb"rst:0x|boot:0x|waiting for download|ets [A-Z][a-z]{2} |ESP-ROM|BOOTSEL|DAPLink")
RUN_MARGIN_S = 15  # beyond the lab's duration before the run is interrupted
ENTER_TIMEOUT_S = 4  # for the raw REPL's banner after Ctrl-C, Ctrl-A (mpremote's default is 10)
# How long one read may wait while the program is sent. mpremote's raw paste reads the board's
# "send more" byte with a single read: at the 10 ms the output is followed with, a board (or a
# machine) slower than that to answer made a good board fail as "unexpected answer".
SEND_READ_TIMEOUT_S = 2.0


class BoardProblem(Exception):
    """The board could not be used; ``code`` is a message code of :mod:`app.boards.messages`."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def classify_silence(seen: bytes) -> str:
    """Why a board never reached the raw REPL, from what it printed meanwhile."""
    if not seen.strip():
        return "no-micropython"
    if _BOOTLOADER.search(seen):
        return "no-micropython"
    if b">>> " in seen or b"Traceback" in seen or len(seen) > 64:
        return "board-busy"
    return "no-micropython"


def open_board(port: str | None, timeout: float = 0.01):
    """Open ``port`` with mpremote's serial transport and enter the raw REPL (soft reset)."""
    from mpremote.transport import TransportError
    from mpremote.transport_serial import SerialTransport

    if not port or not os.path.exists(port):
        raise BoardProblem("no-port-chosen", port or "")
    try:
        transport = SerialTransport(port, baudrate=115200, timeout=timeout)
    except TransportError as exc:
        raise BoardProblem("port-busy", str(exc)) from None
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):  # mpremote prints what it saw on failure
            transport.enter_raw_repl(soft_reset=True, timeout_overall=ENTER_TIMEOUT_S)
    except TransportError:
        seen = printed.getvalue().strip()
        raw = _bytes_literal(seen)
        transport.close()
        raise BoardProblem(classify_silence(raw), seen[-200:]) from None
    except OSError as exc:
        raise BoardProblem("disconnected", str(exc)) from None
    return transport


def _bytes_literal(text: str) -> bytes:
    """mpremote prints the bytes it saw as a ``b'...'`` literal."""
    if text.startswith(("b'", 'b"')):
        try:
            import ast

            value = ast.literal_eval(text.splitlines()[-1])
            if isinstance(value, bytes):
                return value
        except (ValueError, SyntaxError):
            pass
    return text.encode()


def run_on_board(transport, program: str, timeout_s: float, echo) -> tuple[str, str]:
    """Send ``program`` (raw-paste when the board has it, else chunks) and follow its output;
    ``echo(line)`` gets each complete line of output as it arrives."""
    from mpremote.transport import TransportError

    pending = bytearray()
    output = bytearray()

    def consume(data: bytes) -> None:
        output.extend(data)
        pending.extend(data)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            echo(line.decode("utf-8", "replace").rstrip("\r"))

    serial = transport.serial
    follow_read_timeout = serial.timeout
    try:
        serial.timeout = SEND_READ_TIMEOUT_S
        try:
            transport.exec_raw_no_follow(program.encode("utf-8"))
        finally:
            serial.timeout = follow_read_timeout
        _out, err = transport.follow(timeout=timeout_s, data_consumer=consume)
    except TransportError as exc:
        raise BoardProblem("protocol", str(exc)) from None
    except OSError as exc:  # serial.SerialException: the port went away
        raise BoardProblem("disconnected", str(exc)) from None
    except KeyboardInterrupt:
        transport.serial.write(b"\x03")
        _out, err = transport.follow(timeout=3, data_consumer=consume)
    if output.endswith(b"\x04"):  # mpremote hands the end marker to the consumer too
        del output[-1:]
    if pending:
        echo(bytes(pending).rstrip(b"\x04").decode("utf-8", "replace"))
    return output.decode("utf-8", "replace"), err.decode("utf-8", "replace")


@click.group(name="board")
def board() -> None:
    """Run and check labs on a real board connected by USB (needs officina[boards])."""


@board.command("run")
@click.argument("lab_ref")
@click.option("--code", "code_file", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The program to run (main.py).")
@click.option("--port", default=None, help="The board's serial port, e.g. /dev/ttyACM0 or COM3.")
@click.option("--board", "board_name", default=None, help="The lab's board (default: its first).")
@click.option("--lang", type=click.Choice(["it", "en"]), default="it", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the grade as JSON.")
def run_command(lab_ref: str, code_file: Path, port: str | None, board_name: str | None, lang: str,
                as_json: bool) -> None:
    """Run LAB's program on the board at PORT; grade it when the lab can be checked on a board."""
    from app.boards.grading import grade_board_output
    from app.sim.labs import load_lab

    lab = load_lab(lab_ref)
    board_name = board_name or lab.boards[0]
    if board_name not in lab.boards:
        raise click.UsageError(f"lab {lab.slug} runs on {', '.join(lab.boards)}")
    code = code_file.read_text(encoding="utf-8")
    decision = board_grading(lab)
    seconds = lab.scenario(board_name).seconds
    program = wrap_program(code, seconds) if decision.graded else code

    def echo(line: str) -> None:
        if not line.startswith(FRAME) and not as_json:
            click.echo(line)

    try:
        transport = open_board(port)
        try:
            output, error = run_on_board(transport, program, seconds + RUN_MARGIN_S, echo)
        finally:
            with contextlib.suppress(Exception):
                transport.exit_raw_repl()
                transport.close()
    except BoardProblem as problem:
        click.echo(message(problem.code, lang), err=True)
        if problem.detail:
            click.echo(f"  ({problem.detail})", err=True)
        sys.exit(2)
    if error and not as_json:
        click.echo(error.rstrip(), err=True)
    if not decision.graded:
        click.echo(decision.reason[lang])
        sys.exit(0)
    grade, run = grade_board_output(lab, board_name, output + ("\n" + error if error else ""), lang)
    if as_json:
        click.echo(json.dumps({**grade.to_dict(), "board_run": {"ended": run.ended, "platform": run.platform,
                                                                "problems": list(run.problems)}}))
    else:
        for check in grade.checks:
            mark = "✓" if check.passed else "✗"
            click.echo(f"{mark} {check.message.get(lang, '')}  [{check.measured.get(lang) or check.detail}]")
    sys.exit(0 if grade.passed else 1)
