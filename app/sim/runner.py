"""Execute one program on a virtual board in this process and interpret the outcome.

Owns the step from (source, board, scenario) to a :class:`Trace` and a :class:`RunResult`: size
caps on the source, the fuel budget (the only limit that decides an outcome), the guest's public
configuration, the host's :class:`~app.sim.hal.VirtualBoard` that records the trace, reading how
the run ended (finished, end of simulated time, uncaught exception with the student's line, fuel,
stack, memory, output flood) and the plain-language explanation. Workers call :func:`execute`.
"""

from __future__ import annotations

import gc
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from app.sim import engine
from app.sim.apicheck import check_api
from app.sim.boards import Board, get_board
from app.sim.errors import explain, outcome_notice
from app.sim.hal import FUEL_PER_US, VirtualBoard
from app.sim.hal.board import ROBOT_STEP_FUEL
from app.sim.program import build_program, file_blob
from app.sim.results import RunResult
from app.sim.robot.physics import RobotSim
from app.sim.robot.protocol import RobotLink
from app.sim.scenario import Scenario, parse_scenario
from app.sim.trace import Trace, build_trace

MAX_SOURCE_BYTES = 64 * 1024
# The virtual board's own modules and the boot program occupy part of the interpreter's heap
# (measured with gc.mem_alloc() after start-up: about 50 KiB for a Pico or an ESP32 with their
# device facades, 80 KiB for the micro:bit's larger API and font, more once radio or sound are
# imported); the student's program gets the real board's heap on top of that, so MemoryError comes
# where it would on the board.
BOARD_MODULES_KIB = {"rp2": 60, "esp32": 60, "microbit": 88}
BOOT_FUEL = 60_000_000  # start-up, compiling the student's code, the first instructions
GRACE_S = 1.0  # computing allowed past the scenario's end before the budget runs out
_LINE = re.compile(r'File "main\.py", line (\d+)')


class SourceTooLarge(ValueError):
    """The program exceeds the source size cap."""


def fuel_budget(seconds: float, robot_steps: int = 0) -> int:
    """The only limit that decides an outcome: every unit of fuel moves the clock on
    (1 / FUEL_PER_US µs), so any program that keeps using the board reaches the scenario's end
    within ``BOOT_FUEL + FUEL_PER_US × (seconds + GRACE_S)``; robot physics steps are paid on top."""
    return (BOOT_FUEL + int((seconds + GRACE_S) * 1_000_000) * FUEL_PER_US
            + 2 * robot_steps * ROBOT_STEP_FUEL)


def guest_config(board: Board, sc: Scenario, limits: engine.Limits) -> dict[str, Any]:
    """The configuration object the guest boot code reads: the board's public description only
    (the scenario stays on the host)."""
    bc = board.guest_config()
    return {"board": bc, "seed": sc.seed, "heap": board.heap_kib * 1024}  # gc.mem_free() as on the board


@lru_cache(maxsize=32)
def _api_problems(code: str, board_name: str) -> tuple[dict[str, Any], ...]:
    """:func:`check_api`'s findings, parsed once per program (a robot lab runs it per world)."""
    return tuple(check_api(code, board_name))


def _parse_traceback(stderr: str) -> dict[str, Any] | None:
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    if not lines:
        return None
    last = lines[-1].strip()
    m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)(?::\s?(.*))?$", last)
    if not m:
        return {"type": "Error", "message": last[:500], "line": None}
    found = _LINE.findall(stderr)
    return {"type": m.group(1), "message": (m.group(2) or "")[:500],
            "line": int(found[-1]) if found else None}


def resolve_scenario(board: Board, scenario: Scenario | dict[str, Any] | None,
                     seconds: float | None) -> Scenario:
    """Validate a scenario mapping (or reuse a Scenario) and apply a ``seconds`` override."""
    sc = scenario if isinstance(scenario, Scenario) else parse_scenario(scenario, board)
    if seconds is not None:
        if not 0 < float(seconds) <= 600:
            raise ValueError("seconds must be in 0..600")
        sc = replace(sc, seconds=float(seconds))
    return sc


def _outcome(raw: engine.RawRun, vb: VirtualBoard, limits: engine.Limits
             ) -> tuple[str, dict[str, Any] | None]:
    """How the run ended, from the host's own record (never from anything the guest says)."""
    if raw.ended in ("time", "done", "exit"):
        return raw.ended, None
    if raw.ended == "output":
        return "error", {"type": "OutputLimit", "message": "too much output "
                         f"(more than {limits.stdout_bytes // 1024} KiB)", "line": None}
    if raw.trap == "fuel":
        if not vb.slept:
            message = "the program used up its computing budget (a loop that never pauses?)"
        else:
            message = ("the program used up its computing budget: it computed without pausing "
                       f"or using the board from {vb.now / 1e6:g} s on")
        return "fuel", {"type": "Timeout", "message": message, "line": None}
    if raw.trap == "stack":
        return "error", {"type": "RuntimeError", "message": "maximum recursion depth exceeded",
                         "line": None}
    if raw.trap == "memory":
        return "error", {"type": "MemoryError", "message": "out of memory", "line": None}
    if raw.trap is not None:
        return "crash", {"type": "Crash", "message": raw.trap[:300], "line": None}
    if raw.exit_code == 0:
        return "done", None
    error = _parse_traceback(raw.stderr.decode("utf-8", "replace")) or {
        "type": "Crash", "message": f"exit code {raw.exit_code}", "line": None}
    return "error", error


def execute(code: str, board_name: str, scenario: Scenario | dict[str, Any] | None = None,
            seconds: float | None = None, limits: engine.Limits | None = None,
            replay: bool = True) -> tuple[RunResult, Trace]:
    """Run ``code`` and return the result and its trace (recorded by the host's board). A robot
    run's result carries the replay of its trajectory unless ``replay`` is false (a caller that
    shows one run of several adds it to that one: ``trace.robot.replay_data()``)."""
    board = get_board(board_name)
    sc = resolve_scenario(board, scenario, seconds)
    if len(code.encode("utf-8")) > MAX_SOURCE_BYTES:
        raise SourceTooLarge(f"the program is larger than {MAX_SOURCE_BYTES // 1024} KiB")
    end_us = int(sc.seconds * 1_000_000)
    robots = sc.devices_of("robot")
    robot_sim = RobotSim(robots[0]["setup"], sc.seed, end_us) if robots else None
    limits = limits or engine.Limits(
        fuel=fuel_budget(sc.seconds, robot_sim.end_step if robot_sim is not None else 0),
        heap_bytes=(board.heap_kib + BOARD_MODULES_KIB.get(board.family, 48)) * 1024)
    problems = [dict(p) for p in _api_problems(code, board.name)]
    link = RobotLink(robot_sim) if robot_sim is not None else None
    vb = VirtualBoard(board, sc, link)
    # A run allocates tens of thousands of short-lived tuples and no reference cycles worth
    # chasing: the cyclic collector would only rescan the process's objects again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        raw = engine.run_raw(build_program(guest_config(board, sc, limits), code),
                             file_blob(board.family).encode(), vb, limits)
    finally:
        if collecting:
            gc.enable()
    outcome, error = _outcome(raw, vb, limits)
    if outcome == "time":
        vb.internal.setdefault("end", "time")
    end_us = vb.end_us  # earlier than the scenario's end when a robot finished its task
    sim_time = end_us if outcome == "time" else min(vb.now, end_us)
    trace = build_trace(vb.events, board, sc, sim_time, vb.truncated, vb.internal)
    stdout = raw.stdout.decode("utf-8", "replace")
    if error is None and isinstance(vb.internal.get("cb_error_at"), dict):
        error = dict(vb.internal["cb_error_at"])
    if raw.stdout_truncated:
        stdout += "\n[output truncated]\n"
    explanation = explain(error["type"], error["message"]) if error else None
    notice = outcome_notice("watchdog" if vb.internal.get("end") == "watchdog" else outcome,
                            sim_time / 1_000_000)
    result = RunResult(board.name, error, stdout, sim_time, trace.events, outcome, notice,
                       explanation,
                       tuple(problems), trace.truncated or raw.stdout_truncated,
                       fuel_used=raw.fuel_used)
    if robot_sim is not None:
        # Motors keep their last power after the program ends, as on the real robot.
        trajectory = robot_sim.finish(end_us)
        trace = replace(trace, robot=trajectory)
        if replay:
            result = replace(result, robot=trajectory.replay_data())
    return result, trace
