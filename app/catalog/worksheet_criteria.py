"""Pass criteria in plain words, written from a lab's checks as the lab engine parsed them.

Every sentence is built from the check's own parameters (the figures ``app.sim`` grades with), so
a worksheet can never state a time, a threshold or a tolerance the grader does not use. One
describer per check kind, registered in ``DESCRIBERS``; a kind without one falls back to the
check's own message followed by its figures, so a new kind still prints every number it checks.
Texts come in Italian and English (``Say``); numbers are written as a pupil reads them (a decimal
comma in Italian). No Flask here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.sim.checks import Check, fmt_num


@dataclass(frozen=True)
class Say:
    """One sentence in both languages."""

    it: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.it


@dataclass(frozen=True)
class Setting:
    """What a describer may need besides the check: the board, the run length, robot worlds."""

    board: str
    seconds: float
    worlds: tuple[tuple[str, Mapping[str, str], Any], ...] = ()  # (label, title {it,en}, World)


Describer = Callable[[Check, Setting, str], Say]
DESCRIBERS: dict[str, Describer] = {}
MORSE = {"A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.",
         "H": "....", "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.",
         "O": "---", "P": ".--.", "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-",
         "V": "...-", "W": ".--", "X": "-..-", "Y": "-.--", "Z": "--..", "0": "-----",
         "1": ".----", "2": "..---", "3": "...--", "4": "....-", "5": ".....", "6": "-....",
         "7": "--...", "8": "---..", "9": "----."}
# how a device's analog threshold reads: scale factor and unit
THRESHOLD_UNITS = {"light_sensor": (100, "%"), "potentiometer": (100, "%"), "hcsr04": (1, "cm"),
                   "tmp102": (1, "°C"), "dht11": (1, "°C"), "dht22": (1, "°C"),
                   "ds18b20": (1, "°C"), "touch": (1, "")}
DEVICE_NAMES = {"light_sensor": Say("la luce", "the light"),
                "potentiometer": Say("la manopola", "the knob"),
                "hcsr04": Say("l'oggetto davanti al sensore", "the object in front of the sensor"),
                "tmp102": Say("la temperatura", "the temperature"),
                "dht11": Say("la temperatura", "the temperature"),
                "dht22": Say("la temperatura", "the temperature"),
                "ds18b20": Say("la temperatura", "the temperature"),
                "touch": Say("il valore del sensore touch", "the touch reading")}


def describer(kind: str) -> Callable[[Describer], Describer]:
    def register(fn: Describer) -> Describer:
        DESCRIBERS[kind] = fn
        return fn
    return register


def num(value: Any, lang: str, digits: int = 2) -> str:
    return fmt_num(float(value), lang, digits)


def pct(ratio: Any, lang: str) -> str:
    return f"{num(float(ratio) * 100, lang, 1)} %"


def pin_name(value: Any, board: str) -> str:
    """A pin as printed on the board: ``GP15``, ``GPIO2``, ``P0``, "LED" for the onboard LED."""
    if isinstance(value, Mapping):
        value = value.get(board, next(iter(value.values()), ""))
    text = str(value)
    if text.upper() == "LED":
        return "LED"
    if text.startswith("button_"):
        return text[-1].upper()
    if text.startswith("pin") and text[3:].isdigit():
        return "P" + text[3:]
    if text.isdigit():
        return {"pico": "GP", "pico_w": "GP", "esp32": "GPIO", "microbit": "P"}.get(board, "") + text
    return text


def describe(check: Check, setting: Setting, lang: str) -> str:
    """The criterion of one check, in ``lang``."""
    fn = DESCRIBERS.get(check.kind)
    if fn is None:
        return _fallback(check, lang)
    return fn(check, setting, lang).get(lang)


def _fallback(check: Check, lang: str) -> str:
    """The check's own message, then every number it checks with, named after its parameter."""
    figures = [figure(key, value, lang) for key, value in sorted(_numbers(check.params))]
    message = check.message.get(lang) or check.message.get("it", "")
    return f"{message} ({'; '.join(figures)})" if figures else message


def _numbers(params: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in params.items():
        name = f"{prefix}{key}"
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            out.append((name, value))
        elif isinstance(value, Mapping) and key != "names":
            out.extend(_numbers(value, f"{name} "))
    return out


UNITS = {"ms": "ms", "s": "s", "cm": "cm", "deg": "°", "hz": "Hz", "pct": "%"}


def figure(key: str, value: Any, lang: str) -> str:
    """A parameter as 'interval: 2000 ms' (the unit taken from the name's last word)."""
    words = key.split("_")
    unit = UNITS.get(words[-1], "") if len(words) > 1 else ""
    name = " ".join(words[:-1] if unit else words)
    return f"{name}: {num(value, lang, 4)}{'' if unit == '°' else ' '}{unit}".rstrip()


def _tol(params: Mapping[str, Any], key: str, unit: str, lang: str) -> str:
    space = "" if unit == "°" else " "
    return f" (± {num(params[key], lang)}{space}{unit})" if key in params else ""


def the_share(ratio: Any, lang: str) -> str:
    """A share with its article: Italian elides before a vowel sound ("l'80 %", "il 90 %")."""
    text = pct(ratio, lang)
    if lang != "it":
        return text
    return ("l'" if text.startswith(("8", "11 ", "11,", "1 ", "1,")) else "il ") + text


def led_name(pin: str) -> Say:
    """'the LED GP15', or the board's own LED."""
    if pin == "LED":
        return Say("Il LED sulla scheda", "The LED on the board")
    return Say(f"Il LED {pin}", f"The LED {pin}")


# ------------------------------------------------------------------ pins and signals

@describer("no_error")
def _no_error(check: Check, setting: Setting, lang: str) -> Say:
    return Say("Il programma gira fino alla fine senza messaggi di errore.",
               "The program runs to the end with no error message.")


@describer("blinks")
def _blinks(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    pin, tol = pin_name(p["pin"], s.board), _tol(p, "tolerance_ms", "ms", lang)
    if "period_ms" in p:
        it = f"{led_name(pin).it} lampeggia con un periodo di {num(p['period_ms'], lang)} ms{tol}"
        en = f"{led_name(pin).en} blinks with a period of {num(p['period_ms'], lang)} ms{tol}"
    else:
        on, off = num(p.get("on_ms", 0), lang), num(p.get("off_ms", 0), lang)
        it = f"{led_name(pin).it} sta acceso {on} ms e spento {off} ms{tol}"
        en = f"{led_name(pin).en} stays on for {on} ms and off for {off} ms{tol}"
    cycles = p.get("min_cycles")
    if cycles:
        it += f", almeno {num(cycles, lang)} volte"
        en += f", at least {num(cycles, lang)} times"
    return Say(it + ", fino alla fine della prova.", en + ", until the end of the test.")


@describer("reacts_within")
def _reacts(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    button, out, ms = pin_name(p["button"], s.board), pin_name(p["output"], s.board), num(p["within_ms"], lang)
    once = Say(", una volta sola per ogni pressione", ", exactly once per press") if p.get("exactly_once") else Say("", "")
    return Say(f"A ogni pressione del pulsante {button}, l'uscita {out} cambia entro {ms} ms{once.it}; "
               "se nessuno tocca il pulsante, non cambia.",
               f"Each press of the button {button} changes the output {out} within {ms} ms{once.en}; "
               "when nobody touches the button, it does not change.")


@describer("states")
def _states(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    pins = [pin_name(x, s.board) for x in p["pins"]]
    given = (p.get("names") or {}).get(lang) or []
    names = [f"{given[i]} ({pin})" if i < len(given) else pin for i, pin in enumerate(pins)]
    steps = []
    for row in p["cycle"]:
        lit = [names[i] for i, level in enumerate(row[:-1]) if level] or ["—"]
        steps.append(f"{' + '.join(lit)} {num(row[-1] / 1000, lang)} s")
    chain = " → ".join(steps)
    tol = _tol(p, "tolerance_ms", "ms", lang)
    glitch = num(p.get("glitch_ms", 50), lang)
    cycles = num(p.get("min_cycles", 1), lang)
    return Say(f"Sequenza: {chain}{tol}, poi di nuovo da capo, almeno {cycles} giri completi. "
               f"Nel passaggio da uno stato all'altro nessuna luce in più (o nessuna luce) per più di {glitch} ms.",
               f"Sequence: {chain}{tol}, then again from the start, at least {cycles} full cycles. "
               f"When switching, no extra light (or no light at all) for more than {glitch} ms.")


@describer("morse")
def _morse(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    text = str(p["text"]).upper()
    code = " ".join(MORSE.get(ch, "?") for ch in text if ch != " ").replace(".", "·").replace("-", "−")
    pin, tol = pin_name(p["pin"], s.board), _tol(p, "tolerance_ms", "ms", lang)
    ms = {k: num(p[k], lang) for k in ("dot_ms", "dash_ms", "gap_ms", "letter_gap_ms", "word_gap_ms") if k in p}
    parts_it = [f"{label} {ms[k]} ms" for k, label in (("dot_ms", "punto"), ("dash_ms", "linea"),
                ("gap_ms", "pausa dentro la lettera"), ("letter_gap_ms", "pausa tra lettere"),
                ("word_gap_ms", "pausa tra parole")) if k in ms]
    parts_en = [f"{label} {ms[k]} ms" for k, label in (("dot_ms", "dot"), ("dash_ms", "dash"),
                ("gap_ms", "pause inside a letter"), ("letter_gap_ms", "pause between letters"),
                ("word_gap_ms", "pause between words")) if k in ms]
    times = num(p.get("repeat", 1), lang)
    return Say(f"{led_name(pin).it} trasmette «{text}» in Morse ({code}): {', '.join(parts_it)}{tol}; "
               f"almeno {times} volte e poi ancora, per sempre.",
               f"{led_name(pin).en} sends '{text}' in Morse ({code}): {', '.join(parts_en)}{tol}; "
               f"at least {times} times and then on and on, forever.")


@describer("event_count")
def _event_count(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    what = (p.get("what") or {}).get(lang) or Say("eventi", "events").get(lang)
    seconds = num(s.seconds, lang)
    if "min" in p and "max" in p:
        count = Say(f"da {num(p['min'], lang)} a {num(p['max'], lang)} volte",
                    f"{num(p['min'], lang)} to {num(p['max'], lang)} times")
    elif "max" in p:
        count = Say(f"al massimo {num(p['max'], lang)} volte", f"at most {num(p['max'], lang)} times")
    else:
        count = Say(f"almeno {num(p.get('min', 1), lang)} volte", f"at least {num(p.get('min', 1), lang)} times")
    return Say(f"Nella prova di {seconds} s: {what} {count.it}.", f"In the {seconds} s test: {what} {count.en}.")


@describer("output_when")
def _output_when(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    device = str(p["device"])
    scale, unit = THRESHOLD_UNITS.get(device, (1, ""))
    threshold = f"{num(float(p['threshold']) * scale, lang)} {unit}".strip()
    name = (p.get("name") or {}).get(lang) or Say("l'uscita", "the output").get(lang)
    out = pin_name(p["output"], s.board)
    what = DEVICE_NAMES.get(device, Say(device, device))
    if "input_pin" in p:
        where = pin_name(p["input_pin"], s.board)
        what = Say(f"{what.it} ({where})", f"{what.en} ({where})")
    below = p.get("when", "below") == "below"
    side_it, side_en = ("sotto", "below") if below else ("sopra", "above")
    if device == "hcsr04":
        side_it, side_en = ("più vicino di", "closer than") if below else ("più lontano di", "farther than")
        cond = Say(f"{what.it} è {side_it} {threshold}", f"{what.en} is {side_en} {threshold}")
    else:
        cond = Say(f"{what.it} è {side_it} {threshold}", f"{what.en} is {side_en} {threshold}")
    settle = num(p.get("settle_ms", 0), lang)
    ratio = Say(the_share(p.get("min_ratio", 1), "it"), pct(p.get("min_ratio", 1), "en"))
    return Say(f"{name[:1].upper() + name[1:]} ({out}) è acceso solo mentre {cond.it}, spento altrimenti. "
               f"Ha {settle} ms per reagire a ogni cambiamento e deve essere giusto almeno {ratio.it} del tempo.",
               f"{name[:1].upper() + name[1:]} ({out}) is on only while {cond.en}, off otherwise. "
               f"It has {settle} ms to react to each change and must be right at least {ratio.en} of the time.")


@describer("duty_tracks")
def _duty_tracks(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    out, knob = pin_name(p["output"], s.board), pin_name(p["input_pin"], s.board)
    low, high = pct(p.get("max_zero", 0), lang), pct(p.get("min_full", 1), lang)
    match = num(p.get("min_correlation", 0), lang)
    if p.get("sign", 1) >= 0:
        ends = Say(f"con l'ingresso al minimo al massimo {low}, al massimo almeno {high}",
                   f"with the input at its lowest at most {low}, at its highest at least {high}")
    else:
        ends = Say(f"con l'ingresso al massimo al massimo {low}, al minimo almeno {high}",
                   f"with the input at its highest at most {low}, at its lowest at least {high}")
    return Say(f"La luminosità (PWM) di {out} segue l'ingresso {knob}: {ends.it}; "
               f"somiglianza tra le due curve (correlazione) almeno {match}.",
               f"The brightness (PWM) of {out} follows the input {knob}: {ends.en}; "
               f"the two curves must match (correlation) at least {match}.")


@describer("pwm_fade")
def _pwm_fade(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    pin = pin_name(p["pin"], s.board)
    low, high = num(p.get("low", 0), lang), num(p.get("high", 65535), lang)
    steps, jump = num(p.get("min_steps", 1), lang), num(p.get("max_jump", 65535), lang)
    t0, t1 = num(p.get("min_ramp_ms", 0), lang), num(p.get("max_ramp_ms", 0), lang)
    ramps, pause = num(p.get("min_ramps", 1), lang), num(p.get("max_pause_ms", 0), lang)
    return Say(f"{led_name(pin).it} si accende e si spegne piano, per sempre: ogni salita o discesa va da meno "
               f"di {low} a più di {high} (duty_u16), in almeno {steps} passi di al massimo {jump}, e dura "
               f"da {t0} a {t1} ms. Almeno {ramps} salite o discese, pause al massimo di {pause} ms.",
               f"{led_name(pin).en} fades up and down, forever: each rise or fall goes from below {low} to above "
               f"{high} (duty_u16), in at least {steps} steps of at most {jump}, and lasts {t0} to {t1} ms. "
               f"At least {ramps} rises or falls, pauses of at most {pause} ms.")


@describer("servo_sweep")
def _servo(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    pin, angles = pin_name(p["pin"], s.board), " → ".join(f"{num(a, lang)}°" for a in p["angles"])
    tol = _tol(p, "tolerance_deg", "°", lang)
    hz, step = num(p.get("freq_hz", 50), lang), num(p.get("max_step_deg", 180), lang)
    pause = num(p.get("max_pause_ms", 0), lang)
    return Say(f"Il servo su {pin} riceve impulsi a {hz} Hz e passa per {angles}{tol}, al massimo "
               f"{step}° alla volta, senza fermarsi più di {pause} ms, per sempre.",
               f"The servo on {pin} gets {hz} Hz pulses and goes through {angles}{tol}, at most "
               f"{step}° at a time, never stopping for more than {pause} ms, forever.")


@describer("melody")
def _melody(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    names = (p.get("names") or {}).get(lang) or []
    notes = ", ".join(f"{names[i]} ({num(hz, lang)} Hz)" if i < len(names) else f"{num(hz, lang)} Hz"
                      for i, hz in enumerate(p["notes"]))
    pin = pin_name(p["pin"], s.board)
    length = num(p.get("note_ms", 0), lang)
    tol, tol_pct = _tol(p, "tolerance_ms", "ms", lang), _tol(p, "tolerance_pct", "%", lang)
    gap = (num(p.get("min_gap_ms", 0), lang), num(p.get("max_gap_ms", 0), lang))
    return Say(f"Il buzzer su {pin} suona in ordine {notes}{tol_pct}; ogni nota dura {length} ms{tol}, "
               f"e tra due note c'è una pausa da {gap[0]} a {gap[1]} ms.",
               f"The buzzer on {pin} plays, in order, {notes}{tol_pct}; each note lasts {length} ms{tol}, "
               f"with a pause of {gap[0]} to {gap[1]} ms between two notes.")


@describer("running_dot")
def _running_dot(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    pin, count = pin_name(p["pin"], s.board), num(p["count"], lang)
    step, tol = num(p.get("step_ms", 0), lang), _tol(p, "tolerance_ms", "ms", lang)
    steps = num(p.get("min_steps", 1), lang)
    return Say(f"Sulla striscia di {count} LED ({pin}) è acceso un solo LED alla volta; il punto si sposta "
               f"di un LED ogni {step} ms{tol}, almeno {steps} passi, per sempre.",
               f"On the {count}-LED strip ({pin}) exactly one LED is lit at a time; the dot moves one LED "
               f"every {step} ms{tol}, at least {steps} steps, forever.")


@describer("python")
def _python(check: Check, s: Setting, lang: str) -> Say:
    # A lab's own Python check: its message says what it checks, with its arguments already
    # written in as words ("{min_rows}" in lab.yaml, filled by the lab engine). An argument the
    # message does not state is added in brackets, so no figure the check grades with is hidden.
    args = check.params.get("args") or {}
    text = {k: check.message.get(k, "") for k in ("it", "en")}
    for k in text:
        figures = [figure(key, value, k) for key, value in sorted(_numbers(args))
                   if not _mentions_number(text[k], num(value, k, 4))]
        if figures:
            text[k] = f"{text[k]} ({'; '.join(figures)})"
    return Say(text["it"], text["en"])


def _mentions_number(text: str, number: str) -> bool:
    """Does ``text`` already contain ``number`` as a whole number ("10" is not in "100")?"""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None


@describer("output_contains")
def _output_contains(check: Check, s: Setting, lang: str) -> Say:
    text = str(check.params["text"])
    return Say(f"Quello che il programma stampa contiene «{text}».", f"What the program prints contains '{text}'.")


@describer("stdout_matches")
def _stdout_matches(check: Check, s: Setting, lang: str) -> Say:
    pattern, count = str(check.params["pattern"]), num(check.params.get("min_count", 1), lang)
    return Say(f"Almeno {count} righe stampate hanno la forma {pattern} (espressione regolare).",
               f"At least {count} printed lines have the form {pattern} (a regular expression).")


@describer("display_shows")
def _display_shows(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    texts = ", ".join(f"«{t}»" for t in p.get("texts", []))
    frames, changes = len(p.get("frames", [])), num(p.get("min_changes", 1), lang)
    it = [f"il display mostra {texts}"] if texts else []
    en = [f"the display shows {texts}"] if texts else []
    if frames:
        it.append(f"{frames} immagini 5×5 date")
        en.append(f"{frames} given 5×5 images")
    return Say(f"Sul micro:bit: {' e '.join(it) or 'il display cambia'}, cambiando almeno {changes} volte.",
               f"On the micro:bit: {' and '.join(en) or 'the display changes'}, changing at least {changes} times.")


@describer("neopixel_frames")
def _neopixel_frames(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    frames, pin = num(p.get("min_frames", 2), lang), pin_name(p["pin"], s.board)
    lit = Say(", accendendo ogni LED", ", lighting every LED") if p.get("all_lit") else Say("", "")
    return Say(f"La striscia NeoPixel ({pin}) mostra almeno {frames} immagini diverse{lit.it}.",
               f"The NeoPixel strip ({pin}) shows at least {frames} different pictures{lit.en}.")


# the robot kinds register themselves on import
from app.catalog import worksheet_criteria_robot  # noqa: E402,F401
