"""What the input checks measure and how they say it: the scripted value of an input device, the
physical pin names of the instructions (GP15), times in seconds in the student's language, a
program stopped by an error, the end of a run, and outputs that never change (wrong pin).

Used by :mod:`app.sim.checks.reactions` and by labs' own ``checks.py``.
"""

from __future__ import annotations

from typing import Any

from app.sim.checks.base import CheckContext, CheckSpecError, Finding, fmt_num
from app.sim.hal.inputs import interp
from app.sim.scenario import Scenario
from app.sim.trace import Trace

STEP_US = 50_000
DEFAULT_NAME = {"it": "il LED", "en": "the LED"}


def input_value(scenario: Scenario | None, device: dict[str, Any], t_us: int) -> float:
    """Scripted value of an input device at a time (cm, fraction or degrees C): the same
    interpolation the virtual board answers reads with."""
    return interp(device["curve"], t_us / 1000)


def device_of(trace: Trace, ctx: CheckContext, dtype: str, pin: Any) -> dict[str, Any]:
    for d in trace.scenario.devices:
        if d["type"] == dtype and (pin is None or d.get("pin") == ctx.pin(pin)):
            return d
    raise CheckSpecError(f"the scenario has no {dtype} device")


def pin_name(ctx: CheckContext, key: str) -> str:
    """How a student names a physical pin (shared with the signal checks: ``GP15``, ``"LED"``,
    ``4`` on an ESP32, ``pin0``)."""
    from app.sim.checks.signals import pin_label

    return pin_label(ctx, key)


def secs(t_us: float, lang: str) -> str:
    """A time in seconds as a student reads it: ``3,2 s``."""
    return f"{fmt_num(t_us / 1e6, lang, 1)} s"


def stopped_early(ctx: CheckContext) -> Finding | None:
    """A failing finding when the program stopped with an error before the scenario's end."""
    err = ctx.run.error
    end_us = int(ctx.trace.scenario.seconds * 1e6)
    if err is None or ctx.trace.sim_time_us >= end_us - STEP_US:
        return None
    at = ctx.trace.sim_time_us
    return Finding.say(False, f"il programma si è fermato per un errore dopo {secs(at, 'it')}",
                       f"the program stopped with an error after {secs(at, 'en')}", "stopped",
                       err.get("line"))


class _TraceAndRun:
    """The two things :func:`stopped_early` looks at, as a lab's own Python check receives them."""

    def __init__(self, trace: Any, run: Any) -> None:
        self.trace, self.run = trace, run


def stopped_before_end(trace: Any, run: Any) -> Finding | None:
    """:func:`stopped_early` for a lab's own Python check (``checks.py``: ``fn(trace, run, args)``)."""
    return stopped_early(_TraceAndRun(trace, run))  # type: ignore[arg-type]


def button_presses(trace: Any, pins: tuple[str, ...] = ("button_a", "button_b")) -> list[tuple[int, str]]:
    """(t_us, button pin) of every press of the scenario's buttons on ``pins``, in time order."""
    out = []
    for device in trace.scenario.devices:
        if device["type"] == "button" and device["pin"] in pins:
            out += [(int(at * 1000), device["pin"]) for at, _ in device["presses"]]
    return sorted(out)


def run_end(ctx: CheckContext) -> int:
    """Where the outputs stop counting: the scenario's end (a program that returned leaves its
    outputs as they are), or the moment an error stopped it."""
    if ctx.run.error is not None:
        return ctx.trace.sim_time_us
    return max(ctx.trace.sim_time_us, int(ctx.trace.scenario.seconds * 1e6))


def changed_outputs(ctx: CheckContext, exclude: set[str]) -> list[str]:
    """Physical pins (other than ``exclude``) whose output level or PWM duty changed."""
    found: list[str] = []
    for e in ctx.trace.events:
        head, _, label = e.source.partition(":")
        if (head, e.kind) in (("pin", "value"), ("pwm", "duty")) and label:
            key = ctx.trace.board.physical(label)
            if key not in exclude and key not in found:
                found.append(key)
    return found


def silent_output(ctx: CheckContext, key: str, name: dict[str, str],
                  inputs: set[str]) -> Finding:
    """The finding for an output that never changes: another pin changed, or nothing did."""
    others = changed_outputs(ctx, {key} | inputs)
    want = pin_name(ctx, key)
    if others:
        got = pin_name(ctx, others[0])
        return Finding.say(False, f"{name['it']} su {want} non cambia mai; cambia invece {got}",
                           f"{name['en']} on {want} never changes; {got} changes instead",
                           "wrong-pin")
    return Finding.say(False, f"{name['it']} su {want} non cambia mai",
                       f"{name['en']} on {want} never changes", "never-changes")


def describe(dtype: str, value: float, lang: str) -> str:
    if dtype == "hcsr04":
        return {"it": "l'oggetto è a ", "en": "the object is at "}[lang] + f"{fmt_num(value, lang, 0)} cm"
    if dtype == "light_sensor":
        return {"it": "la luce è al ", "en": "the light is at "}[lang] + f"{fmt_num(value * 100, lang, 0)} %"
    if dtype == "tmp102":
        return {"it": "la temperatura è ", "en": "the temperature is "}[lang] + f"{fmt_num(value, lang, 1)} °C"
    return {"it": "la manopola è al ", "en": "the knob is at "}[lang] + f"{fmt_num(value * 100, lang, 0)} %"


def threshold_text(dtype: str, value: float, below: bool, lang: str) -> str:
    word = {("it", True): "sotto", ("it", False): "sopra", ("en", True): "below",
            ("en", False): "above"}[(lang, below)]
    article = {"hcsr04": " i", "tmp102": " i"}.get(dtype, " il") if lang == "it" else ""
    if dtype == "hcsr04":
        return f"{word}{article} {fmt_num(value, lang, 0)} cm"
    if dtype == "tmp102":
        return f"{word}{article} {fmt_num(value, lang, 1)} °C"
    return f"{word}{article} {fmt_num(value * 100, lang, 0)} %"


def input_keys(dev: dict[str, Any]) -> set[str]:
    """The board pins an input device is wired to."""
    return {dev[k] for k in ("pin", "trigger", "echo") if k in dev}
