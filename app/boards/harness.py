"""The board harness: which labs a real board can grade, the program sent to it, and its trace.

Owns three things. :func:`board_grading` decides from a lab alone whether a connected board can be
graded on it (only output devices, no robot, no simulated inputs or world, a Pico/ESP32 board)
or must "run without a grade", with the reason in both languages. :func:`wrap_program` builds the
text sent through the raw REPL: two assignments (``_OFR_CFG``, ``_OFR_SRC``) followed by the
MicroPython harness in ``harness_src/officina_harness.py``, which records pin, PWM, ADC, timer and
NeoPixel activity with the board's own clock and prints it as framed lines
``@OFR <t_us> <source> <kind> <json>``. :func:`parse_board_output` reads what the board printed
as **untrusted input**: bounded size and line count, every event validated by the lab engine's own
log validator (:func:`app.sim.trace.parse_log`: source and kind schema, value types, times
monotone and inside the lab's duration), the harness's own ``!run`` lines checked field by field.
No Flask here: the command line, the web route and the tests share it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.sim.boards import Board, get_board
from app.sim.labs import Lab
from app.sim.scenario import Scenario
from app.sim.trace import MAX_EVENTS, Trace, parse_log

FRAME = "@OFR "
MAX_OUTPUT_CHARS = 2 * 1024 * 1024  # what the server reads of a board's output at most
MAX_STDOUT_CHARS = 16 * 1024  # the program's own prints kept for the student
OUTPUT_DEVICES = frozenset({"led", "buzzer", "servo", "neopixel"})
GRADED_FAMILIES = frozenset({"rp2", "esp32"})
_ENDS = frozenset({"time", "done", "stopped"})
_PIXELS = re.compile(r'^"([0-3]{3,4})/([0-9a-f]{0,2048})"$')
_HARNESS_FILE = Path(__file__).with_name("harness_src") / "officina_harness.py"


@lru_cache(maxsize=1)
def harness_source() -> str:
    """The MicroPython harness as sent to the board (without the two leading assignments)."""
    return _HARNESS_FILE.read_text(encoding="utf-8")


@dataclass(frozen=True)
class BoardGrading:
    """Whether a lab can be graded on a real board, and if not, why (``{it, en}``)."""

    graded: bool
    reason: dict[str, str]


def board_grading(lab: Lab) -> BoardGrading:
    """Decide from the lab alone whether a board's run can be graded ("checked on the board")
    or only run without a grade: a board cannot press buttons, turn knobs, warm a sensor, drive
    a robot through a hidden world or play the micro:bit's simulated gestures."""
    if lab.robot is not None:
        return BoardGrading(False, {
            "it": "Questo laboratorio usa un robot e mondi simulati: sulla scheda puoi provarlo, "
                  "ma il voto si dà solo nel simulatore.",
            "en": "This lab uses a robot and simulated worlds: you can try it on the board, "
                  "but it is graded only in the simulator."})
    if not any(get_board(b).family in GRADED_FAMILIES for b in lab.boards):
        return BoardGrading(False, {
            "it": "Sulla micro:bit il programma gira senza voto: il controllo si fa nel "
                  "simulatore.",
            "en": "On the micro:bit the program runs without a grade: it is checked in the "
                  "simulator."})
    scenario = lab.scenario()
    inputs = [d["type"] for d in scenario.devices if d["type"] not in OUTPUT_DEVICES]
    if inputs or scenario.extra or "stdin" in lab.scenario_data:
        return BoardGrading(False, {
            "it": "Per controllare questo laboratorio servono ingressi simulati (pulsanti, "
                  "sensori): sulla scheda il programma gira senza voto.",
            "en": "Checking this lab needs simulated inputs (buttons, sensors): on the board "
                  "the program runs without a grade."})
    return BoardGrading(True, {"it": "Si può controllare sulla scheda.",
                               "en": "It can be checked on the board."})


def _literal(value: Any) -> str:
    """A JSON text that is also a valid MicroPython literal (numbers, strings, no booleans), written
    exactly as the page's ``JSON.stringify`` writes it (static/js/board/board.mjs ``wrapProgram``)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def wrap_program(code: str, seconds: float, limit: int = MAX_EVENTS) -> str:
    """The whole program to send to the board: the lab's duration and event cap, the student's
    source and the harness as strings, and one line that runs the harness under its own file
    name (so a traceback's ``main.py`` lines are always the student's)."""
    seconds = float(seconds)
    cfg = {"seconds": int(seconds) if seconds.is_integer() else seconds, "limit": int(limit)}
    return (f"_OFR_CFG = {_literal(cfg)}\n"
            f"_OFR_SRC = {_literal(code)}\n"
            f"_OFR_HARNESS = {_literal(harness_source())}\n"
            "exec(compile(_OFR_HARNESS, 'officina_harness.py', 'exec'), "
            "{'__name__': 'officina_harness', '_OFR_CFG': _OFR_CFG, '_OFR_SRC': _OFR_SRC})\n")


@dataclass(frozen=True)
class BoardRun:
    """What a board's printed output says, once validated."""

    trace: Trace
    error: dict[str, Any] | None
    stdout: str  # the program's own prints (without the harness's framed lines)
    ended: str  # time | done | stopped | cut (no end line: stopped or disconnected)
    sim_time_us: int
    problems: tuple[str, ...]  # what was rejected, for logs and the teacher
    platform: str | None = None  # sys.platform the harness reported (rp2, esp32 ...)

    @property
    def complete(self) -> bool:
        """True when the harness reported its own end: the trace is whole."""
        return self.ended != "cut"


def _clean_error(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    kind, message, line = value.get("type"), value.get("message", ""), value.get("line")
    if not isinstance(kind, str) or not kind.isidentifier() or len(kind) > 60:
        return None
    if not isinstance(message, str):
        message = ""
    if not (line is None or (isinstance(line, int) and not isinstance(line, bool)
                             and 0 < line < 100_000)):
        line = None
    return {"type": kind, "message": message[:300], "line": line}


def _strip_pixels(value_text: str) -> str:
    """The harness sends a strip as ``"<order>/<hex buffer>"`` (``order[k]`` is the colour
    stored at byte k of each pixel); return it as the engine's ``[[r, g, b], ...]`` JSON, or the
    text unchanged (and so rejected by the validator) when it is not well formed."""
    m = _PIXELS.match(value_text)
    if not m:
        return value_text
    order, hex_text = m.group(1), m.group(2)
    bpp = len(order)
    if sorted(order) != [str(i) for i in range(bpp)] or len(hex_text) % (2 * bpp):
        return value_text
    data = bytes.fromhex(hex_text)
    pixels = []
    for o in range(0, len(data), bpp):
        colour = [0] * bpp
        for k in range(bpp):
            colour[int(order[k])] = data[o + k]
        pixels.append(colour)
    return json.dumps(pixels, separators=(",", ":"))


def parse_board_output(output: str, board: Board, scenario: Scenario) -> BoardRun:
    """Validate what the board printed (``@OFR`` lines plus the program's own output) and build
    the :class:`~app.sim.trace.Trace` the lab's checks read. Nothing in ``output`` is trusted:
    oversized input is cut, malformed or out-of-order events are dropped and counted."""
    problems: list[str] = []
    if len(output) > MAX_OUTPUT_CHARS:
        output = output[:MAX_OUTPUT_CHARS]
        problems.append("output cut at the size cap")
    end_us = int(scenario.seconds * 1_000_000)
    log: list[str] = []
    stdout: list[str] = []
    error: dict[str, Any] | None = None
    ended = "cut"
    platform: str | None = None
    last_t = 0
    stdout_chars = 0
    lines = output.replace("\r\n", "\n").split("\n")
    for line in lines:
        if not line.startswith(FRAME):
            if stdout_chars < MAX_STDOUT_CHARS:
                stdout.append(line)
                stdout_chars += len(line) + 1
            continue
        parts = line[len(FRAME):].split(" ", 3)
        if len(parts) != 4 or not parts[0].isdigit() or len(parts[0]) > 12:
            problems.append("malformed frame")
            continue
        t, source, kind, value_text = int(parts[0]), parts[1], parts[2], parts[3]
        if source == "!run":
            try:
                value = json.loads(value_text)
            except ValueError:
                problems.append("malformed !run value")
                continue
            if kind == "start" and isinstance(value, dict) and platform is None:
                reported = value.get("platform")
                platform = reported if isinstance(reported, str) and reported.isalnum() else None
            elif kind == "error" and error is None:
                error = _clean_error(value)
            elif kind == "end" and value in _ENDS and ended == "cut":
                ended = value
                last_t = max(last_t, min(t, end_us))
            continue
        if "|" in source or "|" in kind or "\n" in value_text:
            problems.append("malformed frame")
            continue
        if kind == "write" and source.startswith("neopixel:"):
            value_text = _strip_pixels(value_text)
        if t >= last_t:
            last_t = t
        log.append(f"{t}|{source}|{kind}|{value_text}")
        if len(log) > MAX_EVENTS:
            problems.append("too many events")
            break
    trace = parse_log("\n".join(log).encode("utf-8"), board, scenario,
                      end_us if ended == "time" else last_t, len(log) > MAX_EVENTS)
    if trace.rejected:
        problems.append(f"{trace.rejected} events rejected")
    text = "\n".join(stdout).strip("\n")
    return BoardRun(trace, error, text + ("\n" if text else ""), ended,
                    trace.sim_time_us, tuple(problems), platform)
