"""Python checks of the micro:bit thermometer lab: after each press of A the display shows the
board's temperature at that moment (a whole number of °C, 1 degree of slack), and after each
press of B a happy face when it is from 18 to 24 °C, a sad face otherwise. The temperature is
the scenario's ``board_temperature`` curve; the display is read from the board's record."""

import re

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import button_presses, stopped_before_end
from app.sim.hal.inputs import interp

HAPPY = "00000:09090:00000:90009:09990"
SAD = "00000:09090:00000:09990:90009"
FACES = {HAPPY: {"it": "la faccina felice", "en": "the happy face"},
         SAD: {"it": "la faccina triste", "en": "the sad face"}}


def _celsius(trace, t_us):
    return interp([list(p) for p in trace.scenario.board_temperature], t_us / 1000)


def _face_at(trace, t_us):
    face = None
    for e in trace.of("display", "image"):
        if e.t_us > t_us:
            break
        face = e.value
    return face


def _say(k, button, t_us, it, en, cause):
    at = {lang: fmt_num(t_us / 1e6, lang, 1) for lang in ("it", "en")}
    return Finding.say(False, f"pressione {k + 1} (tasto {button}, a {at['it']} s): {it}",
                       f"press {k + 1} (button {button}, at {at['en']} s): {en}", cause)


def thermometer(trace, run, args):
    """A: within ``within_ms`` (default 400) a number equal to the temperature (±1 °C). B: at
    ``within_ms`` the happy face from ``low`` to ``high`` °C (default 18 and 24), the sad one
    otherwise."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    within = int(args.get("within_ms", 400)) * 1000
    low, high = float(args.get("low", 18)), float(args.get("high", 24))
    texts = [e for e in trace.events if e.source == "display" and e.kind in ("text", "scroll")]
    for k, (t, pin) in enumerate(button_presses(trace)):
        celsius = round(_celsius(trace, t))
        if pin == "button_a":
            shown = [e.value for e in texts if t < e.t_us <= t + within]
            if not shown:
                return _say(k, "A", t, "non compare niente", "nothing appears", "no-number")
            numbers = [int(n) for n in re.findall(r"-?\d+", str(shown[0]))]
            if not numbers:
                return _say(k, "A", t, f"compare «{str(shown[0])[:20]}», non un numero",
                            f"\"{str(shown[0])[:20]}\" appears, not a number", "shows-text")
            if abs(numbers[0] - celsius) > 1:
                return _say(k, "A", t, f"compare {numbers[0]}, ma ci sono {celsius} °C",
                            f"{numbers[0]} appears, but it is {celsius} °C", "wrong-number")
            continue
        want = HAPPY if low <= celsius <= high else SAD
        got = _face_at(trace, t + within)
        if got == want:
            continue
        fresh = any(t < e.t_us <= t + within for e in trace.of("display", "image"))
        if not fresh:
            cause = "no-face"
        elif celsius in (low, high):
            cause = "bounds"
        elif len({_face_at(trace, tb + within) for tb, pb in button_presses(trace) if pb == "button_b"}) == 1:
            cause = "same-face"
        elif got in FACES:
            cause = "swapped"
        else:
            cause = "no-face"
        return _say(k, "B", t, f"ci sono {celsius} °C: doveva comparire {FACES[want]['it']}",
                    f"it is {celsius} °C: {FACES[want]['en']} should appear", cause)
    return Finding.say(True, "a ogni pressione la temperatura o la faccina giusta",
                       "the right temperature or face at every press")
