"""The virtual boards: pin maps, named pins, ADC channels and hardware-call costs.

Each :class:`Board` is an immutable description that the guest receives as configuration; the
host uses the same description to resolve the names a program used ("pin:LED") to physical pins
when it grades, and to draw the board. Facts come from the MicroPython quickrefs (see
``shared/reference/curriculum_facts.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# What a hardware call takes on a board beyond the interpreter's own work (which the clock already
# counts from fuel), in simulated microseconds; the host charges it as fuel at the same rate.
COSTS = {"pin": 2, "adc": 4, "tick": 1, "i2c": 20, "display": 10}


@dataclass(frozen=True)
class Board:
    """A virtual board."""

    name: str
    title: str
    family: str  # "rp2" | "esp32" | "microbit"
    pins: tuple[int, ...]
    names: dict[str, str] = field(default_factory=dict)  # named pin -> physical key
    led: str | None = None  # physical key of the onboard LED
    adc: dict[str, int] = field(default_factory=dict)  # physical key -> ADC channel
    input_only: tuple[int, ...] = ()
    stub_package: str = ""
    heap_kib: int = 192  # MicroPython heap free at boot on the real board (gc.mem_free())

    def guest_config(self) -> dict[str, Any]:
        """The JSON-able description the guest modules read."""
        return {
            "name": self.name,
            "family": self.family,
            "pins": list(self.pins),
            "names": dict(self.names),
            "input_only": [str(p) for p in self.input_only],
            "adc": dict(self.adc),
            "costs": dict(COSTS),
        }

    def physical(self, label: str) -> str:
        """Physical key of a pin label as a program used it ('LED' -> '25', 'GP15' -> '15')."""
        return self.names.get(label, label)

    def pin_key(self, value: Any) -> str:
        """Physical key for a pin given in a lab file (int, 'LED', 'GP15', 'pin0', 'button_a')."""
        if isinstance(value, bool):
            raise ValueError(f"not a pin: {value!r}")
        if isinstance(value, int):
            if value not in self.pins:
                raise ValueError(f"{self.name} has no pin {value}")
            return str(value)
        text = str(value)
        if text in self.names:
            return self.names[text]
        if text.isdigit() and int(text) in self.pins:
            return text
        if self.family == "microbit" and (text in ("button_a", "button_b", "logo", "light")
                                          or text in {f"pin{p}" for p in self.pins}):
            return text
        raise ValueError(f"{self.name} has no pin {value!r}")


@lru_cache(maxsize=8)
def firmware_modules(board: str) -> list[str]:
    """Modules the board's firmware has (from its stubs): an import the simulator cannot serve
    then says that the module exists on the real board, not that it does not exist (the guest
    asks the host, :mod:`app.sim.hal.devices`)."""
    from app.sim.apicheck import board_modules

    return sorted(board_modules(board) - {"uctypes"})  # raw memory: never offered, not even so


@lru_cache(maxsize=8)
def firmware_names(board: str) -> dict[str, list[str]]:
    """Names of the board's hardware modules (from its stubs), so that one the simulator lacks
    raises an error saying it exists on the real board."""
    from app.sim.apicheck import module_names

    names = {m: module_names(board, m) for m in ("machine", "rp2", "esp32", "network",
                                                  "bluetooth", "time", "neopixel")}
    skip = {"mem8", "mem16", "mem32"}  # raw memory: never offered, not even as "board only"
    return {m: " ".join(n for n in v if not n.startswith("_") and n not in skip)
            for m, v in names.items() if v}



def _rp2_names(led: str) -> dict[str, str]:
    names = {f"GP{i}": str(i) for i in range(29)}
    names["LED"] = led
    return names


_RP2_ADC = {"26": 0, "27": 1, "28": 2, "29": 3}
_ESP32_PINS = (0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27,
               32, 33, 34, 35, 36, 37, 38, 39)
_ESP32_ADC = {str(p): p for p in (0, 2, 4, 12, 13, 14, 15, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39)}
_MB_PINS = tuple(p for p in range(21) if p not in (17, 18))

BOARDS: dict[str, Board] = {
    "pico": Board("pico", "Raspberry Pi Pico", "rp2", tuple(range(30)), _rp2_names("25"), "25",
                  _RP2_ADC, stub_package="micropython-rp2-rpi-pico-stubs", heap_kib=192),
    "pico_w": Board("pico_w", "Raspberry Pi Pico W", "rp2", tuple(range(30)),
                    {**_rp2_names("WL_GPIO0"), "WL_GPIO0": "WL_GPIO0"}, "WL_GPIO0", _RP2_ADC,
                    stub_package="micropython-rp2-rpi-pico-stubs", heap_kib=166),
    "esp32": Board("esp32", "ESP32 DevKit", "esp32", _ESP32_PINS, {}, "2", _ESP32_ADC,
                   (34, 35, 36, 37, 38, 39), stub_package="micropython-esp32-stubs",
                   heap_kib=110),
    "microbit": Board("microbit", "BBC micro:bit V2", "microbit", _MB_PINS, {}, None,
                      {f"pin{p}": p for p in (0, 1, 2, 3, 4, 10)},
                      stub_package="micropython-microbit-stubs-en", heap_kib=64),
}


def get_board(name: str) -> Board:
    """Return the board called ``name`` or raise ``ValueError`` listing the valid names."""
    try:
        return BOARDS[name]
    except KeyError:
        raise ValueError(f"unknown board {name!r}; choose one of {', '.join(BOARDS)}") from None
