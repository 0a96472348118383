"""The reference kits (``curricula/kits.yaml``) and the check that labs are wired to them.

Each track teaches one kit per board, so what a class builds matches what the simulator
grades. ``kits.yaml`` says which part may sit on which pin of each kit; for every lab the
checker takes the kit of the lab's default board (the robot kit for labs with ``robot:``)
and reports each scenario device on a pin the kit does not have for that part, an I2C
address the kit does not have, or a robot kit that is not a reference kit. Problems point
at the device's line in ``lab.yaml``. The kit also states the resistor the class fits with each
part that needs one (an LED, an LDR, a sensor's pull-up, the ultrasonic echo divider), checked
here and drawn by the worksheets. A content tree without ``kits.yaml`` is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.content.errors import ContentError, Problems
from app.content.model import Lab
from app.content.schema import Fields
from app.content.yamlsrc import parse_yaml, read_text

KITS_FILE = "kits.yaml"
RESISTOR = re.compile(r"\d+(\.\d+)? ?[kM]?Ω")
# parts the class must fit with resistors (how many), so the kit has to state their values
NEEDS_RESISTORS = {"led": 1, "light_sensor": 1, "potentiometer": 1, "hcsr04-echo": 2,
                   "dht11": 1, "dht22": 1, "ds18b20": 1}
# scenario device fields that name a pin, and the part name the kit uses for them
PIN_FIELDS = (("pin", None), ("trigger", "hcsr04-trigger"), ("echo", "hcsr04-echo"))


def load_kits(path: Path, problems: Problems) -> dict[str, dict[str, Any]]:
    """Kits by slug: ``{"title": Text, "board", "pins": {pin: {part: (resistor, ...)}},
    "i2c": {addr}, "robot"}``; a part without a resistor maps to ``()``."""
    try:
        data = parse_yaml(read_text(path), path)
    except ContentError as exc:
        problems.extend([exc])
        return {}
    top = Fields(data, path, problems, KITS_FILE)
    kits: dict[str, dict[str, Any]] = {}
    for item, line in top.items("kits", min_items=1):
        f = Fields(item, path, problems, "a kit", line)
        slug, board = f.slug(), f.string("board")
        title = f.text("title")
        pins = f.mapping("pins", required=False) or {}
        i2c = f.raw("i2c")
        robot = f.string("robot", required=False)
        f.done()
        if slug and board:
            kits[slug] = {"title": title, "board": board, "robot": robot, "i2c": set(i2c or ()),
                          "pins": {str(pin): _pin_parts(pin, parts, pins, path, problems)
                                   for pin, parts in pins.items()}}
    top.done()
    return kits


def _pin_parts(pin: Any, parts: Any, pins: Any, path: Path, problems: Problems
               ) -> dict[str, tuple[str, ...]]:
    """One pin's parts: ``{part: resistor values}``, reporting malformed entries."""
    line = _line(pins, pin, 1)
    if not isinstance(parts, list):
        problems.add(path, line, f"pin {pin}: expected a list of parts (got {type(parts).__name__})")
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for i, entry in enumerate(parts):
        at = _line(parts, i, line)
        if isinstance(entry, str):
            part, values = entry, ()
        elif isinstance(entry, Mapping) and isinstance(entry.get("part"), str) \
                and set(entry) <= {"part", "resistor"}:
            part, raw = entry["part"], entry.get("resistor")
            values = tuple(raw) if isinstance(raw, list) else (raw,) if raw is not None else ()
            bad = [v for v in values if not isinstance(v, str) or not RESISTOR.fullmatch(v)]
            if bad or (raw is not None and not values):
                problems.add(path, at, f"pin {pin}: resistor {bad[0] if bad else raw!r} of {part} is "
                                       "not a value such as \"220 Ω\", \"10 kΩ\" or \"4.7 kΩ\"")
                found[part] = ()
                continue
        else:
            problems.add(path, at, f"pin {pin}: a part is a name or {{part: NAME, resistor: VALUE}}")
            continue
        wanted = NEEDS_RESISTORS.get(part, 0) if str(pin) != "LED" else 0
        if wanted and len(values) != wanted:
            example = '"220 Ω"' if wanted == 1 else '["1 kΩ", "2 kΩ"]'
            problems.add(path, at, f"pin {pin}: {part} needs {wanted} resistor value(s) in the kit, "
                                   f"e.g. {{part: {part}, resistor: {example}}}")
        found[part] = values
    return found


def resistor_text(value: str, lang: str) -> str:
    """A resistor value as a pupil reads it: "4,7 kΩ" in Italian, "4.7 kΩ" in English."""
    return value.replace(".", ",") if lang == "it" else value


def _line(container: Any, key: Any, default: int) -> int:
    try:
        return int(container.line_of(key))
    except (AttributeError, KeyError, IndexError, TypeError):
        return default


def _devices(engine: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], int]]:
    scenarios = [engine.get("scenario")] + list(engine.get("hidden_scenarios") or [])
    found = []
    for scenario in scenarios:
        devices = scenario.get("devices") if isinstance(scenario, Mapping) else None
        for i, device in enumerate(devices or []):
            if isinstance(device, Mapping):
                found.append((device, _line(devices, i, 1)))
    return found


def check_lab_kits(kits: Mapping[str, Mapping[str, Any]], labs: Mapping[str, Lab],
                   problems: Problems) -> None:
    """Report every lab device that does not match the reference kit of the lab's board."""
    robot_kits = {k["robot"]: slug for slug, k in kits.items() if k.get("robot")}
    pin_kits = {k["board"]: (slug, k) for slug, k in kits.items() if not k.get("robot")}
    for lab in labs.values():
        path = lab.folder / "lab.yaml"
        robot = lab.engine.get("robot")
        if isinstance(robot, Mapping):
            if robot.get("kit") not in robot_kits:
                problems.add(path, _line(robot, "kit", 1),
                             f"robot kit '{robot.get('kit')}' is not a reference kit "
                             f"(curricula/{KITS_FILE}: {', '.join(robot_kits) or 'none'})")
            continue
        board = lab.default_board
        if board not in pin_kits:
            continue
        slug, kit = pin_kits[board]
        for device, line in _devices(lab.engine):
            part = str(device.get("type"))
            for key, named in PIN_FIELDS:
                pin = device.get(key)
                if isinstance(pin, Mapping):  # one pin per board
                    pin = pin.get(board)
                if pin is None:
                    continue
                wanted = named or part
                if wanted not in kit["pins"].get(str(pin), set()):
                    problems.add(path, line, f"{part} '{key}: {pin}' does not match the "
                                             f"reference kit '{slug}' ({wanted} is not on "
                                             f"pin {pin} in curricula/{KITS_FILE})")
            address = device.get("address")
            if address is not None and address not in kit["i2c"]:
                problems.add(path, line, f"{part} at I2C address {address} is not in the "
                                         f"reference kit '{slug}' (curricula/{KITS_FILE})")
