"""Plain-language explanations, in Italian and English, of what went wrong in a student's run.

Owns the mapping from an error (type, message, outcome) to a short explanation a 12-year-old can
act on: a misspelt name, bad indentation, a wrong pin, a missing import, a loop that never pauses,
too much memory, endless recursion, an output flood, and a module or function that exists on the
real board but not in the simulator (said so honestly, never "it does not exist").
"""

from __future__ import annotations

import re

Text = dict[str, str]

_RULES: list[tuple[str, re.Pattern[str], Text]] = [
    ("IndentationError", re.compile(r".*"), {
        "it": "Il rientro (gli spazi a inizio riga) non è coerente: le righe dentro un if, while, for o "
              "def devono avere tutte lo stesso rientro, di solito 4 spazi.",
        "en": "The indentation (spaces at the start of the line) is inconsistent: lines inside an if, "
              "while, for or def must all be indented the same, usually 4 spaces."}),
    ("SyntaxError", re.compile(r".*"), {
        "it": "Python non riesce a leggere questa riga: controlla i due punti (:) dopo if/while/def, "
              "le parentesi e le virgolette chiuse.",
        "en": "Python cannot read this line: check the colon (:) after if/while/def, and that brackets "
              "and quotes are closed."}),
    ("NameError", re.compile(r"name '(\w+)' isn't defined"), {
        "it": "Il nome '{0}' non esiste: forse è scritto male (maiuscole comprese) o manca un import "
              "(per esempio 'from machine import Pin' o 'import time').",
        "en": "The name '{0}' does not exist: it may be misspelt (capitals matter) or an import is "
              "missing (for example 'from machine import Pin' or 'import time')."}),
    ("ImportError", re.compile(r"module '([\w.]+)' is available on the real board, not in the"), {
        "it": "Il modulo '{0}' è disponibile sulla scheda vera, non nel simulatore: prova questa "
              "parte del programma sulla scheda.",
        "en": "The module '{0}' is available on the real board, not in the simulator: try this part "
              "of the program on the board."}),
    ("NotImplementedError", re.compile(r"'([\w.]+)[^']*' is available on the real board"), {
        "it": "'{0}' è disponibile sulla scheda vera, non nel simulatore: prova questa parte del "
              "programma sulla scheda.",
        "en": "'{0}' is available on the real board, not in the simulator: try this part of the "
              "program on the board."}),
    ("ImportError", re.compile(r"(?:no module named|can't import name) '?(\w+)'?"), {
        "it": "'{0}' non esiste su questa scheda: controlla il nome del modulo e che la scheda scelta "
              "sia quella giusta.",
        "en": "'{0}' does not exist on this board: check the module name and that the right board is "
              "selected."}),
    ("AttributeError", re.compile(r"has no attribute '(\w+)'"), {
        "it": "'{0}' non esiste per questo oggetto: forse è scritto male? Controlla l'elenco dei metodi "
              "nella documentazione (per esempio on(), off(), toggle(), value()).",
        "en": "'{0}' does not exist on this object: is it misspelt? Check the method list in the "
              "documentation (for example on(), off(), toggle(), value())."}),
    ("ValueError", re.compile(r"(invalid pin|unknown named pin|pin can only be input|ADC)"), {
        "it": "Quel pin non va bene per questo uso: controlla il numero del pin sulla piedinatura della "
              "scheda (sull'ESP32 i pin 34-39 sono solo ingressi).",
        "en": "That pin cannot be used this way: check the pin number on the board's pinout (on the "
              "ESP32 pins 34-39 are inputs only)."}),
    ("TypeError", re.compile(r"can't convert str to int"), {
        "it": "Su questa scheda i pin si indicano con un numero: scrivi per esempio Pin(2) e non "
              "Pin('LED') (sull'ESP32 il LED della scheda è sul GPIO 2).",
        "en": "On this board pins are given as numbers: write for example Pin(2), not Pin('LED') "
              "(on the ESP32 the onboard LED is on GPIO 2)."}),
    ("TypeError", re.compile(r".*"), {
        "it": "Un valore è del tipo sbagliato o una funzione ha ricevuto argomenti sbagliati: controlla "
              "cosa passi tra parentesi.",
        "en": "A value has the wrong type or a function got the wrong arguments: check what you pass "
              "between the brackets."}),
    ("ZeroDivisionError", re.compile(r".*"), {
        "it": "Una divisione per zero: controlla il valore del divisore prima di dividere.",
        "en": "A division by zero: check the divisor before dividing."}),
    ("IndexError", re.compile(r".*"), {
        "it": "Hai usato una posizione che non esiste nella lista (si parte da 0 e l'ultima è len-1).",
        "en": "You used a position that is not in the list (counting starts at 0, the last is len-1)."}),
    ("KeyError", re.compile(r".*"), {
        "it": "Quella chiave non c'è nel dizionario.", "en": "That key is not in the dictionary."}),
    ("MemoryError", re.compile(r".*"), {
        "it": "Il programma ha usato troppa memoria: forse una lista o una stringa cresce senza fine.",
        "en": "The program used too much memory: perhaps a list or a string grows without end."}),
    ("RuntimeError", re.compile(r"recursion"), {
        "it": "Una funzione chiama se stessa senza fermarsi mai (ricorsione infinita).",
        "en": "A function keeps calling itself and never stops (endless recursion)."}),
    ("Timeout", re.compile(r"without pausing or using the board from ([0-9.]+) s"), {
        "it": "Il programma ha esaurito il tempo di calcolo: da {0} s in poi ha fatto solo calcoli, "
              "senza usare la scheda e senza pause. Forse un ciclo non finisce mai, o un calcolo è "
              "troppo lungo per questa prova.",
        "en": "The program used up its computing budget: from {0} s on it only computed, without "
              "using the board or pausing. Perhaps a loop never ends, or a calculation is too long "
              "for this run."}),
    ("Timeout", re.compile(r".*"), {
        "it": "Il programma ha esaurito il tempo di calcolo: c'è probabilmente un ciclo che non si "
              "ferma mai e non fa pause (aggiungi time.sleep_ms(...) nel ciclo).",
        "en": "The program used up its computing budget: there is probably a loop that never stops and "
              "never pauses (add time.sleep_ms(...) inside the loop)."}),
    ("OutputLimit", re.compile(r".*"), {
        "it": "Il programma ha stampato troppo testo; l'output è stato tagliato. Stampa meno spesso.",
        "en": "The program printed too much text; the output was cut. Print less often."}),
]


# Names students use without importing them, and the import line that provides them.
_IMPORTS = {
    **{n: "from machine import " + n for n in ("Pin", "PWM", "ADC", "Timer", "I2C", "SoftI2C",
                                                "UART", "time_pulse_us", "SPI", "SoftSPI", "RTC",
                                                "WDT", "DAC", "TouchPad")},
    **{n: "import " + n for n in ("time", "machine", "random", "music", "neopixel", "math")},
    **{n: "from time import " + n for n in ("sleep", "sleep_ms", "sleep_us", "ticks_ms",
                                             "ticks_diff")},
    **{n: "from microbit import *" for n in ("display", "Image", "button_a", "button_b",
                                             "running_time", "temperature", "pin0", "pin1",
                                             "pin2", "accelerometer")},
    "NeoPixel": "from neopixel import NeoPixel",
}


def _missing_import(message: str) -> Text | None:
    m = re.search(r"name '(\w+)' isn't defined", message or "")
    line = _IMPORTS.get(m.group(1)) if m else None
    if line is None:
        return None
    name = m.group(1)
    return {"it": f"'{name}' esiste, ma non l'hai importato: aggiungi in cima al programma la riga "
                  f"'{line}'. (Se lo hai importato, controlla maiuscole e minuscole.)",
            "en": f"'{name}' exists, but you did not import it: add the line '{line}' at the top "
                  "of the program. (If you did import it, check capital and small letters.)"}


def explain(err_type: str, message: str) -> Text | None:
    """Return ``{"it", "en"}`` for an error, or None when there is nothing useful to add."""
    if err_type == "NameError":
        special = _missing_import(message)
        if special is not None:
            return special
    for name, pattern, text in _RULES:
        if name != err_type:
            continue
        m = pattern.search(message or "")
        if m is None:
            continue
        arg = m.group(1) if m.groups() else ""
        decimal = re.fullmatch(r"-?[0-9]+\.[0-9]+", arg) is not None
        return {lang: t.format(arg.replace(".", ",") if lang == "it" and decimal else arg)
                for lang, t in text.items()}
    return None


def outcome_notice(outcome: str, seconds: float) -> Text:
    """One sentence saying how the run ended (seconds to 0.01 s, a decimal comma in Italian)."""
    s = f"{round(seconds, 2):g}"
    si = s.replace(".", ",")
    return {
        "time": {"it": f"Eseguito per {si} s di tempo simulato.",
                 "en": f"Ran for {s} s of simulated time."},
        "done": {"it": f"Il programma è terminato dopo {si} s di tempo simulato.",
                 "en": f"The program finished after {s} s of simulated time."},
        "exit": {"it": "Il programma è uscito (sys.exit o reset).",
                 "en": "The program exited (sys.exit or reset)."},
        "watchdog": {"it": f"Il watchdog (machine.WDT) non è stato nutrito in tempo e ha "
                           f"riavviato la scheda dopo {si} s.",
                     "en": f"The watchdog (machine.WDT) was not fed in time and reset the board "
                           f"after {s} s."},
        "error": {"it": "Il programma si è fermato per un errore.",
                  "en": "The program stopped with an error."},
        "fuel": {"it": "Fermato: limite di calcolo raggiunto.",
                 "en": "Stopped: computing limit reached."},
        "crash": {"it": "L'interprete si è fermato in modo anomalo.",
                  "en": "The interpreter stopped abnormally."},
    }.get(outcome, {"it": outcome, "en": outcome})
