"""How faithfully the simulator runs a lab: a short badge from the lab's boards, the devices its
scenario wires and whether it drives a robot, at one of three levels (see ``docs/fidelity.md``):

- ``faithful``: what the program does shows up as on the real board (pins, PWM, buzzer tones,
  servo angles, NeoPixels, OLED pictures, the micro:bit's display and buttons);
- ``approximated``: the same API, with readings that follow the scenario's script (analog
  sensors, distance, temperature, the micro:bit's motion and radio) or simplified physics (robots);
- ``real_board``: something the lab needs can only be seen on a real board.

Pure data in both languages, so the web app can show it beside each lab without running anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.sim.boards import BOARDS

FAITHFUL_DEVICES = frozenset({"led", "button", "buzzer", "servo", "neopixel", "ssd1306", "sh1106", "lcd1602",
                              "seven_segment"})
# device type -> what is approximated about it (it, en)
APPROXIMATED_DEVICES: dict[str, tuple[str, str]] = {
    "potentiometer": ("il potenziometro gira da solo, come da copione", "the potentiometer turns by itself, as scripted"),
    "light_sensor": ("la luce cambia come da copione, senza rumore", "the light changes as scripted, without noise"),
    "hcsr04": ("le distanze seguono un copione", "distances follow a script"),
    "tmp102": ("la temperatura segue un copione", "the temperature follows a script"),
    "dht11": ("temperatura e umidità seguono un copione", "temperature and humidity follow a script"),
    "dht22": ("temperatura e umidità seguono un copione", "temperature and humidity follow a script"),
    "ds18b20": ("la temperatura segue un copione", "the temperature follows a script"),
    "touch": ("il tocco segue un copione", "touches follow a script"),
    "mpu6050": ("i movimenti seguono un copione", "movements follow a script"),
    "bmp280": ("temperatura e pressione seguono un copione", "temperature and pressure follow a script"),
    "keypad": ("i tasti premuti seguono un copione", "key presses follow a script"),
    "robot": ("il robot si muove con una fisica semplificata", "the robot moves with simplified physics"),
}
# keys of a scenario's ``microbit:`` mapping -> what follows a script
MICROBIT_WORLD: dict[str, tuple[str, str]] = {
    "accelerometer": ("i movimenti della micro:bit seguono un copione", "the micro:bit's movements follow a script"),
    "gestures": ("i movimenti della micro:bit seguono un copione", "the micro:bit's movements follow a script"),
    "compass": ("la bussola segue un copione", "the compass follows a script"),
    "sound": ("i suoni intorno seguono un copione", "the sounds around follow a script"),
    "light": ("la luce segue un copione", "the light follows a script"),
    "radio": ("i messaggi radio arrivano come da copione", "radio messages arrive as scripted"),
}
BOARD_TEMPERATURE = ("la temperatura della scheda segue un copione", "the board's temperature follows a script")
LEVEL_TEXT = {
    "faithful": ("Fedele alla scheda vera", "Faithful to the real board"),
    "approximated": ("Simulato con approssimazioni", "Simulated with approximations"),
    "real_board": ("Alcune cose solo sulla scheda vera", "Some things only on the real board"),
}


@dataclass(frozen=True)
class FidelityBadge:
    """A lab's badge: ``level`` (faithful | approximated | real_board), ``title`` and ``notes``
    (each a {"it", "en"} text)."""

    level: str
    title: dict[str, str]
    notes: tuple[dict[str, str], ...]

    def text(self, lang: str) -> tuple[str, list[str]]:
        """The title and notes in ``lang`` (Italian when the language is unknown)."""
        pick = lang if lang in ("it", "en") else "it"
        return self.title[pick], [note[pick] for note in self.notes]


def _device_types(scenario: Mapping[str, Any] | None) -> list[str]:
    devices = (scenario or {}).get("devices") or []
    return [d.get("type", "") for d in devices if isinstance(d, Mapping)]


def lab_fidelity(boards: Iterable[str], engine: Mapping[str, Any]) -> FidelityBadge:
    """The badge of a lab whose engine keys (``scenario``, ``robot`` ...) are ``engine``."""
    scenario: Mapping[str, Any] = engine["scenario"] if isinstance(engine.get("scenario"), Mapping) else {}
    kinds = _device_types(scenario)
    if "robot" in engine:
        kinds.append("robot")
    notes: list[tuple[str, str]] = []
    unknown: list[str] = [board for board in boards if board not in BOARDS]
    for kind in kinds:
        if kind in APPROXIMATED_DEVICES:
            if APPROXIMATED_DEVICES[kind] not in notes:
                notes.append(APPROXIMATED_DEVICES[kind])
        elif kind not in FAITHFUL_DEVICES:
            unknown.append(kind)
    world = scenario.get("microbit") if isinstance(scenario.get("microbit"), Mapping) else {}
    extra = [MICROBIT_WORLD[key] for key in world if key in MICROBIT_WORLD]
    if "board_temperature" in scenario:
        extra.append(BOARD_TEMPERATURE)
    notes.extend(note for note in dict.fromkeys(extra) if note not in notes)
    if unknown:
        level = "real_board"
        notes.append((f"da provare sulla scheda vera: {', '.join(sorted(set(unknown)))}",
                      f"to try on the real board: {', '.join(sorted(set(unknown)))}"))
    else:
        level = "approximated" if notes else "faithful"
    title = LEVEL_TEXT[level]
    return FidelityBadge(level, {"it": title[0], "en": title[1]},
                         tuple({"it": it, "en": en} for it, en in notes))
