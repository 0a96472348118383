"""The devices a playground run may wire, each at one fixed place per board.

A student ticks devices; each becomes one scenario device (``app.sim.scenario``) at the pin this
table gives for the chosen board, with inputs that change during the run (a button pressed twice,
a potentiometer turned up and down, an obstacle coming closer ...), so that a program reading
them sees something happen. The page shows the same table, so the student knows which pin to
use in the code. A device a board cannot take (touch pads outside the ESP32) is simply absent
for that board. The Pico has too few free pins for every device at once: the seven-segment
display shares pins with the distance and temperature probes, the ESP32's keypad with its button
and LED, and a run wiring two devices to one pin is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

BOARD_KEYS = ("pico", "pico_w", "esp32", "microbit")
RP2 = ("pico", "pico_w")
RAMP = [[0, 0.0], [4000, 1.0], [8000, 0.0]]  # turned up in 4 s, then down again
TEMPERATURE = [[0, 20.0], [5000, 28.0], [10000, 21.0]]  # °C: warms up, then cools down


@dataclass(frozen=True)
class DeviceOption:
    """One device the playground can wire: ``places`` maps a board to its scenario device(s)."""

    key: str
    label: Any  # a lazy translated string
    behaviour: Any  # what its inputs do during the run (lazy translated)
    places: dict[str, list[dict[str, Any]]]

    def where(self, board: str) -> str:
        """Where it is wired on ``board``, as the page shows it ('GP15', 'pin1', '0x3C' ...)."""
        parts = []
        for device in self.places.get(board, ()):
            if "address" in device:
                parts.append(f"I2C 0x{device['address']:02X}")
            elif "rows" in device:
                rows = ", ".join(_pin_name(board, p) for p in device["rows"])
                cols = ", ".join(_pin_name(board, p) for p in device["cols"])
                parts.append(f"{_l('rows')} {rows}; {_l('columns')} {cols}")
            elif "segments" in device:
                segments = ", ".join(_pin_name(board, p) for p in device["segments"])
                parts.append(f"a–g, dp: {segments}")
            elif "trigger" in device:
                parts.append(f"trig {_pin_name(board, device['trigger'])}, echo {_pin_name(board, device['echo'])}")
            else:
                parts.append(_pin_name(board, device["pin"]))
        return ", ".join(parts)


def _pin_name(board: str, pin: Any) -> str:
    if board in RP2 and isinstance(pin, int):
        return f"GP{pin}"
    if board == "esp32" and isinstance(pin, int):
        return f"GPIO{pin}"
    return str(pin)


def _on(pins: dict[str, Any], **device: Any) -> dict[str, list[dict[str, Any]]]:
    """One device of the same kind on each board that has a pin for it."""
    return {board: [{**device, "pin": pin}] for board, pin in pins.items()}


def _rp2(pin: int, esp32: int, microbit: str | None) -> dict[str, Any]:
    pins: dict[str, Any] = {"pico": pin, "pico_w": pin, "esp32": esp32}
    if microbit is not None:
        pins["microbit"] = microbit
    return pins


_PRESSES = [[1000, 300], [3000, 300]]
TILT = {"x": [[0, 0], [2000, 0.7], [4000, 0]], "y": 0, "z": [[0, 1], [2000, 0.7], [4000, 1]]}  # g
KEYS = [[1000, "1"], [2000, "2"], [3000, "3"], [4000, "#"]]

DEVICE_OPTIONS: tuple[DeviceOption, ...] = (
    DeviceOption("led", _l("LED"), _l("lights up when its pin is on"),
                 _on(_rp2(15, 27, "pin8"), type="led")),
    DeviceOption("button", _l("Push button (to GND: use PULL_UP)"), _l("pressed at 1 s and at 3 s"),
                 {**_on(_rp2(14, 14, None), type="button", active="low", presses=_PRESSES),
                  "microbit": [{"type": "button", "pin": "button_a", "presses": _PRESSES},
                               {"type": "button", "pin": "button_b", "presses": [[2000, 300]]}]}),
    DeviceOption("potentiometer", _l("Potentiometer"), _l("turned up to the top in 4 s, then back down"),
                 _on(_rp2(26, 34, "pin1"), type="potentiometer", curve=RAMP)),
    DeviceOption("light_sensor", _l("Light sensor"), _l("it gets dark after 3 s"),
                 _on(_rp2(27, 35, "pin2"), type="light_sensor", curve=[[0, 0.9], [3000, 0.9], [4000, 0.1]])),
    DeviceOption("buzzer", _l("Buzzer"), _l("plays the tones your program sends"),
                 _on(_rp2(16, 25, "pin0"), type="buzzer")),
    DeviceOption("servo", _l("Servo motor"), _l("turns to the angle your program sets"),
                 _on(_rp2(17, 13, "pin13"), type="servo")),
    DeviceOption("hcsr04", _l("Ultrasonic distance sensor HC-SR04"), _l("an obstacle comes from 100 cm to 10 cm in 5 s"),
                 {board: [{"type": "hcsr04", "trigger": trig, "echo": echo,
                           "curve": [[0, 100], [5000, 10], [8000, 60]]}]
                  for board, (trig, echo) in {"pico": (3, 2), "pico_w": (3, 2), "esp32": (5, 17),
                                              "microbit": ("pin14", "pin15")}.items()}),
    DeviceOption("neopixel", _l("NeoPixel strip (8 LEDs)"), _l("shows the colours your program writes"),
                 _on(_rp2(22, 23, "pin16"), type="neopixel", count=8)),
    DeviceOption("tmp102", _l("TMP102 temperature sensor"), _l("from 20 °C up to 28 °C and back"),
                 {board: [{"type": "tmp102", "address": 0x48, "curve": TEMPERATURE}] for board in BOARD_KEYS}),
    DeviceOption("ssd1306", _l("SSD1306 OLED display 128×64"), _l("shows what your program draws"),
                 {board: [{"type": "ssd1306", "address": 0x3C}] for board in BOARD_KEYS}),
    DeviceOption("dht22", _l("DHT22 temperature and humidity sensor"), _l("from 20 °C up to 28 °C and back, humidity at 55 per cent"),
                 _on(_rp2(7, 15, None), type="dht22", curve=TEMPERATURE, humidity=55)),
    DeviceOption("ds18b20", _l("DS18B20 temperature probe (onewire)"), _l("from 20 °C up to 28 °C and back"),
                 _on(_rp2(6, 33, None), type="ds18b20", curve=TEMPERATURE)),
    DeviceOption("lcd1602", _l("LCD 16×2 display with I2C module (PCF8574)"),
                 _l("shows the text your program writes"),
                 {board: [{"type": "lcd1602", "address": 0x27}] for board in BOARD_KEYS}),
    DeviceOption("mpu6050", _l("MPU6050 accelerometer and gyroscope"),
                 _l("tilted to one side in 2 s and back, turning at 45 °/s meanwhile"),
                 {board: [{"type": "mpu6050", "address": 0x68, "accel": TILT,
                           "gyro": {"x": 0, "y": 0, "z": [[0, 0], [1, 45], [4000, 45], [4001, 0]]},
                           "temperature": 24}] for board in BOARD_KEYS}),
    DeviceOption("bmp280", _l("BMP280 temperature and pressure sensor"),
                 _l("from 20 °C up to 28 °C and back; pressure falling from 1013 to 1005 hPa"),
                 {board: [{"type": "bmp280", "address": 0x76, "temperature": TEMPERATURE,
                           "pressure": [[0, 1013], [10000, 1005]]}] for board in BOARD_KEYS}),
    DeviceOption("keypad", _l("4×4 keypad (rows: outputs, columns: inputs with PULL_UP)"),
                 _l("keys 1, 2, 3 and # pressed at 1, 2, 3 and 4 s"),
                 {**{board: [{"type": "keypad", "rows": [18, 19, 20, 21], "cols": [10, 11, 12, 13],
                              "presses": KEYS}] for board in RP2},
                  "esp32": [{"type": "keypad", "rows": [19, 18, 26, 32], "cols": [16, 12, 14, 27],
                             "presses": KEYS}]}),
    DeviceOption("seven_segment", _l("Seven-segment display, one digit (common cathode)"),
                 _l("lights the segments your program turns on"),
                 {board: [{"type": "seven_segment", "segments": [0, 1, 2, 3, 6, 7, 8, 9]}]
                  for board in RP2}),
    DeviceOption("touch", _l("Touch pad"), _l("touched from 2 s to 3 s"),
                 {"esp32": [{"type": "touch", "pin": 4, "curve": [[0, 600], [2000, 600], [2001, 120],
                                                                    [3000, 120], [3001, 600]]}]}),
)

OPTIONS_BY_KEY = {option.key: option for option in DEVICE_OPTIONS}

# The micro:bit's own sensors: what happens to the board itself during the run.
MICROBIT_WORLD_OPTIONS = {
    "gestures": (_l("Someone moves the micro:bit"), _l("shaken at 2 s, face down at 4 s")),
    "radio": (_l("Radio messages arrive"), _l("'hello' at 1 s and 'go' at 3 s, on group 0")),
}
MICROBIT_WORLD = {
    "gestures": {"gestures": [[2000, "shake"], [4000, "face down"]]},
    "radio": {"radio": [[1000, "hello"], [3000, "go"]]},
}


def available(board: str) -> list[DeviceOption]:
    """The devices ``board`` can take, in the table's order."""
    return [option for option in DEVICE_OPTIONS if board in option.places]


def choice_keys(board: str) -> list[str]:
    """Every checkbox value valid on ``board`` (its devices and, on the micro:bit, its world)."""
    keys = [option.key for option in available(board)]
    return keys + list(MICROBIT_WORLD) if board == "microbit" else keys


def scenario_for(board: str, keys: list[str], seconds: int, stdin: list[str]) -> dict[str, Any]:
    """The scenario mapping of a playground run; unknown or unavailable keys raise ``ValueError``."""
    devices: list[dict[str, Any]] = []
    world: dict[str, Any] = {}
    for key in keys:
        if key in MICROBIT_WORLD and board == "microbit":
            world.update(MICROBIT_WORLD[key])
        elif key in OPTIONS_BY_KEY and board in OPTIONS_BY_KEY[key].places:
            devices.extend(dict(device) for device in OPTIONS_BY_KEY[key].places[board])
        else:
            raise ValueError(key)
    used: list[Any] = []  # one device per pin: the table shares a few pins between devices
    for device in devices:
        pins = [device.get(k) for k in ("pin", "trigger", "echo") if k in device]
        pins += [p for k in ("rows", "cols", "segments") for p in device.get(k, ())]
        if set(pins) & set(used):
            raise ValueError(device["type"])
        used += pins
    scenario: dict[str, Any] = {"seconds": seconds, "seed": 1, "devices": devices}
    if stdin:
        scenario["stdin"] = stdin
    if world:
        scenario["microbit"] = world
    return scenario
