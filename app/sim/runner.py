"""Execute one program on a virtual board in this process and interpret the outcome.

Owns the step from (source, board, scenario) to a validated :class:`Trace` and a
:class:`RunResult`: size caps on the source, the guest configuration, reading how the run ended
(finished, end of simulated time, uncaught exception with the student's line, fuel, stack, memory,
output flood), and the plain-language explanation. Worker processes call :func:`execute`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from app.sim import engine
from app.sim.apicheck import check_api
from app.sim.boards import Board, get_board
from app.sim.errors import explain, outcome_notice
from app.sim.program import build_program, file_blob
from app.sim.results import RunResult
from app.sim.robot.physics import RobotSim
from app.sim.robot.protocol import make_handler
from app.sim.scenario import Scenario, guest_devices, parse_scenario
from app.sim.trace import MAX_EVENTS, Trace, parse_log

MAX_SOURCE_BYTES = 64 * 1024
ROBOT_FUEL_PER_S = 100_000_000
_LINE = re.compile(r'File "main\.py", line (\d+)')


class SourceTooLarge(ValueError):
    """The program exceeds the source size cap."""


def guest_config(board: Board, sc: Scenario, limits: engine.Limits) -> dict[str, Any]:
    """The configuration object the guest boot code reads."""
    bc = board.guest_config()
    cfg = {"board": bc, "end_us": int(sc.seconds * 1_000_000), "max_events": MAX_EVENTS,
           "seed": sc.seed, "heap": limits.heap_bytes, "costs": bc["costs"],
           "devices": guest_devices(sc, board),
           "board_temp": [[int(t * 1000), c] for t, c in sc.board_temperature]}
    robots = sc.devices_of("robot")
    if robots:
        setup = robots[0]["setup"]
        cfg["robot"] = setup.guest_config()
        cfg["devices"]["sonar"] += [{"trig": s.trigger, "echo": s.echo, "cm": [], "robot": i}
                                    for i, s in enumerate(setup.kit.sonars)]
    return cfg


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
        sc = Scenario(float(seconds), sc.seed, sc.devices, sc.board_temperature)
    return sc


def execute(code: str, board_name: str, scenario: Scenario | dict[str, Any] | None = None,
            seconds: float | None = None, limits: engine.Limits | None = None
            ) -> tuple[RunResult, Trace]:
    """Run ``code`` and return the result and its validated trace."""
    board = get_board(board_name)
    sc = resolve_scenario(board, scenario, seconds)
    if limits is None and sc.devices_of("robot"):
        # robot runs are long (a minute of driving): budget fuel per simulated second
        limits = engine.Limits(fuel=max(engine.Limits().fuel, int(sc.seconds * ROBOT_FUEL_PER_S)))
    limits = limits or engine.Limits()
    if len(code.encode("utf-8")) > MAX_SOURCE_BYTES:
        raise SourceTooLarge(f"the program is larger than {MAX_SOURCE_BYTES // 1024} KiB")
    problems = check_api(code, board.name)
    end_us = int(sc.seconds * 1_000_000)
    robots = sc.devices_of("robot")
    robot_sim = RobotSim(robots[0]["setup"], sc.seed, end_us) if robots else None
    raw = engine.run_raw(build_program(guest_config(board, sc, limits), code),
                         file_blob(board.family, robot_sim is not None).encode(), limits,
                         make_handler(robot_sim) if robot_sim is not None else None)
    trace = parse_log(raw.log, board, sc, raw.now_us, raw.log_truncated)
    stdout_bytes = raw.stdout
    out_truncated = len(stdout_bytes) >= limits.stdout_bytes
    stdout = stdout_bytes[: limits.stdout_bytes].decode("utf-8", "replace")
    error: dict[str, Any] | None = None
    end = trace.internal.get("end")
    if raw.trap == "fuel":
        outcome = "time" if trace.sim_time_us >= end_us else "fuel"
        if outcome == "fuel":
            error = {"type": "Timeout", "message": "the program used up its computing budget "
                     "(a loop that never pauses?)", "line": None}
    elif raw.trap == "stack":
        outcome, error = "error", {"type": "RuntimeError",
                                   "message": "maximum recursion depth exceeded", "line": None}
    elif raw.trap == "memory":
        outcome, error = "error", {"type": "MemoryError", "message": "out of memory", "line": None}
    elif raw.trap is not None:
        outcome, error = "crash", {"type": "Crash", "message": raw.trap[:300], "line": None}
    elif end in ("time", "done", "exit") and raw.exit_code == 0:
        outcome = str(end)
    else:
        outcome = "error"
        error = _parse_traceback(raw.stderr.decode("utf-8", "replace")) or {
            "type": "Crash", "message": f"exit code {raw.exit_code}", "line": None}
        if out_truncated and error["type"] == "OSError":
            error = {"type": "OutputLimit", "message": "too much output "
                     f"(more than {limits.stdout_bytes // 1024} KiB)", "line": error["line"]}
    if error is None and isinstance(trace.internal.get("cb_error_at"), dict):
        cb = trace.internal["cb_error_at"]
        error = {"type": str(cb.get("type", "Error"))[:60], "message": str(cb.get("message", ""))[:300],
                 "line": cb.get("line") if isinstance(cb.get("line"), int) else None}
    if out_truncated:
        stdout += "\n[output truncated]\n"
    explanation = explain(error["type"], error["message"]) if error else None
    seconds_run = (end_us if outcome == "time" else trace.sim_time_us) / 1_000_000
    result = RunResult(board.name, error, stdout, end_us if outcome == "time" else trace.sim_time_us,
                       trace.events, outcome, outcome_notice(outcome, seconds_run), explanation,
                       tuple(problems), trace.truncated or out_truncated)
    if robot_sim is not None:
        # Motors keep their last power after the program ends, as on the real robot.
        trajectory = robot_sim.finish(end_us)
        trace = replace(trace, robot=trajectory)
        result = replace(result, robot=trajectory.replay_data())
    return result, trace
