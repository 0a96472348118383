"""The reference kits (``curricula/kits.yaml``) and the check that labs are wired to them.

Each track teaches one kit per board, so what a class builds matches what the simulator
grades. ``kits.yaml`` says which part may sit on which pin of each kit; for every lab the
checker takes the kit of the lab's default board (the robot kit for labs with ``robot:``)
and reports each scenario device on a pin the kit does not have for that part, an I2C
address the kit does not have, or a robot kit that is not a reference kit. Problems point
at the device's line in ``lab.yaml``. A content tree without ``kits.yaml`` is not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.content.errors import ContentError, Problems
from app.content.model import Lab
from app.content.schema import Fields
from app.content.yamlsrc import parse_yaml, read_text

KITS_FILE = "kits.yaml"
# scenario device fields that name a pin, and the part name the kit uses for them
PIN_FIELDS = (("pin", None), ("trigger", "hcsr04-trigger"), ("echo", "hcsr04-echo"))


def load_kits(path: Path, problems: Problems) -> dict[str, dict[str, Any]]:
    """Kits by slug: ``{"board", "pins": {pin: {part, ...}}, "i2c": {addr}, "robot"}``."""
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
        f.text("title")
        pins = f.mapping("pins", required=False) or {}
        i2c = f.raw("i2c")
        robot = f.string("robot", required=False)
        f.done()
        if slug and board:
            kits[slug] = {"board": board, "robot": robot, "i2c": set(i2c or ()),
                          "pins": {str(pin): set(parts or ()) for pin, parts in pins.items()}}
    top.done()
    return kits


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
