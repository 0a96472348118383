"""What each part of a reference kit needs on the bench: its wires, resistors and parts-list line.

``hookups_for_devices`` turns a lab's scenario devices (already checked by the content checker
against the kit's pin map in ``curricula/kits.yaml``) into :class:`~app.catalog.wiring_svg.Hookup`
values, with the resistor values the kit states for each part on its pin (read by
``app.content.kits``; none are written here); ``hookups_for_robot`` does the same for a robot kit
from the simulator's own kit model (``app.sim.robot.kits``), so the pins printed are the pins the
grader drives. Texts in Italian and English; no Flask.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.catalog.wiring_svg import Hookup, Wire
from app.catalog.worksheet_criteria import Say, pin_name
from app.content.kits import resistor_text

UNKNOWN_OHMS = Say("(valore: chiedi all'insegnante)", "(value: ask your teacher)")
I2C_PINS = {"pico": ("GP8", "GP9"), "pico_w": ("GP8", "GP9"), "esp32": ("GPIO21", "GPIO22"),
            "microbit": ("P20", "P19")}
COLOURS = {"rosso": "red", "giallo": "yellow", "verde": "green", "blu": "blue", "bianco": "white",
           "arancione": "orange"}


def physical_pin(board: str, label: str) -> str:
    """The header number of a pin ("GP15" → "20" on a Pico); "" when unknown."""
    if board not in ("pico", "pico_w"):
        return ""
    fixed = {"GND": "38", "3V3": "36", "VBUS (5 V)": "40"}
    if label in fixed:
        return fixed[label]
    if not label.startswith("GP") or not label[2:].isdigit():
        return ""
    n = int(label[2:])
    if n <= 15:  # left side: two GPIOs, then a ground, repeating
        return str(n + 1 + (n + 2) // 4 if n >= 2 else n + 1)
    right = {16: 21, 17: 22, 18: 24, 19: 25, 20: 26, 21: 27, 22: 29, 26: 31, 27: 32, 28: 34}
    return str(right.get(n, ""))


@dataclass(frozen=True)
class PartLine:
    """A line of the parts list: how many, what, and a short note."""

    count: int
    name: Say
    note: Say = Say("", "")


def _w(board: str, pin: str, terminal: str, resistor: str = "", kind: str = "signal") -> Wire:
    return Wire(pin, physical_pin(board, pin), terminal, resistor, kind)


def _gnd(board: str, terminal: str) -> Wire:
    return _w(board, "GND", terminal, kind="ground")


def _power(board: str, terminal: str, five_volt: bool = False) -> Wire:
    return _w(board, "VBUS (5 V)" if five_volt else "3V3", terminal, kind="power")


def led_colours(checks: Any, board: str) -> dict[str, Say]:
    """LED colours named by a ``states`` check (the traffic light): pin label → colour."""
    found: dict[str, Say] = {}
    for check in checks:
        names = check.params.get("names") if check.kind == "states" else None
        if not isinstance(names, Mapping):
            continue
        for pin, it in zip(check.params.get("pins", []), names.get("it", [])):
            if str(it).lower() in COLOURS:
                found[pin_name(pin, board)] = Say(str(it), COLOURS[str(it).lower()])
    return found


def kit_resistors(kit_pins: Mapping[str, Mapping[str, tuple[str, ...]]], device: Mapping[str, Any],
                  key: str, part: str, board: str, lang: str, count: int = 1) -> tuple[str, ...]:
    """The resistor values the kit states for ``part`` on the device's ``key`` pin, written for
    ``lang``; a value the kit does not state reads "ask your teacher"."""
    pin = device.get(key)
    if isinstance(pin, Mapping):
        pin = pin.get(board)
    values = tuple(kit_pins.get(str(pin), {}).get(part) or ())
    if len(values) != count:
        return (UNKNOWN_OHMS.get(lang),) * count
    return tuple(resistor_text(v, lang) for v in values)


def hookups_for_devices(devices: list[Mapping[str, Any]], board: str, checks: Any,
                        kit_pins: Mapping[str, Mapping[str, tuple[str, ...]]],
                        lang: str) -> tuple[list[Hookup], list[PartLine]]:
    """Hookups and parts for a lab's scenario devices on ``board``, with the resistors of
    ``kit_pins`` (the reference kit's ``{pin: {part: values}}``)."""
    colours = led_colours(checks, board)
    hookups: list[Hookup] = []
    parts: list[PartLine] = []

    def add(part: Say, wires: list[Wire], *lines: PartLine, note: Say | None = None) -> None:
        hookups.append(Hookup(part.get(lang), tuple(wires), note.get(lang) if note else ""))
        parts.extend(lines)

    for device in devices:
        kind = str(device.get("type"))
        pin = pin_name(device.get("pin", ""), board) if "pin" in device else ""
        if kind == "led" and pin == "LED":
            add(Say("LED sulla scheda (GP25)", "LED on the board (GP25)"), [],
                note=Say("già sulla scheda: niente da collegare", "already on the board: nothing to wire"))
        elif kind == "led":
            colour = colours.get(pin)
            ohms, = kit_resistors(kit_pins, device, "pin", "led", board, lang)
            name = Say(f"LED {colour.it}", f"{colour.en} LED") if colour else Say("LED", "LED")
            add(name, [_w(board, pin, Say("+ (gamba lunga)", "+ (long leg)").get(lang), ohms),
                       _gnd(board, Say("− (gamba corta)", "− (short leg)").get(lang))],
                PartLine(1, name), PartLine(1, Say(f"resistenza {ohms}", f"{ohms} resistor"),
                                            Say("in serie al LED", "in series with the LED")))
        elif kind == "button" and board == "microbit":
            add(Say(f"pulsante {pin} del micro:bit", f"micro:bit button {pin}"), [],
                note=Say("già sulla scheda: niente da collegare", "already on the board: nothing to wire"))
        elif kind == "button":
            low = device.get("active", "low") == "low"
            leg1, leg2 = Say("gamba 1", "leg 1").get(lang), Say("gamba 2", "leg 2").get(lang)
            name = Say("pulsante", "push button")
            note = Say("verso GND: nel codice Pin.PULL_UP", "to GND: Pin.PULL_UP in the code") if low else \
                Say("verso 3V3: nel codice Pin.PULL_DOWN", "to 3V3: Pin.PULL_DOWN in the code")
            add(name, [_w(board, pin, leg1), _gnd(board, leg2) if low else _power(board, leg2)],
                PartLine(1, name, note))
        elif kind == "potentiometer":
            ohms, = kit_resistors(kit_pins, device, "pin", "potentiometer", board, lang)
            name = Say(f"potenziometro {ohms}", f"{ohms} potentiometer")
            add(name, [_power(board, Say("estremo 1", "end 1").get(lang)),
                       _w(board, pin, Say("centrale (cursore)", "middle (wiper)").get(lang)),
                       _gnd(board, Say("estremo 2", "end 2").get(lang))], PartLine(1, name))
        elif kind == "light_sensor":
            ldr = Say("fotoresistenza (LDR)", "light-dependent resistor (LDR)")
            ohms, = kit_resistors(kit_pins, device, "pin", "light_sensor", board, lang)
            res = Say(f"resistenza {ohms}", f"{ohms} resistor")
            add(ldr, [_power(board, Say("gamba 1", "leg 1").get(lang)),
                      _w(board, pin, Say("gamba 2", "leg 2").get(lang))], PartLine(1, ldr))
            add(res, [_w(board, pin, Say("gamba 1", "leg 1").get(lang)),
                      _gnd(board, Say("gamba 2", "leg 2").get(lang))],
                PartLine(1, res, Say("con la LDR fa un partitore", "makes a divider with the LDR")))
        elif kind == "buzzer":
            name = Say("buzzer passivo", "passive buzzer")
            add(name, [_w(board, pin, "+"), _gnd(board, "−")], PartLine(1, name))
        elif kind == "servo":
            name = Say("servomotore (SG90)", "servo motor (SG90)")
            add(name, [_w(board, pin, Say("segnale (arancione)", "signal (orange)").get(lang)),
                       _power(board, Say("+ (rosso)", "+ (red)").get(lang), five_volt=True),
                       _gnd(board, Say("− (marrone)", "− (brown)").get(lang))], PartLine(1, name))
        elif kind == "hcsr04":
            trig, echo = pin_name(device.get("trigger"), board), pin_name(device.get("echo"), board)
            name = Say("sensore a ultrasuoni HC-SR04", "HC-SR04 ultrasonic sensor")
            low, high = kit_resistors(kit_pins, device, "echo", "hcsr04-echo", board, lang, count=2)
            add(name, [_power(board, "VCC", five_volt=True), _w(board, trig, "Trig"),
                       _w(board, echo, "Echo", low), _gnd(board, "GND")], PartLine(1, name))
            divider = Say(f"resistenza {high} (partitore di Echo)", f"{high} resistor (Echo divider)")
            add(divider, [_w(board, echo, Say("gamba 1", "leg 1").get(lang)),
                          _gnd(board, Say("gamba 2", "leg 2").get(lang))],
                PartLine(1, Say(f"resistenza {low}", f"{low} resistor"),
                         Say("tra Echo e il pin", "between Echo and the pin")),
                PartLine(1, Say(f"resistenza {high}", f"{high} resistor"),
                         Say("dal pin a GND: 5 V diventano 3,3 V", "pin to GND: 5 V become 3.3 V")))
        elif kind == "neopixel":
            count = int(device.get("count", 8))
            name = Say(f"striscia NeoPixel da {count} LED", f"{count}-LED NeoPixel strip")
            add(name, [_w(board, pin, "DIN"), _power(board, "5V", five_volt=True), _gnd(board, "GND")],
                PartLine(1, name))
        elif kind == "tmp102":
            sda, scl = I2C_PINS.get(board, ("SDA", "SCL"))
            name = Say(f"sensore di temperatura TMP102 (0x{int(device.get('address', 0x48)):02X})",
                       f"TMP102 temperature sensor (0x{int(device.get('address', 0x48)):02X})")
            add(name, [_power(board, "VCC"), _w(board, sda, "SDA"), _w(board, scl, "SCL"), _gnd(board, "GND")],
                PartLine(1, name))
        elif kind in ("dht11", "dht22", "ds18b20"):
            name = Say(f"sensore di temperatura {kind.upper()}", f"{kind.upper()} temperature sensor")
            pull, = kit_resistors(kit_pins, device, "pin", kind, board, lang)
            add(name, [_power(board, "VCC"), _w(board, pin, "DATA"), _gnd(board, "GND")], PartLine(1, name))
            res = Say(f"resistenza {pull} (pull-up di DATA)", f"{pull} resistor (DATA pull-up)")
            add(res, [_w(board, pin, Say("gamba 1", "leg 1").get(lang)),
                      _power(board, Say("gamba 2", "leg 2").get(lang))],
                PartLine(1, res, Say("spesso è già sul modulo", "often already on the module")))
        elif kind not in ("robot", "stdin"):
            name = Say(kind, kind)
            add(name, [_w(board, pin, "signal")] if pin else [], PartLine(1, name),
                note=Say("vedi le istruzioni", "see the instructions"))
    return hookups, parts


def _bumper_side(angle: float) -> Say:
    if abs(angle) < 10:
        return Say("davanti", "front")
    return Say("davanti a sinistra", "front left") if angle > 0 else Say("davanti a destra", "front right")


def hookups_for_robot(kit: Any, options: Mapping[str, Any], lang: str) -> tuple[list[Hookup], list[PartLine]]:
    """Hookups and parts of a robot kit (``app.sim.robot.kits.Kit``) with a lab's sensor overrides."""
    board = "pico"
    hookups: list[Hookup] = []
    motors: dict[int, list[str]] = {}
    for pin, (motor, direction) in sorted(kit.motors.items(), key=lambda item: int(item[0])):
        motors.setdefault(motor, []).append(f"GP{pin}")
    sides = (Say("sinistro", "left"), Say("destro", "right"))
    for motor, pins in sorted(motors.items()):
        side = sides[motor] if motor < 2 else Say(str(motor), str(motor))
        hookups.append(Hookup(Say(f"motore {side.it} (M{motor + 1})", f"{side.en} motor (M{motor + 1})").get(lang),
                              tuple(Wire(p, "", Say(f"M{motor + 1}{'AB'[i]} (sulla scheda)",
                                                    f"M{motor + 1}{'AB'[i]} (on the board)").get(lang))
                                    for i, p in enumerate(pins[:2]))))
    line = options.get("line_sensors") or [{"pin": s.pin} for s in kit.line]
    if line:
        where = (Say("sinistra", "left"), Say("centro", "centre"), Say("destra", "right"))
        names = where if len(line) == 3 else tuple(Say(str(i + 1), str(i + 1)) for i in range(len(line)))
        hookups.append(Hookup(Say("sensori di linea IR", "IR line sensors").get(lang), tuple(
            Wire(pin_name(s["pin"], board), "", f"OUT {names[i].get(lang)}") for i, s in enumerate(line))))
    sonars = options.get("sonars") or [{"trigger": s.trigger, "echo": s.echo} for s in kit.sonars]
    for sonar in sonars:
        hookups.append(Hookup(Say("sensore a ultrasuoni HC-SR04", "HC-SR04 ultrasonic sensor").get(lang), (
            Wire(pin_name(sonar["trigger"], board), "", "Trig"), Wire(pin_name(sonar["echo"], board), "", "Echo"))))
    if kit.bumpers:
        hookups.append(Hookup(Say("paraurti (microinterruttori verso GND)", "bumpers (switches to GND)").get(lang),
                              tuple(Wire(pin_name(b.pin, board), "", _bumper_side(b.angle).get(lang))
                                    for b in kit.bumpers)))
    parts = [PartLine(2, Say("motoriduttori con ruote", "gear motors with wheels")),
             PartLine(len(line), Say("sensori di linea IR", "IR line sensors")),
             PartLine(len(sonars), Say("sensore a ultrasuoni HC-SR04", "HC-SR04 ultrasonic sensor")),
             PartLine(1, Say("portabatterie 3 × AA (o 1 cella LiPo)", "3 × AA battery holder (or a 1-cell LiPo)"),
                      Say("non 4 pile: 4 pile nuove superano i 6 V", "not 4 cells: 4 new cells give over 6 V"))]
    if kit.bumpers:
        parts.append(PartLine(len(kit.bumpers), Say("microinterruttori (paraurti)", "micro switches (bumpers)")))
    return hookups, [p for p in parts if p.count]
