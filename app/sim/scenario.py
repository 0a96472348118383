"""Scenarios: how long a run lasts, its random seed, and the devices wired to the board.

A scenario comes from a lab's ``scenario:`` key or a ``--scenario`` YAML/JSON file. This module
validates it (raising :class:`ScenarioError` with a readable path) and turns it into the plain
configuration the host's virtual board reads: button press timelines (with optional contact
bounce), analog curves, ultrasonic distances, I2C temperatures and displays, DHT11/22 and DS18B20
sensors, ESP32 touch pads, the kit devices of :mod:`app.sim.scenario_kit` (LCD1602, MPU6050,
BMP280, keypad, seven-segment display, a micro:bit radio peer) and the lines typed at the console
(``stdin``), all in simulated microseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.sim.boards import Board

MAX_SECONDS = 600.0
DEVICE_TYPES = ("led", "button", "potentiometer", "light_sensor", "buzzer", "servo", "hcsr04",
                "neopixel", "tmp102", "robot", "dht11", "dht22", "ds18b20", "touch", "ssd1306", "sh1106",
                "lcd1602", "mpu6050", "bmp280", "keypad", "seven_segment")
MAX_STDIN_LINES = 100
KIT_DEVICES = ("lcd1602", "mpu6050", "bmp280", "keypad", "seven_segment")


class ScenarioError(ValueError):
    """A scenario is malformed; the message names the offending key."""


@dataclass(frozen=True)
class Scenario:
    """A validated scenario (devices keep their validated dict form)."""

    seconds: float = 10.0
    seed: int = 1
    devices: tuple[dict[str, Any], ...] = ()
    board_temperature: tuple[tuple[float, float], ...] = ((0.0, 22.0),)
    extra: dict[str, Any] = field(default_factory=dict)

    def devices_of(self, kind: str) -> list[dict[str, Any]]:
        """Devices of one type, in declaration order."""
        return [d for d in self.devices if d["type"] == kind]


def _num(value: Any, where: str, lo: float | None = None, hi: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError(f"{where}: expected a number, got {value!r}")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ScenarioError(f"{where}: {value} is outside {lo}..{hi}")
    return float(value)


def _curve(value: Any, where: str, lo: float, hi: float) -> list[tuple[float, float]]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [(0.0, _num(value, where, lo, hi))]
    if not isinstance(value, list) or not value:
        raise ScenarioError(f"{where}: expected a number or a list of [ms, value] points")
    out = []
    for i, point in enumerate(value):
        if not isinstance(point, (list, tuple)) or len(point) != 2:
            raise ScenarioError(f"{where}[{i}]: expected [ms, value]")
        out.append((_num(point[0], f"{where}[{i}][0]", 0), _num(point[1], f"{where}[{i}][1]", lo, hi)))
    if [p[0] for p in out] != sorted(p[0] for p in out):
        raise ScenarioError(f"{where}: points must be in time order")
    return out


def _pin(board: Board, value: Any, where: str) -> str:
    if isinstance(value, dict):  # per-board pins: {pico: 15, esp32: 4}
        if board.name not in value:
            raise ScenarioError(f"{where}: no pin given for board {board.name}")
        value = value[board.name]
    try:
        return board.pin_key(value)
    except ValueError as exc:
        raise ScenarioError(f"{where}: {exc}") from None


def parse_scenario(data: dict[str, Any] | None, board: Board) -> Scenario:
    """Validate ``data`` (a mapping from YAML/JSON) for ``board``."""
    data = dict(data or {})
    allowed = {"seconds", "seed", "devices", "board_temperature", "stdin", "microbit", "radio_peer"}
    unknown = set(data) - allowed
    if unknown:
        raise ScenarioError(f"scenario: unknown keys {sorted(unknown)}")
    seconds = _num(data.get("seconds", 10), "scenario.seconds", 0.001, MAX_SECONDS)
    seed = data.get("seed", 1)
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**31:
        raise ScenarioError("scenario.seed: expected an integer 0..2^31")
    devices = data.get("devices", [])
    if not isinstance(devices, list) or len(devices) > 32:
        raise ScenarioError("scenario.devices: expected a list of at most 32 devices")
    parsed = tuple(_device(board, d, f"scenario.devices[{i}]") for i, d in enumerate(devices))
    parsed += _stdin(data.get("stdin"))
    if sum(1 for d in parsed if d["type"] == "robot") > 1:
        raise ScenarioError("scenario.devices: at most one robot")
    temp = _curve(data.get("board_temperature", 22.0), "scenario.board_temperature", -40, 125)
    extra: dict[str, Any] = {}
    if "radio_peer" in data:  # a second micro:bit, scripted: its messages join the radio's
        from app.sim.scenario_kit import peer_echo, peer_messages

        if board.family != "microbit":
            raise ScenarioError("scenario.radio_peer: only a micro:bit has the radio module")
        data["microbit"] = peer_messages(data["radio_peer"], data.get("microbit"), seconds)
        echo = peer_echo(data["radio_peer"])
        if echo is not None:
            extra["radio_peer"] = echo
    if "microbit" in data:  # the micro:bit's own inputs (accelerometer, compass, light, radio...)
        from app.sim.hal.microbit_scenario import parse_microbit  # lazy: avoids an import cycle

        try:
            extra["microbit"] = parse_microbit(data["microbit"])
        except ValueError as exc:
            raise ScenarioError(str(exc)) from None
    return Scenario(seconds, seed, parsed, tuple(temp), extra)


def _stdin(lines: Any) -> tuple[dict[str, Any], ...]:
    """``stdin: [lines]``: what is typed at the serial console, one line per input() call. Kept
    as a device entry so it travels with the devices (never sent to the guest)."""
    if lines is None:
        return ()
    if (not isinstance(lines, list) or len(lines) > MAX_STDIN_LINES
            or not all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in lines)):
        raise ScenarioError(f"scenario.stdin: expected a list of at most {MAX_STDIN_LINES} lines")
    return ({"type": "stdin", "lines": [str(x)[:200] for x in lines]},)


def _device(board: Board, d: Any, where: str) -> dict[str, Any]:
    if not isinstance(d, dict) or d.get("type") not in DEVICE_TYPES:
        raise ScenarioError(f"{where}: expected a mapping with type one of {', '.join(DEVICE_TYPES)}")
    kind = d["type"]
    out: dict[str, Any] = {"type": kind}
    if kind == "robot":  # a virtual robot in a world (app.sim.robot)
        from app.sim.robot.kits import RobotConfigError, parse_robot

        try:
            out["setup"] = parse_robot(d, board, where)
        except RobotConfigError as exc:
            raise ScenarioError(str(exc)) from None
        return out
    if kind in KIT_DEVICES:
        from app.sim.scenario_kit import parse_kit_device

        return parse_kit_device(board, d, where, out)
    if kind == "hcsr04":
        out["trigger"] = _pin(board, d.get("trigger"), f"{where}.trigger")
        out["echo"] = _pin(board, d.get("echo"), f"{where}.echo")
        out["curve"] = _curve(d.get("curve", 100), f"{where}.curve", 0, 1000)
        return out
    if kind in ("tmp102", "ssd1306", "sh1106"):
        addr = d.get("address", 0x48 if kind == "tmp102" else 0x3C)
        if not isinstance(addr, int) or not 0x08 <= addr <= 0x77:
            raise ScenarioError(f"{where}.address: expected a 7-bit I2C address")
        out["address"] = addr
        if kind == "tmp102":
            out["curve"] = _curve(d.get("curve", 21.0), f"{where}.curve", -40, 125)
        return out
    out["pin"] = _pin(board, d.get("pin"), f"{where}.pin")
    if kind == "button":
        active = d.get("active", "low")
        if active not in ("low", "high"):
            raise ScenarioError(f"{where}.active: 'low' (to GND, use PULL_UP) or 'high'")
        out["active"] = active
        presses = d.get("presses", [])
        if not isinstance(presses, list) or len(presses) > 200:
            raise ScenarioError(f"{where}.presses: expected a list of [at_ms, hold_ms]")
        out["presses"] = [(_num(p[0], f"{where}.presses[{i}][0]", 0),
                           _num(p[1], f"{where}.presses[{i}][1]", 1))
                          if isinstance(p, (list, tuple)) and len(p) == 2 else
                          _bad(f"{where}.presses[{i}]: expected [at_ms, hold_ms]")
                          for i, p in enumerate(presses)]
        out["bounce"] = bool(d.get("bounce", False))
    elif kind in ("potentiometer", "light_sensor"):
        out["curve"] = _curve(d.get("curve", 0.5), f"{where}.curve", 0, 1)
    elif kind == "servo":
        out["min_us"] = _num(d.get("min_us", 500), f"{where}.min_us", 100, 3000)
        out["max_us"] = _num(d.get("max_us", 2500), f"{where}.max_us", 100, 3000)
        if out["max_us"] <= out["min_us"]:
            raise ScenarioError(f"{where}: max_us must exceed min_us")
    elif kind in ("dht11", "dht22"):
        out["curve"] = _curve(d.get("curve", 22.0), f"{where}.curve", -40, 80)
        out["humidity"] = _curve(d.get("humidity", 50.0), f"{where}.humidity", 0, 100)
    elif kind == "ds18b20":
        out["curve"] = _curve(d.get("curve", 21.0), f"{where}.curve", -55, 125)
    elif kind == "touch":
        out["curve"] = _curve(d.get("curve", 600), f"{where}.curve", 0, 4095)
    elif kind == "neopixel":
        count = d.get("count", 8)
        if not isinstance(count, int) or not 1 <= count <= 256:
            raise ScenarioError(f"{where}.count: expected 1..256")
        out["count"] = count
    return out


def _bad(message: str) -> Any:
    raise ScenarioError(message)


def _bounce_offsets(seed: int, index: int) -> list[int]:
    # Deterministic contact bounce: 3 to 5 pairs of short flips within the first 2-4.5 ms of a
    # transition (real push buttons bounce for 1-5 ms), so a program sampling every millisecond
    # without waiting sees several edges.
    x = (seed * 1103515245 + index * 12345 + 1) & 0x7FFFFFFF
    flips = 3 + x % 3
    return [150 + 400 * k + (x >> (k + 3)) % 200 for k in range(flips * 2)]


def guest_devices(sc: Scenario, board: Board) -> dict[str, Any]:
    """The device part of the guest configuration (times in microseconds)."""
    buttons: dict[str, Any] = {}
    analog: dict[str, Any] = {}
    sonar, i2c_temp, neopixels = [], [], {}
    dht: dict[str, Any] = {}
    ds18b20: dict[str, list[Any]] = {}
    touch: dict[str, Any] = {}
    i2c_other: list[int] = []
    stdin: list[str] = []
    for i, d in enumerate(sc.devices):
        kind = d["type"]
        if kind == "button":
            changes: list[tuple[int, int]] = [(0, 0)]
            for j, (at, hold) in enumerate(d["presses"]):
                for t0, state in ((int(at * 1000), 1), (int((at + hold) * 1000), 0)):
                    changes.append((t0, state))
                    if d["bounce"]:
                        offsets = _bounce_offsets(sc.seed, i * 1000 + j * 2 + state)
                        for k, off in enumerate(offsets):  # even count: ends on `state`
                            changes.append((t0 + off, 1 - state if k % 2 == 0 else state))
            changes.sort(key=lambda c: c[0])
            active = 0 if d["active"] == "low" else 1
            if board.family == "microbit" and d["pin"].startswith("button"):
                active = 0
            buttons[d["pin"]] = {"active": active, "changes": [list(c) for c in changes]}
        elif kind in ("potentiometer", "light_sensor"):
            analog[d["pin"]] = [[int(t * 1000), int(v * 65535)] for t, v in d["curve"]]
            if kind == "light_sensor" and board.family == "microbit":
                analog.setdefault("light", analog[d["pin"]])
        elif kind == "hcsr04":
            sonar.append({"trig": d["trigger"], "echo": d["echo"],
                          "cm": [[int(t * 1000), v] for t, v in d["curve"]]})
        elif kind == "tmp102":
            i2c_temp.append({"addr": d["address"], "c": [[int(t * 1000), v] for t, v in d["curve"]]})
        elif kind == "neopixel":
            neopixels[d["pin"]] = d["count"]
        elif kind in ("dht11", "dht22"):
            dht[d["pin"]] = {"model": kind, "c": _us(d["curve"]), "rh": _us(d["humidity"])}
        elif kind == "ds18b20":
            ds18b20.setdefault(d["pin"], []).append(_us(d["curve"]))
        elif kind == "touch":
            touch[d["pin"]] = _us(d["curve"])
        elif kind in ("ssd1306", "sh1106", "lcd1602", "mpu6050", "bmp280"):
            i2c_other.append(d["address"])
        elif kind == "stdin":
            stdin.extend(d["lines"])
    return {"buttons": buttons, "analog": analog, "sonar": sonar, "i2c_temp": i2c_temp,
            "neopixels": neopixels, "dht": dht, "ds18b20": ds18b20, "touch": touch,
            "i2c_other": i2c_other, "stdin": stdin}


def _us(curve: list[tuple[float, float]]) -> list[list[float]]:
    return [[int(t * 1000), v] for t, v in curve]
