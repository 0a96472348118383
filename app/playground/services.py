"""Running a playground program: build the scenario from the devices chosen, run the program on
the virtual board through ``app.runs.run_fairly`` (so the fair-sharing limits hold, and refusals
reach the view as ``RunRefused``), and prepare what the page shows: output, error with its
explanation, the pictures (timeline, board or micro:bit display) and the trace's events.

SVGs are shown as ``data:`` images, so they can never run script in the page. Nothing is saved
and nothing is graded.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from app.playground.wiring import BOARD_KEYS, scenario_for
from app.runs import run_fairly
from app.catalog.pictures import Picture, run_pictures
from app.sim import RunResult, SimError, simulate
from app.sim.trace import Event

SECONDS_CHOICES = (2, 5, 10, 20, 30)
MAX_STDIN_LINES = 20
TRACE_ROWS = 300  # events shown in the page's table (the pictures draw them all)

STARTERS = {
    "pico": "from machine import Pin\nimport time\n\nled = Pin(\"LED\", Pin.OUT)\nfor i in range(6):\n"
            "    led.toggle()\n    time.sleep(0.5)\nprint(\"Fatto!\")\n",
    "esp32": "from machine import Pin\nimport time\n\nled = Pin(2, Pin.OUT)\nfor i in range(6):\n"
             "    led.value(not led.value())\n    time.sleep(0.5)\nprint(\"Fatto!\")\n",
    "microbit": "from microbit import *\n\ndisplay.scroll(\"Ciao\")\ndisplay.show(Image.HEART)\n"
                "sleep(1000)\nprint(\"Fatto!\")\n",
}
STARTERS["pico_w"] = STARTERS["pico"]


class PlaygroundRejected(Exception):
    """The simulator refused the request (a device not on that board, a bad scenario ...)."""


@dataclass(frozen=True)
class PlaygroundResult:
    run: RunResult
    lang: str
    pictures: tuple[Picture, ...]

    @property
    def trace_rows(self) -> list[tuple[float, str, str, str]]:
        """(ms, source, kind, value as shown) of the first events; a display's picture is shown
        as its count of lit pixels (the board picture draws it)."""
        return [(event.t_us / 1000, event.source, event.kind, _shown_value(event))
                for event in self.run.events[:TRACE_ROWS]]

    @property
    def trace_cut(self) -> bool:
        return len(self.run.events) > TRACE_ROWS

    def text(self, value: dict[str, str] | None) -> str:
        return (value or {}).get(self.lang) or (value or {}).get("it", "")


def _shown_value(event: Event) -> str:
    if event.kind == "frame" and isinstance(event.value, str):
        try:
            picture = base64.b64decode(event.value)
        except ValueError:
            return "?"
        return f"{sum(bin(byte).count('1') for byte in picture)} px"
    text = str(event.value)
    return text if len(text) <= 60 else text[:59] + "…"


def starter_code(board: str) -> str:
    """The program the editor opens with on ``board`` (a blink, or a greeting on the micro:bit)."""
    return STARTERS.get(board, STARTERS["pico"])


def stdin_lines(text: str | None) -> list[str]:
    """The lines typed at the console, one per ``input()``; blank trailing lines dropped."""
    lines = (text or "").replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return lines[:MAX_STDIN_LINES]


def run_program(user_id: int, code: str, board: str, devices: list[str], seconds: int, stdin: list[str],
                lang: str, alt_texts: dict[str, str]) -> PlaygroundResult:
    """Run ``code`` on ``board`` with ``devices`` wired for ``seconds`` of simulated time.

    Raises ``PlaygroundRejected`` for a request the simulator refuses and
    ``app.runs.RunRefused`` when the fair-sharing rules refuse the run (nothing ran).
    """
    if board not in BOARD_KEYS or seconds not in SECONDS_CHOICES:
        raise PlaygroundRejected(f"board {board!r} / {seconds} s not offered")
    try:
        scenario = scenario_for(board, devices, seconds, stdin)
    except ValueError as exc:
        raise PlaygroundRejected(f"device {exc} is not available on {board}") from exc
    try:
        run = run_fairly(user_id, lambda: simulate(code, board, scenario))
    except SimError as exc:
        raise PlaygroundRejected(str(exc)) from exc
    return PlaygroundResult(run, lang, run_pictures(run, board, lang, alt_texts, board_with_display=True))
