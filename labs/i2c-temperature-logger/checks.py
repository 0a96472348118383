"""Python checks of the I2C temperature logger lab: every printed temperature is the TMP102's
reading, within the sensor's resolution, in any of the tolerant formats the instructions list."""
import re

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import input_value, stopped_before_end

RESOLUTION = 0.0625  # °C per step of the TMP102's 12-bit value
# Numbers glued to letters ("TMP102", "0x48") are names, not temperatures.
_DECIMAL = re.compile(r"(?<![\w.])-?\d+\.\d+")
_COMMA = re.compile(r"(?<![\w,.])-?\d+,\d+(?!\d)")
_INTEGER = re.compile(r"(?<![\w.])-?\d+(?![\w.])")


def printed_temperature(line):
    """The temperature a printed line carries, or None: the first number with a decimal point
    ("T=21.5", "T = 21.50", "Temperatura: 21.56 °C"), else one with a decimal comma, else the
    first whole number. Lines without digits (a title) carry none."""
    for rx in (_DECIMAL, _COMMA, _INTEGER):
        m = rx.search(line)
        if m:
            return float(m.group(0).replace(",", "."))
    return None


def _sensor_readings(trace):
    """(t_us, °C as the sensor reports it) for every read of the temperature register."""
    devices = [d for d in trace.scenario.devices if d["type"] == "tmp102"]
    if not devices:
        return []
    dev = devices[0]
    out = []
    for e in trace.events:
        if not e.source.startswith("i2c:") or e.kind != "read":
            continue
        if not isinstance(e.value, dict) or e.value.get("addr") != dev["address"] or e.value.get("reg", 0) != 0:
            continue
        out.append((e.t_us, round(input_value(None, dev, e.t_us) / RESOLUTION) * RESOLUTION))
    return out

def _num(x, lang):
    return fmt_num(x, lang, 4)


def temperatures_match(trace, run, args):
    """Each printed temperature equals a sensor reading (within 0.0625 °C), in the order the
    readings were taken, one reading per printed line; at least ``min_lines`` (default 5)."""
    need = int(args.get("min_lines", 5))
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    reads = _sensor_readings(trace)
    lines = [ln for ln in run.stdout.splitlines() if ln.strip()]
    printed = [(ln, printed_temperature(ln)) for ln in lines]
    values = [(ln, v) for ln, v in printed if v is not None]
    if not reads:
        return Finding.say(False, "il sensore all'indirizzo 0x48 non viene mai letto",
                           "the sensor at address 0x48 is never read", "no-reads")
    if not values:
        if lines:
            shown = lines[0][:40]
            return Finding.say(False, f"nessun numero nelle righe stampate (per esempio «{shown}»)",
                               f"no number in the printed lines (for example \"{shown}\")",
                               "wrong-format")
        return Finding.say(False, "il programma non stampa niente", "the program prints nothing",
                           "no-output")
    j = 0
    for k, (line, value) in enumerate(values):
        match = next((i for i in range(j, len(reads)) if abs(value - reads[i][1]) <= RESOLUTION + 1e-9),
                     None)
        if match is None and j >= len(reads):
            n_reads = len(reads)
            return Finding.say(
                False, f"stampi {len(values)} temperature ma leggi il sensore solo {n_reads} "
                       f"{'volta' if n_reads == 1 else 'volte'}: ogni riga deve avere la sua lettura",
                f"you print {len(values)} temperatures but read the sensor only {n_reads} "
                f"time{'s' if n_reads != 1 else ''}: every line needs its own reading",
                "ignores-input")
        if match is None:
            expected = reads[min(j, len(reads) - 1)][1]
            return _wrong_value(k + 1, line, value, expected, values, reads)
        j = match + 1
    if len(values) < need:
        return Finding.say(False, f"solo {len(values)} temperature stampate, ne servono almeno {need}",
                           f"only {len(values)} temperatures printed, at least {need} needed",
                           "too-few")
    return Finding.say(True, f"{len(values)} temperature stampate, tutte uguali alla lettura del "
                             f"sensore (entro {_num(RESOLUTION, 'it')} °C)",
                       f"{len(values)} temperatures printed, all equal to the sensor's reading "
                       f"(within {_num(RESOLUTION, 'en')} °C)")


def _wrong_value(n, line, value, expected, values, reads):
    shown = line.strip()[:40]
    it = (f"riga {n} «{shown}»: hai stampato {fmt_num(value, 'it', 4)}, il sensore leggeva "
          f"{_num(expected, 'it')} °C (differenza ammessa {_num(RESOLUTION, 'it')} °C)")
    en = (f"line {n} \"{shown}\": you printed {fmt_num(value, 'en', 4)}, the sensor read "
          f"{_num(expected, 'en')} °C (allowed difference {_num(RESOLUTION, 'en')} °C)")
    if expected and abs(value / expected - 16) < 0.5:
        cause = "no-shift"
    elif expected and abs(value - expected / RESOLUTION) < 1.5:
        cause = "no-scale"
    elif len({v for _, v in values}) == 1 and len({r for _, r in reads}) > 2:
        cause = "ignores-input"
        it += "; stampi sempre lo stesso numero"
        en += "; you always print the same number"
    elif abs(value - expected) <= 1.0:
        cause = "rounded"
    else:
        cause = "wrong-value"
    return Finding.say(False, it, en, cause)
