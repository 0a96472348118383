"""Scenario entries of the kit devices (validated into the plain form the host reads) and of a
scripted second micro:bit on the radio.

Devices (times in ms, as everywhere in a scenario)::

    {type: lcd1602, address: 0x27, columns: 16, rows: 2}
    {type: mpu6050, address: 0x68, accel: {x: 0, y: 0, z: [[0, 1], [2000, 0.5]]},   # g
     gyro: {x: 0, y: 0, z: 0}, temperature: 24}                                      # °/s, °C
    {type: bmp280, address: 0x76, temperature: 21, pressure: [[0, 1013], [5000, 1008]]}  # °C, hPa
    {type: keypad, rows: [9, 8, 7, 6], cols: [5, 4, 3, 2], keys: "123A456B789C*0#D",
     presses: [[1000, "5"], [2000, "#", 300]]}                    # [ms, key] or [ms, key, hold_ms]
    {type: seven_segment, segments: [a, b, c, d, e, f, g, dp], digits: [d1, d2, d3, d4],
     common: cathode}                                             # digits: omit for one digit

``radio_peer`` (top level, micro:bit only) is a second micro:bit whose program is a timetable:
``{group: 0, sends: [[ms, text], ...], every_ms: 1000, message: "ping", echo: true, reply: "ok",
delay_ms: 30}``. Its messages join the micro:bit's ``radio`` list on the peer's group, so the board
hears them only with its radio on and tuned to that group, as two real micro:bits; with ``echo``
it answers what the program sends on its group (:mod:`app.sim.hal.radio_peer`).
"""

from __future__ import annotations

from typing import Any

from app.sim.boards import Board
from app.sim.scenario import ScenarioError, _curve, _num, _pin

KEYPAD_LAYOUTS = {(4, 4): "123A456B789C*0#D", (4, 3): "123456789*0#", (1, 4): "1234"}
DEFAULT_HOLD_MS = 200
MAX_PEER_MESSAGES = 1000


def _address(d: dict[str, Any], where: str, allowed: tuple[int, ...]) -> int:
    addr = d.get("address", allowed[0])
    if not isinstance(addr, int) or isinstance(addr, bool) or addr not in allowed:
        raise ScenarioError(f"{where}.address: expected one of "
                            + ", ".join(f"0x{a:02X}" for a in allowed))
    return addr


def _pins(board: Board, value: Any, where: str, counts: tuple[int, ...]) -> list[str]:
    if not isinstance(value, list) or len(value) not in counts:
        raise ScenarioError(f"{where}: expected a list of {' or '.join(map(str, counts))} pins")
    pins = [_pin(board, p, f"{where}[{i}]") for i, p in enumerate(value)]
    if len(set(pins)) != len(pins):
        raise ScenarioError(f"{where}: a pin is listed twice")
    return pins


def _axes(board_value: Any, where: str, lo: float, hi: float,
          defaults: dict[str, float]) -> dict[str, list[tuple[float, float]]]:
    value = board_value if board_value is not None else {}
    if not isinstance(value, dict) or set(value) - set(defaults):
        raise ScenarioError(f"{where}: expected a mapping with keys x, y, z")
    return {k: _curve(value.get(k, d), f"{where}.{k}", lo, hi) for k, d in defaults.items()}


def _us(curve: list[tuple[float, float]]) -> list[list[float]]:
    return [[int(t * 1000), v] for t, v in curve]


def parse_kit_device(board: Board, d: dict[str, Any], where: str,
                     out: dict[str, Any]) -> dict[str, Any]:
    """Validate one kit device entry into ``out`` (its ``type`` already set)."""
    kind = out["type"]
    if kind == "lcd1602":
        out["address"] = _address(d, where, (0x27, 0x3F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25,
                                             0x26, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E))
        out["columns"] = d.get("columns", 16)
        out["rows"] = d.get("rows", 2)
        if out["columns"] not in (16, 20) or out["rows"] not in (1, 2, 4):
            raise ScenarioError(f"{where}: columns 16 or 20, rows 1, 2 or 4")
        return out
    if kind == "mpu6050":
        out["address"] = _address(d, where, (0x68, 0x69))
        accel = _axes(d.get("accel"), f"{where}.accel", -16, 16, {"x": 0.0, "y": 0.0, "z": 1.0})
        gyro = _axes(d.get("gyro"), f"{where}.gyro", -2000, 2000, {"x": 0.0, "y": 0.0, "z": 0.0})
        curves = {f"a{k}": _us(v) for k, v in accel.items()}
        curves.update({f"g{k}": _us(v) for k, v in gyro.items()})
        curves["c"] = _us(_curve(d.get("temperature", 25.0), f"{where}.temperature", -40, 85))
        out["curves"] = curves
        return out
    if kind == "bmp280":
        out["address"] = _address(d, where, (0x76, 0x77))
        out["curves"] = {
            "c": _us(_curve(d.get("temperature", 20.0), f"{where}.temperature", -40, 85)),
            "hpa": _us(_curve(d.get("pressure", 1013.25), f"{where}.pressure", 300, 1100))}
        return out
    if board.family == "microbit":
        raise ScenarioError(f"{where}: a {kind} is simulated on the Pico and the ESP32 only")
    if kind == "keypad":
        out["rows"] = _pins(board, d.get("rows"), f"{where}.rows", (1, 2, 3, 4, 5))
        out["cols"] = _pins(board, d.get("cols"), f"{where}.cols", (1, 2, 3, 4, 5))
        if set(out["rows"]) & set(out["cols"]):
            raise ScenarioError(f"{where}: a pin is both a row and a column")
        keys = d.get("keys", KEYPAD_LAYOUTS.get((len(out["rows"]), len(out["cols"]))))
        if not isinstance(keys, str) or len(keys) != len(out["rows"]) * len(out["cols"]):
            raise ScenarioError(f"{where}.keys: expected one character per key, row by row")
        out["keys"] = keys
        presses = d.get("presses", [])
        if not isinstance(presses, list) or len(presses) > 500:
            raise ScenarioError(f"{where}.presses: expected a list of [at_ms, key, hold_ms]")
        parsed = []
        for i, p in enumerate(presses):
            w = f"{where}.presses[{i}]"
            if not isinstance(p, list) or len(p) not in (2, 3) or not isinstance(p[1], str) \
                    or len(p[1]) != 1 or p[1] not in keys:
                raise ScenarioError(f"{w}: expected [at_ms, key, hold_ms] with a key of {keys!r}")
            at = _num(p[0], f"{w}[0]", 0)
            hold = _num(p[2], f"{w}[2]", 1, 60_000) if len(p) == 3 else DEFAULT_HOLD_MS
            row, col = divmod(keys.index(p[1]), len(out["cols"]))
            parsed.append((at, row, col, hold))
        out["presses"] = sorted(parsed)
        return out
    # seven_segment
    out["segments"] = _pins(board, d.get("segments"), f"{where}.segments", (7, 8))
    out["digits"] = _pins(board, d.get("digits", []), f"{where}.digits", tuple(range(9)))
    if set(out["segments"]) & set(out["digits"]):
        raise ScenarioError(f"{where}: a pin is both a segment and a digit")
    common = d.get("common", "cathode")
    if common not in ("cathode", "anode"):
        raise ScenarioError(f"{where}.common: 'cathode' or 'anode'")
    out["common"] = common
    if "digit_active" in d:
        if d["digit_active"] not in ("low", "high"):
            raise ScenarioError(f"{where}.digit_active: 'low' or 'high'")
        out["digit_active"] = 1 if d["digit_active"] == "high" else 0
    return out


def peer_echo(peer: dict[str, Any]) -> dict[str, Any] | None:
    """The peer's answering rule (``echo: true``; ``reply`` a fixed answer instead of the same
    text; ``delay_ms`` 30 by default), or None when it only follows its timetable."""
    where = "scenario.radio_peer"
    if not peer.get("echo"):
        return None
    reply = peer.get("reply")
    if reply is not None and not isinstance(reply, str):
        raise ScenarioError(f"{where}.reply: expected a text")
    delay = _num(peer.get("delay_ms", 30), f"{where}.delay_ms", 1, 60_000)
    return {"group": peer.get("group", 0), "reply": reply, "delay_us": int(delay * 1000)}


def peer_messages(peer: Any, microbit: Any, seconds: float) -> dict[str, Any]:
    """The ``microbit`` scenario mapping with the radio peer's messages added to ``radio``."""
    where = "scenario.radio_peer"
    if not isinstance(peer, dict) or set(peer) - {"group", "sends", "every_ms", "message",
                                                  "start_ms", "echo", "reply", "delay_ms"}:
        raise ScenarioError(f"{where}: expected a mapping with group, sends, every_ms, message, "
                            "echo, reply, delay_ms")
    group = peer.get("group", 0)
    if not isinstance(group, int) or isinstance(group, bool) or not 0 <= group <= 255:
        raise ScenarioError(f"{where}.group: expected 0..255")
    sends = peer.get("sends", [])
    if not isinstance(sends, list):
        raise ScenarioError(f"{where}.sends: expected a list of [ms, text]")
    messages = []
    for i, m in enumerate(sends):
        if not isinstance(m, list) or len(m) != 2 or not isinstance(m[1], str):
            raise ScenarioError(f"{where}.sends[{i}]: expected [ms, text]")
        messages.append([_num(m[0], f"{where}.sends[{i}][0]", 0), m[1], group])
    if "every_ms" in peer:
        every = _num(peer["every_ms"], f"{where}.every_ms", 10, 600_000)
        text = peer.get("message", "ping")
        if not isinstance(text, str):
            raise ScenarioError(f"{where}.message: expected a text")
        t = _num(peer.get("start_ms", every), f"{where}.start_ms", 0)
        while t < seconds * 1000 and len(messages) <= MAX_PEER_MESSAGES:
            messages.append([t, text, group])
            t += every
    if len(messages) > MAX_PEER_MESSAGES:
        raise ScenarioError(f"{where}: at most {MAX_PEER_MESSAGES} messages")
    data = dict(microbit or {})
    if not isinstance(microbit, (dict, type(None))):
        raise ScenarioError("scenario.microbit: expected a mapping")
    data["radio"] = list(data.get("radio", []) or []) + messages
    return data
