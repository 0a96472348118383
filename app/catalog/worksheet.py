"""A lab's worksheet: what a class needs to do the lab without the teacher at every desk.

``build_worksheet`` reads the lab through the lab engine (``app.sim.load_lab``: the parsed
scenario, checks and robot worlds the grader uses) and the reference kit of its board
(``curricula/kits.yaml`` via ``app.content.kits``: its title, and the resistor values the wiring
and the parts list show), and returns an immutable :class:`Worksheet`
in one language: the wiring diagram (SVG), the parts list, numbered steps, what the test does
(what the student should see), and the pass criteria written from the checks' own figures.
It never reads the solution, the wrong variants or a hidden scenario's contents (only how many
there are), and draws only the visible robot worlds. No Flask.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.catalog.services import BOARD_NAMES
from app.catalog.wiring_svg import Hookup, render_wiring, wire_sentence
from app.catalog.worksheet_criteria import Say, Setting, describe, num, pin_name
from app.catalog.worksheet_parts import PartLine, hookups_for_devices, hookups_for_robot
from app.content.errors import Problems
from app.content.kits import KITS_FILE, load_kits
from app.content.model import Lab
from app.sim import load_lab
from app.sim.robot.kits import KITS as ROBOT_KITS
from app.sim.robot.svg import render_world

# how a scenario input reads: device type -> (scale, unit, name)
INPUTS = {"potentiometer": (100, "%", Say("la manopola", "the knob")),
          "light_sensor": (100, "%", Say("la luce", "the light")),
          "hcsr04": (1, "cm", Say("la distanza dell'oggetto", "the object's distance")),
          "tmp102": (1, "°C", Say("la temperatura", "the temperature")),
          "dht11": (1, "°C", Say("la temperatura", "the temperature")),
          "dht22": (1, "°C", Say("la temperatura", "the temperature")),
          "ds18b20": (1, "°C", Say("la temperatura", "the temperature")),
          "touch": (1, "", Say("il valore del sensore touch", "the touch reading"))}
SVG_WORDS = {"pin": Say("piedino", "pin"), "resistor": Say("resistenza da {value}", "{value} resistor"),
             "board": Say("Scheda", "Board"), "nothing": Say("niente da collegare", "nothing to wire"),
             "legend": Say("pin · numero del piedino", "pin · header pin number")}


@dataclass(frozen=True)
class Step:
    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorldView:
    label: str
    title: str
    svg: str


@dataclass(frozen=True)
class Worksheet:
    """Everything the worksheet page shows, in one language."""

    slug: str
    lang: str
    title: str
    summary: str
    instructions: str  # Markdown
    board: str
    kit: str
    minutes: int
    wiring_svg: str
    wiring: tuple[str, ...]
    parts: tuple[tuple[int, str, str], ...]  # (count, name, note)
    steps: tuple[Step, ...]
    test: tuple[str, ...]  # what the test does: what the student should see happen
    criteria: tuple[tuple[str, str], ...]  # (check id, sentence)
    worlds: tuple[WorldView, ...]
    hidden_tests: int


@functools.lru_cache(maxsize=4)
def _kits(path: str, stamp: int) -> dict[str, dict[str, Any]]:
    return load_kits(Path(path), Problems())


def reference_kits(content_dir: Path) -> dict[str, dict[str, Any]]:
    """The reference kits of ``curricula/kits.yaml`` (empty when there is no such file)."""
    path = content_dir / KITS_FILE
    if not path.is_file():
        return {}
    return _kits(str(path), path.stat().st_mtime_ns)


def kit_for(lab: Lab, kits: Mapping[str, Mapping[str, Any]]) -> Mapping[str, Any]:
    """The lab's reference kit, picked as the content checker picks it (``{}`` when none)."""
    robot = lab.engine.get("robot")
    for kit in kits.values():
        matches = (kit.get("robot") == robot.get("kit")) if isinstance(robot, Mapping) else \
            (not kit.get("robot") and kit.get("board") == lab.default_board)
        if matches:
            return kit
    return {}


def _without_title(markdown: str) -> str:
    """The instructions without their first ``# title`` line (the worksheet's own heading)."""
    head, _, rest = markdown.lstrip().partition("\n")
    return rest.lstrip("\n") if head.startswith("# ") else markdown


def _seconds(ms: float, lang: str) -> str:
    return f"{num(ms / 1000, lang)} s"


def _inputs(devices: list[Mapping[str, Any]], board: str, lang: str) -> list[str]:
    """What the scenario does to the inputs, in words."""
    out = []
    for device in devices:
        kind = str(device.get("type"))
        presses = device.get("presses") or []
        if kind == "button" and presses:
            at = ", ".join(_seconds(p[0], lang) for p in presses)
            held = sorted({_seconds(p[1], lang) for p in presses})
            pin = pin_name(device.get("pin"), board)
            bounce = Say(" Il contatto rimbalza, come in un pulsante vero.",
                         " The contact bounces, as in a real button.") if device.get("bounce") else Say("", "")
            times = Say("1 volta", "once") if len(presses) == 1 else \
                Say(f"{len(presses)} volte", f"{len(presses)} times")
            out.append(Say(f"Il pulsante {pin} viene premuto {times.it}, a {at} "
                           f"(tenuto {' / '.join(held)}).{bounce.it}",
                           f"The button {pin} is pressed {times.en}, at {at} "
                           f"(held {' / '.join(held)}).{bounce.en}").get(lang))
        elif kind in INPUTS and "curve" in device:
            scale, unit, name = INPUTS[kind]
            curve = device["curve"] if isinstance(device["curve"], list) else [[0, device["curve"]]]
            points = ", ".join(f"{_seconds(t, lang)} → {num(v * scale, lang)} {unit}".rstrip() for t, v in curve)
            where = pin_name(device["pin"], board) if "pin" in device else \
                pin_name(device["echo"], board) if "echo" in device else \
                f"I2C 0x{int(device.get('address', 0x48)):02X}"
            out.append(Say(f"{name.it.capitalize()} ({where}) cambia così: {points} "
                           "(tra un punto e l'altro cambia piano).",
                           f"{name.en.capitalize()} ({where}) changes like this: {points} "
                           "(smoothly between two points).").get(lang))
    return out


def _test(sim_lab: Any, board: str, lang: str) -> tuple[list[str], int]:
    """What the simulator's test does, and how many hidden tests or worlds there are."""
    lines = []
    if sim_lab.robot is None:
        seconds = num(float(sim_lab.scenario_data.get("seconds", 10)), lang)
        lines.append(Say(f"Nel simulatore la prova dura {seconds} s.",
                         f"In the simulator the test lasts {seconds} s.").get(lang))
        lines += _inputs(list(sim_lab.scenario_data.get("devices") or []), board, lang)
        stdin = sim_lab.scenario_data.get("stdin")
        if stdin:
            typed = ", ".join(f"«{x}»" for x in stdin) if lang == "it" else ", ".join(f"'{x}'" for x in stdin)
            lines.append(Say(f"Alle richieste di input() il simulatore risponde: {typed}.",
                             f"The simulator answers the input() prompts with: {typed}.").get(lang))
        hidden = len(sim_lab.hidden_data)
        if hidden:
            more = Say("un'altra prova che non vedi", "one more test you cannot see") if hidden == 1 else \
                Say(f"altre {hidden} prove che non vedi", f"{hidden} more tests you cannot see")
            lines.append(Say(f"Poi il programma viene provato in {more.it}, con tempi e valori diversi: "
                             "non scriverlo per questi tempi esatti.",
                             f"Then the program is tried in {more.en}, with other times and values: "
                             "do not write it for these exact times.").get(lang))
        return lines, hidden
    visible = sim_lab.robot.visible()
    hidden = len(sim_lab.robot.worlds) - len(visible)
    more = Say("in un altro che non vedi", "in one more you cannot see") if hidden == 1 else \
        Say(f"in altri {hidden} che non vedi", f"in {hidden} more you cannot see")
    lines.append(Say(f"Il robot viene provato nei {len(visible)} mondi qui sotto e {more.it}: "
                     "deve reagire ai sensori, non seguire tempi fissi.",
                     f"The robot is tried in the {len(visible)} worlds below and {more.en}: "
                     "it must react to its sensors, not follow fixed timings.").get(lang))
    return lines, hidden


def _hookups(sim_lab: Any, board: str, kit_pins: Mapping[str, Mapping[str, tuple[str, ...]]],
             lang: str) -> tuple[list[Hookup], list[PartLine]]:
    if sim_lab.robot is not None:
        options = sim_lab.robot.options
        kit = ROBOT_KITS.get(str(options.get("kit", "maker_pi_rp2040")))
        return hookups_for_robot(kit, options, lang) if kit else ([], [])
    return hookups_for_devices(list(sim_lab.scenario_data.get("devices") or []), board, sim_lab.checks,
                               kit_pins, lang)


def _parts(board: str, kit_name: str, hookups: list[Hookup], lines: list[PartLine],
           robot: bool, lang: str) -> tuple[tuple[int, str, str], ...]:
    """Board and cable, then the parts, then their resistors, then breadboard and wires."""
    board_name = BOARD_NAMES.get(board, board)
    head = [(1, (kit_name or board_name) if robot else board_name, ""),
            (1, Say("cavo USB", "USB cable").get(lang), Say("dati, non solo ricarica", "data, not charge-only").get(lang))]
    counted: dict[tuple[str, str], int] = {}
    for line in lines:
        key = (line.name.get(lang), line.note.get(lang))
        counted[key] = counted.get(key, 0) + line.count
    items = [(count, name, note) for (name, note), count in counted.items()]
    body = [item for item in items if "Ω" not in item[1]] + [item for item in items if "Ω" in item[1]]
    tail = []
    if any(h.wires for h in hookups) and not robot:
        tail = [(1, "breadboard", ""), (sum(len(h.wires) for h in hookups),
                                        Say("cavetti maschio-maschio", "male-to-male jumper wires").get(lang), "")]
    return tuple(head + body + tail)


def _steps(hookups: list[Hookup], robot: bool, checks: int, seconds: str, lang: str) -> tuple[Step, ...]:
    words = {k: v.get(lang) for k, v in SVG_WORDS.items()}
    wires = [wire_sentence(w, h.part, words) for h in hookups for w in h.wires]
    steps = []
    if robot:
        steps.append(Step(Say("Controlla il robot: motori, sensori e batterie come nello schema.",
                              "Check the robot: motors, sensors and batteries as in the diagram.").get(lang), tuple(wires)))
        steps.append(Step(Say("Guarda i mondi: dov'è il robot all'inizio, dove deve arrivare.",
                              "Look at the worlds: where the robot starts, where it must go.").get(lang)))
    elif wires:
        steps.append(Step(Say("Prendi i materiali dell'elenco.", "Get the parts in the list.").get(lang)))
        steps.append(Step(Say("Con il cavo USB staccato, fai i collegamenti dello schema uno alla volta:",
                              "With the USB cable unplugged, make the connections in the diagram one at a time:").get(lang),
                          tuple(wires)))
        steps.append(Step(Say("Fai controllare i collegamenti a un compagno, poi collega il cavo USB.",
                              "Ask a classmate to check the connections, then plug in the USB cable.").get(lang)))
    else:
        steps.append(Step(Say("Non devi collegare niente: usi solo quello che c'è sulla scheda.",
                              "You do not need to wire anything: you only use what is on the board.").get(lang)))
    steps += [
        Step(Say("Apri il laboratorio su Officina e leggi il compito.", "Open the lab on Officina and read the task.").get(lang)),
        Step(Say("Parti dal codice iniziale e scrivi il tuo programma.", "Start from the starting code and write your program.").get(lang)),
        Step(Say(f"Premi «Esegui e verifica»: il simulatore prova il programma{seconds}.",
                 f"Press 'Run and check': the simulator tries your program{seconds}.").get(lang)),
        Step(Say("Confronta quello che succede con «Cosa succede nella prova» e con i criteri. Se un controllo non "
                 "passa, leggi il suo suggerimento e cambia una cosa alla volta.",
                 "Compare what happens with 'What happens in the test' and with the criteria. If a check fails, "
                 "read its hint and change one thing at a time.").get(lang)),
        Step(Say(f"Quando passano tutti i {checks} controlli, prova lo stesso programma sulla scheda vera "
                 "(salvalo come main.py).",
                 f"When all {checks} checks pass, try the same program on the real board (save it as main.py).").get(lang)),
    ]
    return tuple(steps)


def build_worksheet(lab: Lab, content_dir: Path, lang: str) -> Worksheet:
    """The worksheet of ``lab`` (a catalog lab) in ``lang`` ("it" or "en").

    Raises ``app.sim.labs.LabError`` if the lab engine cannot load the lab folder.
    """
    sim_lab = load_lab(lab.folder)
    kits = Path(content_dir) / KITS_FILE  # a changed resistor or kit title redraws the sheet
    stamp = str(kits.stat().st_mtime_ns) if kits.is_file() else ""
    key = (lab.slug, lab.content_hash, sim_lab.source_hash, str(content_dir), stamp, lang)
    if key not in _BUILT:
        if len(_BUILT) >= 256:
            _BUILT.clear()
        _BUILT[key] = _build(lab, sim_lab, Path(content_dir), lang)
    return _BUILT[key]


_BUILT: dict[tuple[str, ...], Worksheet] = {}


def _build(lab: Lab, sim_lab: Any, content_dir: Path, lang: str) -> Worksheet:
    # Drawn once per lab version and language (``_BUILT``); the lab engine caches the parsed lab.
    board = lab.default_board
    robot = sim_lab.robot is not None
    kit = kit_for(lab, reference_kits(content_dir))
    kit_name = kit["title"].get(lang) if kit.get("title") is not None else ""
    hookups, lines = _hookups(sim_lab, board, kit.get("pins") or {}, lang)
    words = {k: v.get(lang) for k, v in SVG_WORDS.items()}
    board_label = ("Cytron Maker Pi RP2040" if robot else BOARD_NAMES.get(board, board))
    title = Say(f"Schema dei collegamenti: {lab.title.get('it')}", f"Wiring diagram: {lab.title.get('en')}").get(lang)
    svg = render_wiring(board_label, tuple(hookups), title, words, ident=f"wiring-{lab.slug}")
    worlds: list[WorldView] = []
    world_setting = []
    if robot:
        for index, lab_world in enumerate(sim_lab.robot.visible(), start=1):
            label = Say(f"mondo {index}", f"world {index}").get(lang)
            worlds.append(WorldView(label, lab_world.world.title.get(lang, ""),
                                    render_world(lab_world.world.describe(), lang=lang)))
            world_setting.append((label, lab_world.world.title, lab_world.world))
    test, hidden = _test(sim_lab, board, lang)
    seconds = "" if robot else Say(f" per {num(float(sim_lab.scenario_data.get('seconds', 10)), lang)} s",
                                   f" for {num(float(sim_lab.scenario_data.get('seconds', 10)), lang)} s").get(lang)
    setting = Setting(board, float(sim_lab.scenario_data.get("seconds", 10)), tuple(world_setting))
    criteria = tuple((check.id, describe(check, setting, lang)) for check in sim_lab.checks)
    return Worksheet(
        slug=lab.slug, lang=lang, title=lab.title.get(lang), summary=lab.summary.get(lang),
        instructions=_without_title(lab.instructions.get(lang)), kit=kit_name,
        board=f"{board_label} (MicroPython: {BOARD_NAMES.get(board, board)})" if robot else board_label,
        minutes=lab.minutes, wiring_svg=svg,
        wiring=tuple(wire_sentence(w, h.part, words) for h in hookups for w in h.wires),
        parts=_parts(board, kit_name, hookups, lines, robot, lang),
        steps=_steps(hookups, robot, len(criteria), seconds, lang), test=tuple(test), criteria=criteria,
        worlds=tuple(worlds), hidden_tests=hidden)
